package org.offstats.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting periods of the published tables (OUTPUTS.md, "Tables"): the calendar month {@code
 * YYYY-MM} and the UK financial year {@code YYYY-YY}, which runs from 1 April to 31 March (for
 * example {@code 2021-22} is 1 April 2021 to 31 March 2022).
 *
 * <p>The two-digit end year is the end year modulo 100, so the year that straddles a century is
 * {@code 1999-00}. Financial years whose start year is 0000 to 9999 are supported, so that every
 * label this class writes can be read back. Labels are built from ASCII digits directly rather than
 * with {@code String.format}, which would use the machine's default locale.
 */
public final class Periods {

  /** Exactly four ASCII digits, a hyphen and two ASCII digits. */
  private static final Pattern FINANCIAL_YEAR = Pattern.compile("([0-9]{4})-([0-9]{2})");

  private static final int MIN_START_YEAR = 0;
  private static final int MAX_START_YEAR = 9999;

  private Periods() {}

  /**
   * The financial year that contains {@code date}, as {@code YYYY-YY}: 31 March 2021 is in {@code
   * 2020-21}, 1 April 2021 in {@code 2021-22}.
   *
   * @throws IllegalArgumentException if the financial year would start outside 0000 to 9999
   */
  public static String financialYear(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int startYear =
        date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
    return startYear >= CACHED_FROM && startYear < CACHED_TO ? FINANCIAL_YEARS[startYear - CACHED_FROM] : financialYearLabel(startYear);
  }

  /**
   * The calendar month that contains {@code date}, as {@code YYYY-MM} (for example {@code
   * 2021-03}).
   *
   * @throws IllegalArgumentException if the year is outside 0000 to 9999
   */
  public static String month(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException(
          "Year " + year + " cannot be written as a YYYY-MM month: it must be 0000 to 9999");
    }
    if (year >= CACHED_FROM && year < CACHED_TO) {
      return MONTHS[(year - CACHED_FROM) * 12 + date.getMonthValue() - 1];
    }
    return monthLabel(year, date.getMonthValue());
  }

  private static String monthLabel(int year, int month) {
    return fourDigits(year) + "-" + twoDigits(month);
  }

  /*
   * Labels of the years most records fall in, made once: every record is counted under its month
   * or financial year in several tables, and one shared label per period makes the cell look-ups
   * cheap (a string made anew each time has to be hashed and compared character by character).
   */
  private static final int CACHED_FROM = 1900;
  private static final int CACHED_TO = 2100;
  private static final String[] FINANCIAL_YEARS = new String[CACHED_TO - CACHED_FROM];
  private static final String[] MONTHS = new String[(CACHED_TO - CACHED_FROM) * 12];

  static {
    for (int year = CACHED_FROM; year < CACHED_TO; year++) {
      FINANCIAL_YEARS[year - CACHED_FROM] = financialYearLabel(year);
      for (int month = 1; month <= 12; month++) {
        MONTHS[(year - CACHED_FROM) * 12 + month - 1] = monthLabel(year, month);
      }
    }
  }

  /**
   * The first day, 1 April, of a financial year written {@code YYYY-YY}.
   *
   * @throws IllegalArgumentException if {@code financialYear} is not {@code YYYY-YY} with YY the
   *     year after YYYY modulo 100 (such as {@code 2021-22} or {@code 1999-00})
   */
  public static LocalDate financialYearStart(String financialYear) {
    return LocalDate.of(parseStartYear(financialYear), Month.APRIL, 1);
  }

  /**
   * The last day, 31 March, of a financial year written {@code YYYY-YY}.
   *
   * @throws IllegalArgumentException if {@code financialYear} is malformed, as for {@link
   *     #financialYearStart(String)}
   */
  public static LocalDate financialYearEnd(String financialYear) {
    return LocalDate.of(parseStartYear(financialYear) + 1, Month.MARCH, 31);
  }

  /**
   * The latest complete financial year as at {@code asAt}: the latest year whose 31 March is on or
   * before {@code asAt} (OUTPUTS.md, "Headline figures"). As at 31 March 2025 it is {@code
   * 2024-25}; as at 30 March 2025 it is {@code 2023-24}.
   *
   * @return the year, or empty if no financial year starting in 0000 or later has ended by {@code
   *     asAt}
   * @throws IllegalArgumentException if the year would start after 9999
   */
  public static Optional<String> latestCompleteFinancialYear(LocalDate asAt) {
    Objects.requireNonNull(asAt, "asAt");
    LocalDate thisYearsEnd = LocalDate.of(asAt.getYear(), Month.MARCH, 31);
    int endYear = asAt.isBefore(thisYearsEnd) ? asAt.getYear() - 1 : asAt.getYear();
    int startYear = endYear - 1;
    if (startYear < MIN_START_YEAR) {
      return Optional.empty();
    }
    return Optional.of(financialYearLabel(startYear));
  }

  private static int parseStartYear(String financialYear) {
    if (financialYear == null) {
      throw new IllegalArgumentException("Financial year is missing: expected YYYY-YY");
    }
    Matcher matcher = FINANCIAL_YEAR.matcher(financialYear);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "Financial year '" + financialYear + "' is not YYYY-YY (for example 2021-22)");
    }
    int startYear = Integer.parseInt(matcher.group(1));
    int endYearSuffix = Integer.parseInt(matcher.group(2));
    if (endYearSuffix != (startYear + 1) % 100) {
      throw new IllegalArgumentException(
          "Financial year '"
              + financialYear
              + "' is not YYYY-YY: it should be "
              + financialYearLabel(startYear));
    }
    return startYear;
  }

  private static String financialYearLabel(int startYear) {
    if (startYear < MIN_START_YEAR || startYear > MAX_START_YEAR) {
      throw new IllegalArgumentException(
          "A financial year starting in "
              + startYear
              + " cannot be written as YYYY-YY: it must start in 0000 to 9999");
    }
    return fourDigits(startYear) + "-" + twoDigits((startYear + 1) % 100);
  }

  private static String fourDigits(int value) {
    String digits = Integer.toString(value);
    return "0".repeat(4 - digits.length()) + digits;
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
