package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

  // The UK financial year runs 1 April to 31 March and is named after both calendar years it
  // touches, the second as two digits (the year after the start year, modulo 100).
  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    // 31 March is the last day of the year that started the April before.
    "2021-03-31, 2020-21",
    // 1 April starts the next one.
    "2021-04-01, 2021-22",
    "2021-01-01, 2020-21",
    "2021-12-31, 2021-22",
    // Leap days fall in February, so in the year that started the previous April.
    "2020-02-29, 2019-20",
    "2024-02-29, 2023-24",
    // Around the millennium: 1999-04-01 starts 1999-2000, written 1999-00 (2000 mod 100 = 0).
    "1999-04-01, 1999-00",
    "2000-03-31, 1999-00",
    "2000-01-01, 1999-00",
    "2000-04-01, 2000-01",
    // 1 Jan 2000 is in 1999-00; 31 Mar 1999 is still 1998-99.
    "1999-03-31, 1998-99",
    // 2099-12-31: the year started 1 April 2099 and ends in 2100, written 00.
    "2099-12-31, 2099-00",
    "2100-03-31, 2099-00",
    "2100-04-01, 2100-01",
    // Years before 1000 keep four digits.
    "0999-04-01, 0999-00",
    "0001-03-31, 0000-01",
  })
  void financialYearOfADate(LocalDate date, String expected) {
    assertThat(Periods.financialYear(date)).isEqualTo(expected);
  }

  @Test
  void financialYearOutsideFourDigitYearsIsRejected() {
    // 31 March 0000 is in the year that started April -1.
    assertThatThrownBy(() -> Periods.financialYear(LocalDate.of(0, 3, 31)))
        .isInstanceOf(IllegalArgumentException.class);
    // 1 April 10000 starts 10000-01, five digits.
    assertThatThrownBy(() -> Periods.financialYear(LocalDate.of(10000, 4, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    // 31 March 10000 is still in 9999-00.
    assertThat(Periods.financialYear(LocalDate.of(10000, 3, 31))).isEqualTo("9999-00");
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "2021-03-31, 2021-03",
    "2021-04-01, 2021-04",
    "2020-02-29, 2020-02",
    "2000-01-01, 2000-01",
    "1999-12-31, 1999-12",
    "2026-11-29, 2026-11",
    "0042-07-04, 0042-07",
  })
  void monthOfADate(LocalDate date, String expected) {
    assertThat(Periods.month(date)).isEqualTo(expected);
  }

  @Test
  void monthOutsideFourDigitYearsIsRejected() {
    assertThatThrownBy(() -> Periods.month(LocalDate.of(10000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Periods.month(LocalDate.of(-1, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} runs {1} to {2}")
  @CsvSource({
    "2021-22, 2021-04-01, 2022-03-31",
    "2020-21, 2020-04-01, 2021-03-31",
    // Ends in 2000 (a leap year, but March is unaffected).
    "1999-00, 1999-04-01, 2000-03-31",
    "2000-01, 2000-04-01, 2001-03-31",
    "2099-00, 2099-04-01, 2100-03-31",
    // Spans the leap day 29 Feb 2024.
    "2023-24, 2023-04-01, 2024-03-31",
    "0000-01, 0000-04-01, 0001-03-31",
    "9999-00, 9999-04-01, 10000-03-31",
  })
  void startAndEndOfAFinancialYear(String financialYear, String start, String end) {
    assertThat(Periods.financialYearStart(financialYear)).isEqualTo(LocalDate.parse(start));
    // LocalDate.parse needs a sign for years past 9999, so build that end date directly.
    LocalDate expectedEnd = end.length() > 10 ? LocalDate.of(10000, 3, 31) : LocalDate.parse(end);
    assertThat(Periods.financialYearEnd(financialYear)).isEqualTo(expectedEnd);
  }

  @Test
  void startAndEndRoundTripThroughFinancialYear() {
    // Every day from 1998 to 2101: its year's start and end enclose it, and name the same year.
    for (LocalDate day = LocalDate.of(1998, 1, 1);
        day.isBefore(LocalDate.of(2101, 1, 1));
        day = day.plusDays(1)) {
      String financialYear = Periods.financialYear(day);
      LocalDate start = Periods.financialYearStart(financialYear);
      LocalDate end = Periods.financialYearEnd(financialYear);
      assertThat(day).isBetween(start, end);
      assertThat(start.getMonthValue()).isEqualTo(4);
      assertThat(start.getDayOfMonth()).isEqualTo(1);
      assertThat(end).isEqualTo(start.plusYears(1).minusDays(1));
      assertThat(Periods.financialYear(start)).isEqualTo(financialYear);
      assertThat(Periods.financialYear(end)).isEqualTo(financialYear);
    }
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {
        "",
        "2021",
        "2021-23", // the second year must follow the first
        "2021-21",
        "1999-99",
        "1999-2000",
        "2021-2022",
        "21-22",
        "2021/22",
        "2021–22", // en dash
        " 2021-22",
        "2021-22 ",
        "2021-22\n",
        "+2021-22",
        "-2021-22",
        "202a-22",
        "٢٠٢١-٢٢", // Arabic-Indic digits are not ASCII digits
        "FY2021-22",
      })
  void malformedFinancialYearsAreRejected(String financialYear) {
    assertThatThrownBy(() -> Periods.financialYearStart(financialYear))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YYYY-YY");
    assertThatThrownBy(() -> Periods.financialYearEnd(financialYear))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullSource
  void missingFinancialYearIsRejected(String financialYear) {
    assertThatThrownBy(() -> Periods.financialYearStart(financialYear))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Periods.financialYearEnd(financialYear))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inconsistentYearsNameTheCorrectForm() {
    assertThatThrownBy(() -> Periods.financialYearStart("2021-23")).hasMessageContaining("2021-22");
  }

  @ParameterizedTest(name = "as at {0} the latest complete year is {1}")
  @CsvSource({
    // 31 March 2025 ends 2024-25, so that year is complete on that very day.
    "2025-03-31, 2024-25",
    // The day before, 2024-25 is not over; 2023-24 ended 31 March 2024.
    "2025-03-30, 2023-24",
    "2025-04-01, 2024-25",
    "2025-12-31, 2024-25",
    "2025-01-01, 2023-24",
    // Leap day 2024: 31 March 2024 is still ahead, so the last ended on 31 March 2023.
    "2024-02-29, 2022-23",
    "2020-02-29, 2018-19",
    "2024-03-31, 2023-24",
    // Around 2000: 31 March 2000 ends 1999-00.
    "2000-03-31, 1999-00",
    "2000-03-30, 1998-99",
    "2000-01-01, 1998-99",
    "2001-03-31, 2000-01",
    "2100-03-31, 2099-00",
  })
  void latestCompleteFinancialYear(LocalDate asAt, String expected) {
    assertThat(Periods.latestCompleteFinancialYear(asAt)).contains(expected);
  }

  @Test
  void noCompleteFinancialYearBeforeYearZero() {
    // The first writable year, 0000-01, ends 31 March 0001.
    assertThat(Periods.latestCompleteFinancialYear(LocalDate.of(1, 3, 31))).contains("0000-01");
    assertThat(Periods.latestCompleteFinancialYear(LocalDate.of(1, 3, 30))).isEmpty();
    assertThat(Periods.latestCompleteFinancialYear(LocalDate.of(0, 12, 31))).isEmpty();
  }

  @Test
  void latestCompleteFinancialYearAgreesWithTheDefinitionDayByDay() {
    // Independent check of "the latest year whose 31 March is on or before as-at": for each day,
    // the named year's end is on or before it, and the following year's end is after it.
    for (LocalDate asAt = LocalDate.of(1999, 1, 1);
        asAt.isBefore(LocalDate.of(2030, 1, 1));
        asAt = asAt.plusDays(1)) {
      String latest = Periods.latestCompleteFinancialYear(asAt).orElseThrow();
      LocalDate end = Periods.financialYearEnd(latest);
      assertThat(end).isBeforeOrEqualTo(asAt);
      assertThat(end.plusYears(1)).isAfter(asAt);
    }
  }
}
