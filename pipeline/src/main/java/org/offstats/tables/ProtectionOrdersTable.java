package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.offstats.domain.Periods;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.schema.table.ProtectionOrders;

/** {@code protection_orders} (OUTPUTS.md): events per month of event_date, order type and event. */
public final class ProtectionOrdersTable extends CellTable<ProtectionOrders> {
  public static final String NAME = "protection_orders";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  protected Class<ProtectionOrders> rowClass() {
    return ProtectionOrders.class;
  }

  @Override
  protected DoFn<KV<List<String>, CellStats>, ProtectionOrders> toRow() {
    return new ToRowFn();
  }

  public static void addCells(ProtectionOrderEvent event, CellSink cells) {
    cells.add(List.of(Periods.month(event.getEventDate()), event.getOrderType(), event.getEvent()), Contribution.count());
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ProtectionOrders> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ProtectionOrders> out) {
      ProtectionOrders row = TableRows.withKeys(new ProtectionOrders(), cell.getKey());
      CellStats stats = cell.getValue();
      row.setEvents(stats.count());
      out.output(row);
    }
  }
}
