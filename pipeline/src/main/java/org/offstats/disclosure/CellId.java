package org.offstats.disclosure;

import java.util.Comparator;
import org.offstats.domain.CodePointOrder;

/**
 * A count cell of a force table: the table, the row's position in the table's key order and the
 * count measure. Ordered by table name, row and measure, which makes every choice of the
 * suppression deterministic.
 */
public record CellId(String table, int row, String measure) implements Comparable<CellId> {
  private static final Comparator<CellId> ORDER =
      Comparator.comparing(CellId::table, CodePointOrder::compare)
          .thenComparingInt(CellId::row)
          .thenComparing(CellId::measure, CodePointOrder::compare);

  @Override
  public int compareTo(CellId other) {
    return ORDER.compare(this, other);
  }
}
