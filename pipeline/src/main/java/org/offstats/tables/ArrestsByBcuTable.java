package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
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
  protected Class<ArrestsByBcu> rowClass() {
    return ArrestsByBcu.class;
  }

  @Override
  protected DoFn<KV<List<String>, CellStats>, ArrestsByBcu> toRow() {
    return new ToRowFn();
  }

  public static void addCells(Arrest arrest, ReferenceData reference, CellSink cells) {
    List<String> cell =
        List.of(
            Periods.month(arrest.getArrestDate()),
            arrest.getBcuCode(),
            reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
            Boolean.toString(arrest.getDomesticAbuse()));
    cells.add(cell, Contribution.count());
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ArrestsByBcu> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ArrestsByBcu> out) {
      ArrestsByBcu row = TableRows.withKeys(new ArrestsByBcu(), cell.getKey());
      CellStats stats = cell.getValue();
      row.setArrests(stats.count());
      out.output(row);
    }
  }
}
