package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormatsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 0",
        "7 | 7",
        "999 | 999",
        "1000 | 1,000",
        "3200 | 3,200",
        "12345 | 12,345",
        "123456 | 123,456",
        "1234567 | 1,234,567",
        "-999 | -999",
        "-1000 | -1,000",
        "-123456 | -123,456",
        "9223372036854775807 | 9,223,372,036,854,775,807",
        "-9223372036854775808 | -9,223,372,036,854,775,808",
      })
  void grouped(long n, String expected) {
    assertThat(NumberFormats.grouped(n)).isEqualTo(expected);
  }

  @Test
  void groupedAgreesWithTheJdkUkFormat() {
    // Independent check: java.text's UK integer format, built fresh here for this thread.
    NumberFormat uk = NumberFormat.getIntegerInstance(Locale.UK);
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      assertThat(NumberFormats.grouped(n)).isEqualTo(uk.format(n));
    }
  }

  @ParameterizedTest(name = "{0} to {1} dp → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.123 | 1 | 12.3%",
        "0.5 | 0 | 50%",
        "1 | 1 | 100.0%",
        "0 | 0 | 0%",
        "0 | 2 | 0.00%",
        // 12.345% to 1 place → 12.3%.
        "0.12345 | 1 | 12.3%",
        // 12.355% to 2 places: half up → 12.36%.
        "0.12355 | 2 | 12.36%",
        // 0.2845 × 100 in doubles is 28.449999999999996; on the decimal form it is 28.45 → 28.5.
        "0.2845 | 1 | 28.5%",
        "0.005 | 0 | 1%",
        "0.001 | 1 | 0.1%",
        "0.07 | 0 | 7%",
        // Rounds to zero: no minus sign on either side.
        "0.0004 | 1 | 0.0%",
        "-0.0004 | 1 | 0.0%",
        "-0.05 | 1 | -5.0%",
        // No grouping inside percentages.
        "12.5 | 0 | 1250%",
        "0.0000000001 | 2 | 0.00%",
      })
  void percent(double rate, int decimals, String expected) {
    assertThat(NumberFormats.percent(rate, decimals)).isEqualTo(expected);
  }

  @Test
  void percentRejectsNonNumbersAndNegativePlaces() {
    assertThatThrownBy(() -> NumberFormats.percent(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NumberFormats.percent(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NumberFormats.percent(0.5, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0E-4 | 0.0001",
        "1.0E-7 | 0.0000001",
        "0.001 | 0.001",
        "0.1 | 0.1",
        "0.25 | 0.25",
        "3.0 | 3",
        "100 | 100",
        "41.5 | 41.5",
        "-1.5 | -1.5",
        "0.3333333333333333 | 0.3333333333333333",
        "1.0E21 | 1000000000000000000000",
        // Double.toString gives 1.9999999999999998E23 on JDK 17 (JDK-4511638)
        "2.0E23 | 200000000000000000000000",
        "9007199254740993 | 9007199254740992",
        "0.0 | 0",
        "-0.0 | -0",
        "NaN | NaN",
        "Infinity | Infinity",
        "-Infinity | -Infinity",
      })
  void shortestDecimal(double value, String expected) {
    assertThat(NumberFormats.shortestDecimal(value)).isEqualTo(expected);
  }

  @Test
  void shortestDecimalNextToAPowerOfTwo() {
    // 2^-1017: the nearest 16-digit decimal does not read back, the one just below does
    double value = Math.scalb(1.0, -1017);
    assertThat(NumberFormats.shortestDecimal(value)).isEqualTo(new BigDecimal("7.120236347223045E-307").toPlainString());
    assertThat(Double.parseDouble("7.120236347223045E-307")).isEqualTo(value);
    // Double.toString says 4.9E-324; one digit reads back already
    assertThat(NumberFormats.shortestDecimal(Double.MIN_VALUE)).isEqualTo(new BigDecimal("5E-324").toPlainString());
  }

  @Test
  void shortestDecimalReadsBackAndIsNeverLongerThanTheJdksForm() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(value)) {
        continue;
      }
      String text = NumberFormats.shortestDecimal(value);
      assertThat(text).doesNotContain("E").doesNotContain(",");
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text).isEqualTo(Double.doubleToRawLongBits(value));
      assertThat(significantDigits(new BigDecimal(text))).as(text).isLessThanOrEqualTo(significantDigits(new BigDecimal(Double.toString(value))));
    }
  }

  @Test
  void shortestDecimalOfAShortDecimalIsNoLonger() {
    // a decimal of at most 15 significant digits always reads back from its double as itself
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      BigDecimal decimal = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, random.nextInt(40) - 20);
      String text = NumberFormats.shortestDecimal(decimal.doubleValue());
      assertThat(new BigDecimal(text).compareTo(decimal)).as(decimal + " → " + text).isZero();
    }
  }

  private static int significantDigits(BigDecimal value) {
    return value.signum() == 0 ? 1 : value.stripTrailingZeros().precision();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2026-11-29, 29 November 2026",
    "2021-04-01, 1 April 2021",
    "2024-02-29, 29 February 2024",
    "2000-01-01, 1 January 2000",
    "2020-11-01, 1 November 2020",
    "2025-03-31, 31 March 2025",
    "2023-05-09, 9 May 2023",
    "2023-06-10, 10 June 2023",
    "2023-07-04, 4 July 2023",
    "2023-08-15, 15 August 2023",
    "2023-09-30, 30 September 2023",
    "2023-10-31, 31 October 2023",
    "2023-12-25, 25 December 2023",
  })
  void longDate(LocalDate date, String expected) {
    assertThat(NumberFormats.longDate(date)).isEqualTo(expected);
  }

  @Test
  void longDateAgreesWithTheJdkUkFormat() {
    DateTimeFormatter uk = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    for (LocalDate day = LocalDate.of(2023, 1, 1);
        day.isBefore(LocalDate.of(2025, 1, 1));
        day = day.plusDays(1)) {
      assertThat(NumberFormats.longDate(day)).isEqualTo(uk.format(day));
    }
  }

  @Test
  void longMonthAgreesWithTheJdkUkFormat() {
    DateTimeFormatter uk = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);
    for (YearMonth month = YearMonth.of(2018, 4); month.isBefore(YearMonth.of(2026, 4)); month = month.plusMonths(1)) {
      assertThat(NumberFormats.longMonth(month)).isEqualTo(uk.format(month));
    }
  }

  @Test
  void outputDoesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // German groups with dots and uses a decimal comma; Arabic (Egypt) has its own digits and
      // month names; Turkish famously changes case rules.
      for (Locale locale :
          new Locale[] {Locale.GERMANY, new Locale("ar", "EG"), new Locale("tr", "TR")}) {
        Locale.setDefault(locale);
        assertThat(NumberFormats.grouped(1_234_567)).isEqualTo("1,234,567");
        assertThat(NumberFormats.percent(0.123, 1)).isEqualTo("12.3%");
        assertThat(NumberFormats.longDate(LocalDate.of(2026, 11, 29)))
            .isEqualTo("29 November 2026");
        assertThat(Periods.month(LocalDate.of(2026, 11, 29))).isEqualTo("2026-11");
        assertThat(Periods.financialYear(LocalDate.of(2026, 11, 29))).isEqualTo("2026-27");
      }
    } finally {
      Locale.setDefault(saved);
    }
  }
}
