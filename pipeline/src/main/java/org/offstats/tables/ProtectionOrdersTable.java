package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.domain.Periods;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.schema.table.ProtectionOrders;

/** {@code protection_orders} (OUTPUTS.md): events per month of event_date, order type and event. */
public final class ProtectionOrdersTable
    extends PTransform<PCollection<ProtectionOrderEvent>, PCollection<ProtectionOrders>> {

  @Override
  public PCollection<ProtectionOrders> expand(PCollection<ProtectionOrderEvent> events) {
    return events
        .apply("KeyByCell", ParDo.of(new CellFn()))
        .apply("CountEvents", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ProtectionOrders.class));
  }

  static final class CellFn extends DoFn<ProtectionOrderEvent, KV<List<String>, Contribution>> {
    @ProcessElement
    public void processElement(@Element ProtectionOrderEvent event, OutputReceiver<KV<List<String>, Contribution>> out) {
      List<String> cell = List.of(Periods.month(event.getEventDate()), event.getOrderType(), event.getEvent());
      out.output(KV.of(cell, Contribution.count()));
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ProtectionOrders> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ProtectionOrders> out) {
      ProtectionOrders row = TableRows.withKeys(new ProtectionOrders(), cell.getKey());
      row.setEvents(cell.getValue().count());
      out.output(row);
    }
  }
}
