package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;

/**
 * Cells aggregated locally by one reader, per table: the reader adds every accepted record here,
 * so that a partial table per table and reader crosses to the next transform instead of one
 * element per record. Exact: counts add, person sets and day histograms merge.
 */
public final class PartialTables {
  /** A partial table on its way to be merged: table name and its cells. */
  public static final Coder<KV<String, Map<List<String>, CellStats>>> CODER =
      KvCoder.of(StringUtf8Coder.of(), AggregateCells.TABLE_CODER);

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
