package org.offstats.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A force table built from the cells the readers aggregated: each cell of the merged partial
 * tables becomes one row. Subclasses, one per table and named after it, say which cells a record
 * adds to and how a cell becomes a row.
 */
public abstract class CellTable<R extends SpecificRecordBase> {

  /** The table's name, as in {@code schemas/tables/}. */
  public abstract String table();

  public abstract Class<R> rowClass();

  /** Turns one cell and its statistics into a row. */
  public abstract R toRow(List<String> key, CellStats stats);

  /** Every cell as a row, in no particular order: the writers sort. */
  public List<R> rows(Map<List<String>, CellStats> cells) {
    List<R> rows = new ArrayList<>(cells.size());
    cells.forEach((key, stats) -> rows.add(toRow(key, stats)));
    return rows;
  }
}
