package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Cells aggregated locally by one reader, per table: the reader adds every accepted record here,
 * so that a partial table per table and reader crosses to the next transform instead of one
 * element per record. Exact: counts add, person sets and day histograms merge.
 */
public final class PartialTables {
  /**
   * The output a table's partials travel under, from reader to that table's composite only:
   * sending every partial past every table made runners copy each one once per table.
   */
  public static TupleTag<Map<List<String>, CellStats>> tag(String table) {
    return new TupleTag<>("partial:" + table);
  }

  private final Map<String, Map<List<String>, CellStats>> tables = new HashMap<>();

  /** A sink adding to one table's cells. */
  public CellSink table(String table) {
    Map<List<String>, CellStats> cells = tables.computeIfAbsent(table, t -> new HashMap<>());
    return (cell, contribution) -> cells.computeIfAbsent(cell, k -> new CellStats()).add(contribution);
  }

  /** The partial tables, each as one element; every table named is present, even if empty. */
  public List<KV<String, Map<List<String>, CellStats>>> drain() {
    List<KV<String, Map<List<String>, CellStats>>> partials =
        tables.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList();
    tables.clear();
    return partials;
  }
}
