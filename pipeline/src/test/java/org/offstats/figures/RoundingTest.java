package org.offstats.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundingTest {

  // ---- floor_significant: the largest number with at most N significant figures below the value

  @ParameterizedTest(name = "{0} to {1} sf is {2}")
  @CsvSource({
    // 3247 → floor to 2 sf = 3200, already below 3247.
    "3247, 2, 3200",
    // 3200 has 2 sf already: "more than 3,200" would be false, step down 100 (the 2nd figure).
    "3200, 2, 3100",
    "3201, 2, 3200",
    "1894, 2, 1800",
    // 999 → floor 990 < 999.
    "999, 2, 990",
    // 1000 is a power of ten: below it the figures are tens, so 990, not 900.
    "1000, 2, 990",
    // Whole numbers below 10^2 have at most 2 figures: step down by one.
    "100, 2, 99",
    "99, 2, 98",
    "12, 2, 11",
    "10, 2, 9",
    "5, 2, 4",
    // 1 → 0: "more than 0" is the only true statement.
    "1, 2, 0",
    "1234567, 2, 1200000",
    "1200000, 2, 1100000",
    // 1 significant figure: 3247 → 3000; 3000 → 2000; 1000 → 900 (the decade below); 7 → 6.
    "3247, 1, 3000",
    "3000, 1, 2000",
    "1000, 1, 900",
    "10, 1, 9",
    "7, 1, 6",
    // 3 significant figures: 3247 → 3240; 3240 → 3230; 1000 → 999.
    "3247, 3, 3240",
    "3240, 3, 3230",
    "1000, 3, 999",
  })
  void floorSignificantOfWholeNumbers(double exact, int figures, double expected) {
    assertThat(Rounding.of("floor_significant", figures).apply(exact)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} to {1} sf is {2}")
  @CsvSource({
    // A value with a fraction is rounded as a decimal, not to a whole number:
    // 0.5 has 1 figure, so step down one unit in the 2nd figure, 0.01: 0.49.
    "0.5, 2, 0.49",
    // 0.1 is a power of ten: below it the 2nd figure is in thousandths: 0.099.
    "0.1, 2, 0.099",
    // 5.5 has 2 figures: step down 0.1.
    "5.5, 2, 5.4",
    // 12.5 → floor 12 < 12.5, a whole number result is fine.
    "12.5, 2, 12",
    "3247.9, 2, 3200",
    "3200.5, 2, 3200",
    "0.12345, 2, 0.12",
    "0.123, 3, 0.122",
  })
  void floorSignificantOfFractions(double exact, int figures, double expected) {
    assertThat(Rounding.of("floor_significant", figures).apply(exact)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.0, -1, -3247, -0.5})
  void floorMethodsGiveZeroForZeroOrLess(double exact) {
    assertThat(Rounding.of("floor_significant", 2).apply(exact)).isEqualTo(0.0);
    assertThat(Rounding.of("floor_multiple", 10).apply(exact)).isEqualTo(0.0);
  }

  /** Significant figures of a whole number: its digits once trailing zeros are removed. */
  private static int significantFigures(long n) {
    if (n == 0) {
      return 0;
    }
    while (n % 10 == 0) {
      n /= 10;
    }
    return Long.toString(n).length();
  }

  @Test
  void floorSignificantAgreesWithABruteForceSearch() {
    // Independent check for whole numbers: count down from x - 1 to the first number with at
    // most N significant figures.
    for (int figures = 1; figures <= 3; figures++) {
      Rounding rounding = Rounding.of("floor_significant", figures);
      int limit = figures == 1 ? 3000 : 20_000;
      for (long exact = 1; exact <= limit; exact++) {
        long expected = exact - 1;
        while (significantFigures(expected) > figures) {
          expected--;
        }
        assertThat(rounding.apply(exact)).as("%d to %d sf", exact, figures).isEqualTo(expected);
      }
    }
  }

  @Test
  void floorSignificantIsAlwaysStrictlyBelowFractionsToo() {
    Rounding rounding = Rounding.of("floor_significant", 2);
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      double exact = Math.pow(10, random.nextInt(12) - 4) * random.nextDouble();
      if (exact == 0) {
        continue;
      }
      double published = rounding.apply(exact);
      assertThat(published).as("%s", exact).isLessThan(exact).isGreaterThanOrEqualTo(0.0);
      // At most 2 significant figures in its decimal form.
      assertThat(BigDecimal.valueOf(published).stripTrailingZeros().unscaledValue().abs())
          .as("%s → %s", exact, published)
          .isLessThan(BigInteger.valueOf(100));
    }
  }

  // ---- nearest: decimal places, half up on the shortest decimal form

  @ParameterizedTest(name = "{0} to {1} dp is {2}")
  @CsvSource({
    "3247, 0, 3247",
    "3247.4, 0, 3247",
    // Half up: 2.5 → 3, 3.5 → 4 (not to even), and away from zero for negatives.
    "2.5, 0, 3",
    "3.5, 0, 4",
    "-2.5, 0, -3",
    "2.4999, 0, 2",
    // A rate to 3 places: 0.12345 → 0.123.
    "0.12345, 3, 0.123",
    // The double nearest 0.1235 is 0.12349999999999999867..., which a binary-exact rounding
    // would take to 0.123; its shortest decimal form is 0.1235, which rounds half up to 0.124.
    "0.1235, 3, 0.124",
    // Likewise 1.0005 (binary 1.000499999...) → 1.001 and 0.15 (binary 0.1499999...) → 0.2.
    "1.0005, 3, 1.001",
    "0.15, 1, 0.2",
    "0.05, 1, 0.1",
    "0.04999, 1, 0.0",
    "0.5, 3, 0.5",
  })
  void nearest(double exact, int places, double expected) {
    assertThat(Rounding.of("nearest", places).apply(exact)).isEqualTo(expected);
  }

  // ---- floor_multiple: the largest multiple of the base below the value

  @ParameterizedTest(name = "{0} to a multiple of {1} is {2}")
  @CsvSource({
    // 3247 → 3240 (324 tens); 3240 is already a multiple, so step down a ten: 3230.
    "3247, 10, 3240",
    "3240, 10, 3230",
    "3241, 10, 3240",
    "11, 10, 10",
    "10, 10, 0",
    "9, 10, 0",
    "3247.5, 10, 3240",
    "1894, 100, 1800",
    "1800, 100, 1700",
    "5, 1, 4",
    "5.5, 1, 5",
    "1000, 250, 750",
    "1001, 250, 1000",
  })
  void floorMultiple(double exact, int base, double expected) {
    assertThat(Rounding.of("floor_multiple", base).apply(exact)).isEqualTo(expected);
  }

  @Test
  void floorMultipleAgreesWithABruteForceSearch() {
    for (int base : new int[] {1, 3, 10, 25, 1000}) {
      Rounding rounding = Rounding.of("floor_multiple", base);
      for (long exact = 1; exact <= 5000; exact++) {
        long expected = exact - 1;
        while (expected % base != 0) {
          expected--;
        }
        assertThat(rounding.apply(exact)).as("%d base %d", exact, base).isEqualTo(expected);
      }
    }
  }

  // ---- exact

  @ParameterizedTest
  @ValueSource(doubles = {0, 3247, 3247.123, -1, 0.1 + 0.2, Double.MIN_VALUE})
  void exactLeavesTheValueUnchanged(double exact) {
    assertThat(Rounding.of("exact", null).apply(exact)).isEqualTo(exact);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonNumbersAreRejectedByEveryMethod(double exact) {
    for (Rounding rounding :
        new Rounding[] {
          Rounding.of("exact", null),
          Rounding.of("floor_significant", 2),
          Rounding.of("nearest", 0),
          Rounding.of("floor_multiple", 10)
        }) {
      assertThatThrownBy(() -> rounding.apply(exact)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---- parsing the declaration

  @ParameterizedTest(name = "{0}({1}) is rejected")
  @CsvSource(
      nullValues = "null",
      value = {
        "round, 2, round",
        "Exact, null, Exact",
        "floor, 2, floor",
        "' nearest', 2, ' nearest'",
        "null, 2, missing",
        "floor_significant, null, floor_significant",
        "nearest, null, nearest",
        "floor_multiple, null, floor_multiple",
        "exact, 2, exact",
        "floor_significant, 0, floor_significant",
        "floor_significant, 16, floor_significant",
        "nearest, -1, nearest",
        "nearest, 16, nearest",
        "floor_multiple, 0, floor_multiple",
        "floor_multiple, -10, floor_multiple",
      })
  void badDeclarationsAreRejectedInOneLineNamingTheMethod(
      String method, Integer digits, String named) {
    assertThatThrownBy(() -> Rounding.of(method, digits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void accessorsAndToStringEchoTheDeclaration() {
    Rounding rounding = Rounding.of("floor_significant", 2);
    assertThat(rounding.method()).isEqualTo("floor_significant");
    assertThat(rounding.digits()).isEqualTo(OptionalInt.of(2));
    assertThat(rounding).hasToString("floor_significant(2)");
    Rounding exact = Rounding.of("exact", null);
    assertThat(exact.digits()).isEmpty();
    assertThat(exact).hasToString("exact");
  }

  @Test
  void describeInWords() {
    assertThat(Rounding.of("exact", null).describe()).isEqualTo("exact, not rounded");
    assertThat(Rounding.of("floor_significant", 2).describe())
        .isEqualTo("rounded down to 2 significant figures, to below the exact value");
    assertThat(Rounding.of("floor_significant", 1).describe())
        .isEqualTo("rounded down to 1 significant figure, to below the exact value");
    assertThat(Rounding.of("nearest", 0).describe())
        .isEqualTo("rounded to the nearest whole number");
    assertThat(Rounding.of("nearest", 1).describe()).isEqualTo("rounded to 1 decimal place");
    assertThat(Rounding.of("nearest", 3).describe()).isEqualTo("rounded to 3 decimal places");
    assertThat(Rounding.of("floor_multiple", 10).describe())
        .isEqualTo("rounded down to a multiple of 10, to below the exact value");
  }

  @Test
  void valueEquality() {
    assertThat(Rounding.of("nearest", 3))
        .isEqualTo(Rounding.of("nearest", 3))
        .hasSameHashCodeAs(Rounding.of("nearest", 3))
        .isNotEqualTo(Rounding.of("nearest", 2))
        .isNotEqualTo(Rounding.of("floor_significant", 3));
    assertThat(Rounding.of("exact", null)).isEqualTo(Rounding.of("exact", null));
  }

  @Test
  void javaSerializationRoundTrips() throws Exception {
    Rounding rounding = Rounding.of("floor_significant", 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rounding);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Rounding copy = (Rounding) in.readObject();
      assertThat(copy).isEqualTo(rounding);
      assertThat(copy.apply(3200)).isEqualTo(3100.0);
    }
  }
}
