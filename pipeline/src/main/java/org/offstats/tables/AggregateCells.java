package org.offstats.tables;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Coders of a table of cells: a cell key is the table's key values in schema order, as strings
 * ({@code true}/{@code false} for booleans), so its coder is deterministic. A whole table travels
 * as one element: a published table has at most tens of thousands of cells, and a keyed combine
 * per cell costs runners such as the DirectRunner far more per key than the work.
 */
public final class AggregateCells {

  public static final Coder<List<String>> KEY_CODER = ListCoder.of(StringUtf8Coder.of());
  public static final Coder<Map<List<String>, CellStats>> TABLE_CODER = MapCoder.of(KEY_CODER, CellStats.Coder.of());

  private AggregateCells() {}
}
