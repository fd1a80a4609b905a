package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares lists of rows exactly, except DOUBLE cells, which may differ by 1e-9. */
final class RowAssert {
  private RowAssert() {}

  static List<Object> row(Object... cells) {
    List<Object> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(Duck.normalise(cell));
    }
    return row;
  }

  static boolean sameRows(List<List<Object>> actual, List<List<Object>> expected) {
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!sameRow(actual.get(i), expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean sameRow(List<Object> actual, List<Object> expected) {
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      Object a = actual.get(i);
      Object e = expected.get(i);
      if (e instanceof Double x && a instanceof Double y) {
        if (Math.abs(x - y) > TableCompare.TOLERANCE) {
          return false;
        }
      } else if (!Objects.equals(a, e)) {
        return false;
      }
    }
    return true;
  }

  /** Runs a check for every item and reports all the failures together, not just the first. */
  static <T> void assertAll(Iterable<T> items, java.util.function.Consumer<T> check) {
    List<String> failures = new ArrayList<>();
    for (T item : items) {
      try {
        check.accept(item);
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " failed:\n\n" + String.join("\n\n", failures));
    }
  }

  /** Same rows in the same order; on failure AssertJ prints both lists side by side. */
  static void assertSameRows(String what, List<List<Object>> actual, List<List<Object>> expected) {
    if (sameRows(actual, expected)) {
      return;
    }
    assertThat(format(actual)).as(what).containsExactlyElementsOf(format(expected));
    throw new AssertionError(what + ": rows differ by more than the tolerance\n" + actual + "\n" + expected);
  }

  private static List<String> format(List<List<Object>> rows) {
    List<String> lines = new ArrayList<>();
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (Object cell : row) {
        cells.add(
            cell instanceof Double d
                ? String.format("%.10g", d)
                : cell == null ? "null" : cell + (cell instanceof Long ? "L" : ""));
      }
      lines.add(String.join(" | ", cells));
    }
    return lines;
  }
}
