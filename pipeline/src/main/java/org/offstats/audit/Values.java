package org.offstats.audit;

import java.math.BigDecimal;

/** How a table cell's value is written in the auditor's reports. */
final class Values {
  private Values() {}

  /** Numbers in plain decimal (0.125, 3200), empty strings as "", null as null. */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return text.isEmpty() ? "\"\"" : text;
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : d.toString();
    }
    if (value instanceof Float f) {
      return show(f.doubleValue());
    }
    return value.toString();
  }

  /** New minus old when both are finite numbers ("+3", "-0.0125"), otherwise empty. */
  static String change(Object before, Object after) {
    BigDecimal a = decimal(before);
    BigDecimal b = decimal(after);
    if (a == null || b == null) {
      return "";
    }
    BigDecimal change = b.subtract(a).stripTrailingZeros();
    return (change.signum() > 0 ? "+" : "") + change.toPlainString();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return null;
  }
}
