package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByBcu;

/** {@code arrests_by_bcu} (OUTPUTS.md): arrests per month, BCU, offence group and DA flag. */
public final class ArrestsByBcuTable extends PTransform<PCollection<Arrest>, PCollection<ArrestsByBcu>> {
  private final ReferenceData reference;

  public ArrestsByBcuTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<ArrestsByBcu> expand(PCollection<Arrest> arrests) {
    return arrests
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CountArrests", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ArrestsByBcu.class));
  }

  static final class CellFn extends DoFn<Arrest, KV<List<String>, Contribution>> {
    private final ReferenceData reference;

    CellFn(ReferenceData reference) {
      this.reference = reference;
    }

    @ProcessElement
    public void processElement(@Element Arrest arrest, OutputReceiver<KV<List<String>, Contribution>> out) {
      List<String> cell =
          List.of(
              Periods.month(arrest.getArrestDate()),
              arrest.getBcuCode(),
              reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
              Boolean.toString(arrest.getDomesticAbuse()));
      out.output(KV.of(cell, Contribution.count()));
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ArrestsByBcu> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ArrestsByBcu> out) {
      ArrestsByBcu row = TableRows.withKeys(new ArrestsByBcu(), cell.getKey());
      row.setArrests(cell.getValue().count());
      out.output(row);
    }
  }
}
