package org.offstats.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * How numbers and dates are written in headline statements and the report, in the UK style a press
 * officer can paste: {@code 3,200}, {@code 12.3%}, {@code 29 November 2026}.
 *
 * <p>Written out by hand rather than with {@code NumberFormat} or month names from the JDK's locale
 * data, so the text is the same on every machine and JDK whatever the default locale (a run's
 * outputs must be byte-identical, OUTPUTS.md "Determinism"), and so nothing mutable is shared
 * between threads.
 */
public final class NumberFormats {

  private static final String[] MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };

  private NumberFormats() {}

  /** A whole number with commas between groups of three digits: {@code 3,200}, {@code -1,000}. */
  public static String grouped(long n) {
    String digits = Long.toString(n);
    int firstDigit = n < 0 ? 1 : 0;
    StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
    text.append(digits, 0, firstDigit);
    int digitCount = digits.length() - firstDigit;
    for (int i = 0; i < digitCount; i++) {
      if (i > 0 && (digitCount - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(firstDigit + i));
    }
    return text.toString();
  }

  /**
   * A rate (a fraction, 0.123 for 12.3%) as a percentage with {@code decimals} decimal places,
   * rounded half up on the rate's shortest decimal form as {@code Rounding} {@code nearest} does:
   * {@code percent(0.123, 1)} is {@code 12.3%}, {@code percent(0.5, 0)} is {@code 50%}. No grouping
   * commas; a rate that rounds to zero is written without a minus sign.
   *
   * @throws IllegalArgumentException if {@code rate} is NaN or infinite or {@code decimals} is
   *     negative
   */
  public static String percent(double rate, int decimals) {
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("Cannot write " + rate + " as a percentage");
    }
    if (decimals < 0) {
      throw new IllegalArgumentException("Decimal places cannot be negative: " + decimals);
    }
    BigDecimal percentage =
        BigDecimal.valueOf(rate).movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
    return percentage.toPlainString() + "%";
  }

  /** A month as words: {@code April 2018}. */
  public static String longMonth(YearMonth month) {
    Objects.requireNonNull(month, "month");
    return MONTH_NAMES[month.getMonthValue() - 1] + " " + month.getYear();
  }

  /**
   * A double as the shortest plain decimal that reads back as the same double, for tables written
   * as text (the CSV export): {@code 0.0001} (never {@code 1.0E-4}), {@code 0.1}, {@code 12.5},
   * {@code 0.3333333333333333}, and a whole number without a decimal point ({@code 3}, {@code
   * 1000000}). No exponent, no grouping; {@code -0.0} is {@code -0}; NaN and the infinities are
   * {@code NaN}, {@code Infinity} and {@code -Infinity}.
   *
   * <p>{@link Double#toString} switches to an exponent below 0.001 and on JDK 17 sometimes gives
   * more digits than needed (JDK-4511638, fixed in JDK 19), so the digits are found here: the
   * fewest significant digits whose decimal, rounded from the double's exact value, parses back to
   * it. Where that value lies next to a power of two the interval of decimals that parse back is
   * lopsided, so the decimals just below and above are tried as well as the nearest.
   */
  public static String shortestDecimal(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
    }
    BigDecimal exact = new BigDecimal(value);
    // 17 significant digits always read back as the same double
    for (int digits = 1; digits < 17; digits++) {
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(digits, mode));
        if (candidate.doubleValue() == value) {
          return candidate.stripTrailingZeros().toPlainString();
        }
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
  }

  /**
   * A date as words, day without a leading zero: {@code 29 November 2026}, {@code 1 April 2021}.
   */
  public static String longDate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return date.getDayOfMonth()
        + " "
        + MONTH_NAMES[date.getMonthValue() - 1]
        + " "
        + date.getYear();
  }
}
