package org.offstats.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares a table the pipeline wrote (a Parquet file) with an expected relation, cell by cell in
 * both directions, and checks its schema and row order against OUTPUTS.md. Each method returns a
 * list of human-readable differences (empty when all is well) so a failure names the cells.
 */
final class TableCompare {
  private TableCompare() {}

  /** Absolute tolerance for DOUBLE measures (rates and days). */
  static final double TOLERANCE = 1e-9;

  private static final int SHOWN = 25;

  /** OUTPUTS.md: keys then measures, exact names, strings/BOOLEAN/INT64/DOUBLE. */
  static List<String> schemaDifferences(Connection db, TableSpec spec, Path parquet) {
    List<String> actual = Duck.describe(db, parquet);
    List<String> expected = spec.describe();
    List<String> differences = new ArrayList<>();
    if (!actual.equals(expected)) {
      differences.add(
          spec.name() + ": columns (name TYPE) differ\n  expected " + expected + "\n  actual   " + actual);
    }
    return differences;
  }

  /**
   * Rows in {@code parquet} and rows in {@code expectedRelation} must be the same multiset: exact
   * columns via EXCEPT ALL both ways, DOUBLE columns within {@link #TOLERANCE} after a join on keys.
   */
  static List<String> cellDifferences(
      Connection db, TableSpec spec, String expectedRelation, Path parquet) {
    String actual = Duck.parquet(parquet);
    List<String> differences = new ArrayList<>();
    long actualRows = Duck.count(db, "SELECT count(*) FROM " + actual);
    long expectedRows = Duck.count(db, "SELECT count(*) FROM " + expectedRelation);
    if (actualRows != expectedRows) {
      differences.add(
          spec.name() + ": row count: expected " + expectedRows + ", pipeline " + actualRows);
    }
    String exact = spec.exactColumns().stream().map(Duck::ident).collect(Collectors.joining(", "));
    String order = SqlOracle.orderByKeys(spec);
    List<List<Object>> onlyActual =
        Duck.rows(
            db,
            "SELECT * FROM (SELECT " + exact + " FROM " + actual + " EXCEPT ALL SELECT " + exact
                + " FROM " + expectedRelation + ") ORDER BY " + order);
    List<List<Object>> onlyExpected =
        Duck.rows(
            db,
            "SELECT * FROM (SELECT " + exact + " FROM " + expectedRelation + " EXCEPT ALL SELECT "
                + exact + " FROM " + actual + ") ORDER BY " + order);
    describeRows(differences, spec, "rows only in the pipeline's output", spec.exactColumns(), onlyActual);
    describeRows(differences, spec, "rows only in the expected result", spec.exactColumns(), onlyExpected);

    if (!spec.realColumns().isEmpty()) {
      String joinOn =
          spec.keys().stream()
              .map(k -> "e." + Duck.ident(k) + " IS NOT DISTINCT FROM a." + Duck.ident(k))
              .collect(Collectors.joining(" AND "));
      for (String column : spec.realColumns()) {
        String e = "e." + Duck.ident(column);
        String a = "a." + Duck.ident(column);
        String keys = spec.keys().stream().map(k -> "e." + Duck.ident(k)).collect(Collectors.joining(", "));
        List<List<Object>> mismatches =
            Duck.rows(
                db,
                "SELECT " + keys + ", " + e + " AS expected, " + a + " AS pipeline FROM "
                    + expectedRelation + " e JOIN " + actual + " a ON " + joinOn
                    + " WHERE (" + e + " IS NULL) <> (" + a + " IS NULL) OR abs(" + e + " - " + a
                    + ") > " + TOLERANCE + " OR isnan(" + a + ") ORDER BY " + keys);
        List<String> header = new ArrayList<>(spec.keys());
        header.add("expected " + column);
        header.add("pipeline " + column);
        describeRows(differences, spec, column + " differs by more than " + TOLERANCE, header, mismatches);
      }
    }
    return differences;
  }

  private static void describeRows(
      List<String> differences, TableSpec spec, String what, List<String> header, List<List<Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    text.append(spec.name()).append(": ").append(rows.size()).append(' ').append(what)
        .append(" ").append(header);
    rows.stream().limit(SHOWN).forEach(r -> text.append("\n    ").append(r));
    if (rows.size() > SHOWN) {
      text.append("\n    ... ").append(rows.size() - SHOWN).append(" more");
    }
    differences.add(text.toString());
  }

  /**
   * OUTPUTS.md Determinism: "Rows sort by the table's keys in order: strings by Unicode code
   * point, false before true, nulls first." Keys are unique, so the order must be strictly
   * increasing.
   */
  static List<String> orderDifferences(Connection db, TableSpec spec, Path parquet) {
    List<List<Object>> keys = Duck.rowsInFileOrder(db, parquet, spec.keys());
    List<String> differences = new ArrayList<>();
    for (int i = 1; i < keys.size(); i++) {
      int cmp = KEY_ORDER.compare(keys.get(i - 1), keys.get(i));
      if (cmp >= 0) {
        differences.add(
            spec.name() + ": rows " + (i - 1) + " and " + i + " are "
                + (cmp == 0 ? "duplicate keys" : "out of key order") + ": "
                + keys.get(i - 1) + " then " + keys.get(i));
        if (differences.size() >= SHOWN) {
          break;
        }
      }
    }
    return differences;
  }

  /** Compares key tuples: nulls first, strings by code point, false before true, numbers. */
  static final Comparator<List<Object>> KEY_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int cmp = compareValue(a.get(i), b.get(i));
          if (cmp != 0) {
            return cmp;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  static int compareValue(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    throw new IllegalArgumentException("cannot order " + a.getClass() + " against " + b.getClass());
  }

  /** Unicode code point order (String.compareTo is UTF-16 code unit order, which differs). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
