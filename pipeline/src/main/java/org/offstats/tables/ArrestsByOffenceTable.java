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
import org.offstats.schema.reference.Unit;
import org.offstats.schema.table.ArrestsByOffence;

/**
 * {@code arrests_by_offence} (OUTPUTS.md): arrests per month, unit type, unit, offence group,
 * offence and domestic-abuse flag, with the distinct persons arrested in each cell.
 */
public final class ArrestsByOffenceTable extends PTransform<PCollection<Arrest>, PCollection<ArrestsByOffence>> {
  private final ReferenceData reference;

  public ArrestsByOffenceTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<ArrestsByOffence> expand(PCollection<Arrest> arrests) {
    return arrests
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CountArrestsAndPersons", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ArrestsByOffence.class));
  }

  static final class CellFn extends DoFn<Arrest, KV<List<String>, Contribution>> {
    private final ReferenceData reference;

    CellFn(ReferenceData reference) {
      this.reference = reference;
    }

    @ProcessElement
    public void processElement(@Element Arrest arrest, OutputReceiver<KV<List<String>, Contribution>> out) {
      Unit unit = reference.unit(arrest.getUnitCode());
      List<String> cell =
          List.of(
              Periods.month(arrest.getArrestDate()),
              unit.getUnitType(),
              arrest.getUnitCode(),
              reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
              arrest.getOffenceCode(),
              Boolean.toString(arrest.getDomesticAbuse()));
      out.output(KV.of(cell, Contribution.person(arrest.getPersonRef())));
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ArrestsByOffence> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ArrestsByOffence> out) {
      ArrestsByOffence row = TableRows.withKeys(new ArrestsByOffence(), cell.getKey());
      row.setArrests(cell.getValue().count());
      row.setPersons(cell.getValue().distinctPersons());
      out.output(row);
    }
  }
}
