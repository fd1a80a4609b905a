package org.offstats.tables;

import java.util.List;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByBcu;

/** {@code arrests_by_bcu} (OUTPUTS.md): arrests per month, BCU, offence group and DA flag. */
public final class ArrestsByBcuTable extends CellTable<ArrestsByBcu> {
  public static final String NAME = "arrests_by_bcu";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ArrestsByBcu> rowClass() {
    return ArrestsByBcu.class;
  }

  public static void addCells(Arrest arrest, ReferenceData reference, CellSink cells) {
    List<String> cell =
        CellKey.of(
            Periods.month(arrest.getArrestDate()),
            arrest.getBcuCode(),
            reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
            Boolean.toString(arrest.getDomesticAbuse()));
    cells.add(cell, Contribution.count());
  }

  @Override
  public ArrestsByBcu toRow(List<String> key, CellStats stats) {
    ArrestsByBcu row = TableRows.withKeys(new ArrestsByBcu(), key);
    row.setArrests(stats.count());
    return row;
  }
}
