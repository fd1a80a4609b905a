package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.offstats.domain.CodePointOrder;

/**
 * The count cells of {@link ForceCells} numbered 0, 1, ... in {@link ForceCells#countCells} order,
 * with each one's value, lower bound and place in {@link CellId} order. Suppression works over
 * these numbers: finding a cell's number is arithmetic rather than a lookup in a map of cells, and
 * putting cells in {@link CellId} order compares two numbers rather than table and measure names.
 */
final class CellIndex {
  /** Where a table's cells start, and its count measures in schema order. */
  private record TableCells(int offset, int rows, Map<String, Integer> measureIndex) {}

  private final List<CellId> cells;
  private final Map<String, TableCells> tables = new HashMap<>();
  private final long[] value;
  private final long[] lowerBound;
  private final int[] rank;

  CellIndex(ForceCells forceCells) {
    cells = forceCells.countCells();
    int offset = 0;
    for (String table : forceCells.tables()) {
      List<String> measures = forceCells.schema(table).countMeasures();
      Map<String, Integer> measureIndex = new HashMap<>();
      for (int m = 0; m < measures.size(); m++) {
        measureIndex.put(measures.get(m), m);
      }
      int rows = forceCells.rows(table).size();
      tables.put(table, new TableCells(offset, rows, measureIndex));
      offset += rows * measures.size();
    }
    value = new long[cells.size()];
    lowerBound = new long[cells.size()];
    // table by table and measure by measure, each measure's column found once
    for (String table : forceCells.tables()) {
      TableCells where = tables.get(table);
      List<IndexedRecord> rows = forceCells.rows(table);
      int width = where.measureIndex().size();
      for (Map.Entry<String, Integer> measure : where.measureIndex().entrySet()) {
        int pos = forceCells.schema(table).schema().getField(measure.getKey()).pos();
        long least = forceCells.lowerBound(new CellId(table, 0, measure.getKey()));
        for (int row = 0; row < rows.size(); row++) {
          int i = where.offset() + row * width + measure.getValue();
          value[i] = ((Number) rows.get(row).get(pos)).longValue();
          lowerBound[i] = least;
        }
      }
    }
    rank = ranks(forceCells);
  }

  /**
   * Each cell's place in {@link CellId} order (table name and measure name by code point, then
   * row), worked out from the few table and measure names rather than by sorting every cell.
   */
  private int[] ranks(ForceCells forceCells) {
    int[] ranks = new int[cells.size()];
    List<String> tableNames = new ArrayList<>(forceCells.tables());
    tableNames.sort(CodePointOrder.COMPARATOR);
    int next = 0;
    for (String table : tableNames) {
      TableCells where = tables.get(table);
      List<String> measures = new ArrayList<>(where.measureIndex().keySet());
      measures.sort(CodePointOrder.COMPARATOR);
      int width = measures.size();
      for (int row = 0; row < where.rows(); row++) {
        for (String measure : measures) {
          ranks[where.offset() + row * width + where.measureIndex().get(measure)] = next++;
        }
      }
    }
    return ranks;
  }

  int size() {
    return cells.size();
  }

  CellId cell(int i) {
    return cells.get(i);
  }

  /** The number of {@code id}, or -1 when it is not a count cell of these tables. */
  int of(CellId id) {
    TableCells table = tables.get(id.table());
    if (table == null || id.row() < 0 || id.row() >= table.rows()) {
      return -1;
    }
    Integer measure = table.measureIndex().get(id.measure());
    return measure == null ? -1 : table.offset() + id.row() * table.measureIndex().size() + measure;
  }

  long value(int i) {
    return value[i];
  }

  long lowerBound(int i) {
    return lowerBound[i];
  }

  /** Cell {@code i}'s place in {@link CellId} order. */
  int rank(int i) {
    return rank[i];
  }

  /** {@link CellId} order for count cells of these tables, without comparing names. */
  Comparator<CellId> order() {
    return Comparator.comparingInt(id -> rank[of(id)]);
  }

  /** Count cells of these tables in {@link CellId} order, each once: placed by rank, not sorted. */
  List<CellId> inOrder(Collection<CellId> some) {
    CellId[] byRank = new CellId[cells.size()];
    for (CellId id : some) {
      int i = of(id);
      if (i < 0) {
        throw new IllegalArgumentException("not a count cell: " + id);
      }
      byRank[rank[i]] = id;
    }
    List<CellId> ordered = new ArrayList<>(some.size());
    for (CellId id : byRank) {
      if (id != null) {
        ordered.add(id);
      }
    }
    return ordered;
  }
}
