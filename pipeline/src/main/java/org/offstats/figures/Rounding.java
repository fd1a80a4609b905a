package org.offstats.figures;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a headline figure's exact value becomes its published value (OUTPUTS.md, "Headline figures":
 * each definition names "the rounding rule for the published value (for example floor to 2
 * significant figures, for 'more than' wording)"). A definition names a method and, for all but
 * {@code exact}, a number of digits:
 *
 * <ul>
 *   <li>{@code exact}: the value unchanged; takes no digits.
 *   <li>{@code floor_significant}, digits = significant figures (1 to 15): the largest number with
 *       at most that many significant figures that is <em>strictly less than</em> the exact value.
 *       A statement "more than X" is true only if the exact value is greater than X, so when the
 *       exact value already has few enough figures it steps down: with 2 figures 3247 → 3200, but
 *       3200 → 3100 and 1000 → 990. When the exact value is a whole number the result is the
 *       largest such <em>whole</em> number, so below 10<sup>digits</sup> it steps down by one (12 →
 *       11, 5 → 4, 1 → 0): nobody publishes "more than 4.9 individuals". A value with a fraction is
 *       rounded as a decimal (0.5 → 0.49, 5.5 → 5.4, 12.5 → 12).
 *   <li>{@code nearest}, digits = decimal places (0 to 15): half up (away from zero) on the
 *       shortest decimal form of the double, {@link BigDecimal#valueOf(double)}, so that 0.1235 to
 *       3 places is 0.124 on every machine, rather than whatever the binary fraction suggests.
 *   <li>{@code floor_multiple}, digits = a base (1 or more): the largest multiple of the base
 *       strictly less than the exact value, for the same "more than" reason: with base 10, 3247 →
 *       3240 and 3240 → 3230.
 * </ul>
 *
 * <p>The two floor methods give 0 for an exact value of 0 or less, where no "more than" statement
 * can be true. Every method rejects a value that is NaN or infinite: a published figure is a
 * number. Instances are immutable.
 */
public final class Rounding implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The number of significant figures a double can always carry through a decimal round trip. */
  private static final int MAX_SIGNIFICANT_FIGURES = 15;

  /** Beyond this many decimal places rounding a published figure means nothing. */
  private static final int MAX_DECIMAL_PLACES = 15;

  private enum Method {
    EXACT("exact"),
    FLOOR_SIGNIFICANT("floor_significant"),
    NEAREST("nearest"),
    FLOOR_MULTIPLE("floor_multiple");

    private final String definitionName;

    Method(String definitionName) {
      this.definitionName = definitionName;
    }

    static Method named(String name) {
      if (name == null) {
        throw new IllegalArgumentException(
            "Rounding method is missing: use exact, floor_significant, nearest or floor_multiple");
      }
      for (Method method : values()) {
        if (method.definitionName.equals(name)) {
          return method;
        }
      }
      throw new IllegalArgumentException(
          "Unknown rounding method '"
              + name
              + "': use exact, floor_significant, nearest or floor_multiple");
    }
  }

  private final Method method;
  private final Integer digits;

  private Rounding(Method method, Integer digits) {
    this.method = method;
    this.digits = digits;
  }

  /**
   * The rounding a figure definition declares.
   *
   * @param method {@code exact}, {@code floor_significant}, {@code nearest} or {@code
   *     floor_multiple}
   * @param digits significant figures, decimal places or base, as the method needs; null for {@code
   *     exact}
   * @throws IllegalArgumentException if the method is unknown or its digits are missing, out of
   *     range or not wanted
   */
  public static Rounding of(String method, Integer digits) {
    Method named = Method.named(method);
    switch (named) {
      case EXACT -> {
        if (digits != null) {
          throw new IllegalArgumentException(
              "Rounding method exact takes no digits, but " + digits + " was given");
        }
      }
      case FLOOR_SIGNIFICANT ->
          requireDigits(method, digits, 1, MAX_SIGNIFICANT_FIGURES, "significant figures");
      case NEAREST -> requireDigits(method, digits, 0, MAX_DECIMAL_PLACES, "decimal places");
      case FLOOR_MULTIPLE ->
          requireDigits(method, digits, 1, Integer.MAX_VALUE, "the base of the multiples");
    }
    return new Rounding(named, digits);
  }

  private static void requireDigits(
      String method, Integer digits, int min, int max, String meaning) {
    String range = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
    if (digits == null) {
      throw new IllegalArgumentException(
          "Rounding method " + method + " needs digits: " + meaning + ", " + range);
    }
    if (digits < min || digits > max) {
      throw new IllegalArgumentException(
          "Rounding method "
              + method
              + " needs digits ("
              + meaning
              + ") of "
              + range
              + ", not "
              + digits);
    }
  }

  /** The method's name as a definition writes it, such as {@code floor_significant}. */
  public String method() {
    return method.definitionName;
  }

  /** The significant figures, decimal places or base; empty for {@code exact}. */
  public OptionalInt digits() {
    return digits == null ? OptionalInt.empty() : OptionalInt.of(digits);
  }

  /**
   * The whole numbers a published count could have come from, as a reader of the rule knows it:
   * {@code exact} gives the value itself; {@code floor_significant} the numbers above it up to its
   * next step (published 1,800 with 2 figures: 1,801 to 1,900); {@code floor_multiple} the next
   * base's worth (3,240 with base 10: 3,241 to 3,250); {@code nearest} to 0 places on a whole
   * number, the value itself. Empty for a value that is not a whole number or a rule that rounds
   * whole numbers to decimal places it does not have.
   */
  public java.util.Optional<long[]> exactRange(double published) {
    if (published != Math.rint(published) || published < 0) {
      return java.util.Optional.empty();
    }
    long shown = (long) published;
    return switch (method) {
      case EXACT, NEAREST -> java.util.Optional.of(new long[] {shown, shown});
      case FLOOR_MULTIPLE -> java.util.Optional.of(new long[] {shown + 1, shown + digits});
      case FLOOR_SIGNIFICANT -> {
        long step = 1;
        while (shown >= step * Math.pow(10, digits)) {
          step *= 10;
        }
        yield java.util.Optional.of(new long[] {shown + 1, shown + step});
      }
    };
  }

  /**
   * The published value for an exact value.
   *
   * @throws IllegalArgumentException if {@code exact} is NaN or infinite
   */
  public double apply(double exact) {
    if (!Double.isFinite(exact)) {
      throw new IllegalArgumentException("Cannot round " + exact + ": a figure must be a number");
    }
    return switch (method) {
      case EXACT -> exact;
      case FLOOR_SIGNIFICANT -> floorSignificant(exact, digits);
      case NEAREST ->
          BigDecimal.valueOf(exact).setScale(digits, RoundingMode.HALF_UP).doubleValue();
      case FLOOR_MULTIPLE -> floorMultiple(exact, digits);
    };
  }

  /**
   * The rule in words for a reader, such as "rounded down to 2 significant figures, to below the
   * exact value".
   */
  public String describe() {
    return switch (method) {
      case EXACT -> "exact, not rounded";
      case FLOOR_SIGNIFICANT ->
          "rounded down to "
              + digits
              + (digits == 1 ? " significant figure" : " significant figures")
              + ", to below the exact value";
      case NEAREST ->
          digits == 0
              ? "rounded to the nearest whole number"
              : "rounded to " + digits + (digits == 1 ? " decimal place" : " decimal places");
      case FLOOR_MULTIPLE ->
          "rounded down to a multiple of " + digits + ", to below the exact value";
    };
  }

  private static double floorSignificant(double exact, int figures) {
    if (exact <= 0) {
      return 0;
    }
    boolean wholeNumbersOnly = exact == Math.rint(exact);
    double published = largestBelow(BigDecimal.valueOf(exact), figures, wholeNumbersOnly);
    // Converting back to a double cannot land on the exact value for up to 15 figures, but keep
    // the promise "strictly less" even if it did.
    while (published >= exact && published > 0) {
      published = largestBelow(BigDecimal.valueOf(published), figures, wholeNumbersOnly);
    }
    return published;
  }

  /**
   * The largest number below {@code value} (> 0) with at most {@code figures} significant figures,
   * and a whole number if {@code wholeNumbersOnly}.
   */
  private static double largestBelow(BigDecimal value, int figures, boolean wholeNumbersOnly) {
    BigDecimal floor = value.round(new MathContext(figures, RoundingMode.FLOOR));
    if (floor.compareTo(value) < 0) {
      // For a whole number this is whole too: it keeps every digit down to the units, or more.
      return floor.doubleValue();
    }
    // value has at most `figures` figures: step down one unit in its last allowed place, or, from
    // a power of ten such as 1000, one unit in the last place of the decade below (990).
    int leadingExponent = value.precision() - value.scale() - 1;
    boolean powerOfTen = value.stripTrailingZeros().unscaledValue().equals(BigInteger.ONE);
    int stepExponent = leadingExponent - figures + (powerOfTen ? 0 : 1);
    BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(stepExponent);
    if (wholeNumbersOnly && step.compareTo(BigDecimal.ONE) < 0) {
      step = BigDecimal.ONE;
    }
    return value.subtract(step).doubleValue();
  }

  private static double floorMultiple(double exact, int base) {
    if (exact <= 0) {
      return 0;
    }
    BigDecimal value = BigDecimal.valueOf(exact);
    BigDecimal divisor = BigDecimal.valueOf(base);
    BigDecimal multiple = value.divideToIntegralValue(divisor).multiply(divisor);
    if (multiple.compareTo(value) == 0) {
      multiple = multiple.subtract(divisor);
    }
    double published = multiple.doubleValue();
    if (published >= exact) {
      // Only beyond 2^53, where doubles are further apart than the base: no count gets there.
      throw new IllegalArgumentException(
          "Cannot round " + exact + " down to a multiple of " + base + " below it as a double");
    }
    return published;
  }

  private Object readResolve() throws ObjectStreamException {
    if (method == null) {
      throw new InvalidObjectException("Rounding without a method");
    }
    try {
      return of(method.definitionName, digits);
    } catch (IllegalArgumentException e) {
      throw new InvalidObjectException(e.getMessage());
    }
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Rounding)) {
      return false;
    }
    Rounding that = (Rounding) other;
    return method == that.method && Objects.equals(digits, that.digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method.definitionName, digits);
  }

  /** As a definition writes it, such as {@code floor_significant(2)} or {@code exact}. */
  @Override
  public String toString() {
    return digits == null ? method() : method() + "(" + digits + ")";
  }
}
