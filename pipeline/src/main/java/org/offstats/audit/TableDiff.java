package org.offstats.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.offstats.audit.ParquetTables.Table;

/**
 * The cells that differ between two versions of one table, rows matched by the table's keys
 * (OUTPUTS.md: keys first, then measures), plus the rows found in only one of them. Plain Java.
 */
public final class TableDiff {
  private TableDiff() {}

  /** One cell whose value differs; {@code row} names the row by its keys. */
  public record CellChange(String row, String column, Object before, Object after) {
    /** {@code <row>: <column> <before> → <after> (<change>)}. */
    public String describe() {
      String change = Values.change(before, after);
      return row + ": " + column + " " + Values.show(before) + " → " + Values.show(after) + (change.isEmpty() ? "" : " (" + change + ")");
    }
  }

  /** A row present in one version only, with its measures. */
  public record RowOnly(String row, String measures) {
    public String describe() {
      return row + (measures.isEmpty() ? "" : ": " + measures);
    }
  }

  /** Everything that differs in one table. */
  public record Changes(String table, List<CellChange> cells, List<RowOnly> onlyInA, List<RowOnly> onlyInB, List<String> columnNotes) {
    public boolean isEmpty() {
      return cells.isEmpty() && onlyInA.isEmpty() && onlyInB.isEmpty() && columnNotes.isEmpty();
    }

    public int count() {
      return cells.size() + onlyInA.size() + onlyInB.size() + columnNotes.size();
    }
  }

  public static Changes compare(Table a, Table b) {
    List<String> columnNotes = new ArrayList<>();
    for (String column : a.columns()) {
      if (!b.columns().contains(column)) {
        columnNotes.add("column " + column + " only in the first");
      }
    }
    for (String column : b.columns()) {
      if (!a.columns().contains(column)) {
        columnNotes.add("column " + column + " only in the second");
      }
    }
    List<String> keys = a.keys().equals(b.keys()) ? a.keys() : List.of();
    Map<String, List<Object>> rowsA = byKey(a, keys);
    Map<String, List<Object>> rowsB = byKey(b, keys);
    List<String> measures = a.columns().stream().filter(c -> !keys.contains(c) && b.columns().contains(c)).toList();
    List<CellChange> cells = new ArrayList<>();
    List<RowOnly> onlyInA = new ArrayList<>();
    for (Map.Entry<String, List<Object>> row : rowsA.entrySet()) {
      List<Object> other = rowsB.get(row.getKey());
      if (other == null) {
        onlyInA.add(new RowOnly(row.getKey(), measures(a, keys, row.getValue())));
        continue;
      }
      for (String column : measures) {
        Object before = row.getValue().get(a.column(column));
        Object after = other.get(b.column(column));
        if (!Objects.equals(before, after)) {
          cells.add(new CellChange(row.getKey(), column, before, after));
        }
      }
    }
    List<RowOnly> onlyInB = new ArrayList<>();
    rowsB.forEach((key, row) -> {
      if (!rowsA.containsKey(key)) {
        onlyInB.add(new RowOnly(key, measures(b, keys, row)));
      }
    });
    return new Changes(a.name(), cells, onlyInA, onlyInB, columnNotes);
  }

  /**
   * Rows by their key text, in file order. Without keys rows are matched by position; a repeated
   * key (never written by offstats) is told apart by its occurrence.
   */
  private static Map<String, List<Object>> byKey(Table table, List<String> keys) {
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < table.rows().size(); i++) {
      List<Object> row = table.rows().get(i);
      String key = keys.isEmpty() ? "row " + (i + 1) : keyText(table, keys, row);
      int occurrence = seen.merge(key, 1, Integer::sum);
      rows.put(occurrence == 1 ? key : key + " (repeated key, occurrence " + occurrence + ")", row);
    }
    return rows;
  }

  /** {@code financial_year=2021-22, scope_type=all, scope=All offences}. */
  public static String keyText(Table table, List<String> keys, List<Object> row) {
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      parts.add(key + "=" + Values.show(row.get(table.column(key))));
    }
    return String.join(", ", parts);
  }

  private static String measures(Table table, List<String> keys, List<Object> row) {
    List<String> parts = new ArrayList<>();
    for (String column : table.columns()) {
      if (!keys.contains(column)) {
        parts.add(column + " " + Values.show(row.get(table.column(column))));
      }
    }
    return String.join(", ", parts);
  }
}
