package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.generic.IndexedRecord;
import org.offstats.run.ParquetTableWriter;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * The exact rows of the force tables under disclosure control, each table sorted by its keys, and
 * their count cells. Plain Java: the suppression, its audit and the published rows all read it.
 */
public final class ForceCells {
  private final Map<String, TableSchema> schemas = new LinkedHashMap<>();
  private final Map<String, List<IndexedRecord>> rows = new LinkedHashMap<>();
  private final Map<String, Map<List<String>, Integer>> rowByKeys = new HashMap<>();
  /** Each table's count measures, in schema order (the schema works them out on each call). */
  private final Map<String, List<String>> countMeasures = new HashMap<>();
  /**
   * Per table and column, each row's value as text, made the first time the column is read: the
   * relations read the same key columns of every row many times, and Avro text converts anew on
   * each read.
   */
  private final Map<String, Map<String, String[]>> columnTexts = new ConcurrentHashMap<>();

  /** {@code tables}: table name to its exact rows, in any order. */
  public ForceCells(Map<String, ? extends Collection<? extends IndexedRecord>> tables) {
    tables.forEach((name, tableRows) -> {
      TableSchema schema = Schemas.table(name);
      if (!schema.disclosureControlled()) {
        throw new IllegalArgumentException(name + " is not under disclosure control");
      }
      List<IndexedRecord> sorted = new ArrayList<>(tableRows);
      sorted.sort(ParquetTableWriter.keyOrder(schema.schema(), schema.keys()));
      Map<List<String>, Integer> index = new HashMap<>();
      for (int i = 0; i < sorted.size(); i++) {
        index.put(keysOf(schema, sorted.get(i)), i);
      }
      schemas.put(name, schema);
      countMeasures.put(name, schema.countMeasures());
      rows.put(name, List.copyOf(sorted));
      rowByKeys.put(name, index);
    });
  }

  public Collection<String> tables() {
    return schemas.keySet();
  }

  public boolean has(String table) {
    return schemas.containsKey(table);
  }

  public TableSchema schema(String table) {
    return schemas.get(table);
  }

  /** The table's exact rows in key order. */
  public List<IndexedRecord> rows(String table) {
    return rows.getOrDefault(table, List.of());
  }

  /** The row with these key values (as text: booleans {@code true}/{@code false}), if any. */
  public Optional<Integer> row(String table, List<String> keys) {
    return Optional.ofNullable(rowByKeys.getOrDefault(table, Map.of()).get(keys));
  }

  /** A key or measure column of a row, as text. */
  public String text(String table, int row, String column) {
    return columnTexts.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).computeIfAbsent(column, c -> columnText(table, c))[row];
  }

  private String[] columnText(String table, String column) {
    List<IndexedRecord> tableRows = rows.get(table);
    int pos = schemas.get(table).schema().getField(column).pos();
    String[] texts = new String[tableRows.size()];
    for (int row = 0; row < texts.length; row++) {
      texts[row] = String.valueOf(tableRows.get(row).get(pos));
    }
    return texts;
  }

  public long value(CellId cell) {
    Object value = rows.get(cell.table()).get(cell.row()).get(schemas.get(cell.table()).schema().getField(cell.measure()).pos());
    return ((Number) value).longValue();
  }

  /**
   * The smallest value a suppressed cell could take as far as anyone reading {@code publish/}
   * knows: a table has a row only when its first count is at least 1, so that count is at least
   * 1; any other count may be 0.
   */
  public long lowerBound(CellId cell) {
    return countMeasures.get(cell.table()).get(0).equals(cell.measure()) ? 1 : 0;
  }

  /** Every count cell, in table, row and measure order. */
  public List<CellId> countCells() {
    List<CellId> cells = new ArrayList<>();
    schemas.forEach((name, schema) -> {
      for (int row = 0; row < rows.get(name).size(); row++) {
        for (String measure : countMeasures.get(name)) {
          cells.add(new CellId(name, row, measure));
        }
      }
    });
    return cells;
  }

  /**
   * The cells of {@code measure} in {@code table} whose row passes {@code filter}, grouped by
   * {@code group} (rows mapped to an empty group are left out), groups in first-seen row order.
   */
  public Map<List<String>, List<CellId>> groups(
      String table, String measure, Predicate<Row> filter, Function<Row, Optional<List<String>>> group) {
    Map<List<String>, List<CellId>> groups = new LinkedHashMap<>();
    if (!has(table)) {
      return groups;
    }
    for (int i = 0; i < rows.get(table).size(); i++) {
      Row row = new Row(table, i);
      if (filter.test(row)) {
        int index = i;
        group.apply(row).ifPresent(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new CellId(table, index, measure)));
      }
    }
    return groups;
  }

  /** A view of one row for grouping. */
  public final class Row {
    private final String table;
    private final int index;

    Row(String table, int index) {
      this.table = table;
      this.index = index;
    }

    public String get(String column) {
      return text(table, index, column);
    }

    public int index() {
      return index;
    }
  }

  private static List<String> keysOf(TableSchema schema, IndexedRecord row) {
    List<String> keys = new ArrayList<>(schema.keys().size());
    for (int i = 0; i < schema.keys().size(); i++) {
      keys.add(String.valueOf(row.get(i)));
    }
    return List.copyOf(keys);
  }
}
