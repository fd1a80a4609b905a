package org.offstats.tables;

import java.util.List;
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
  public Class<ProtectionOrders> rowClass() {
    return ProtectionOrders.class;
  }

  public static void addCells(ProtectionOrderEvent event, CellSink cells) {
    cells.add(CellKey.of(Periods.month(event.getEventDate()), event.getOrderType(), event.getEvent()), Contribution.count());
  }

  @Override
  public ProtectionOrders toRow(List<String> key, CellStats stats) {
    ProtectionOrders row = TableRows.withKeys(new ProtectionOrders(), key);
    row.setEvents(stats.count());
    return row;
  }
}
