package org.offstats.tables;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.table.ArrestOutcomes;

/**
 * {@code arrest_outcomes} (OUTPUTS.md): arrests per financial year of the arrest, unit type and
 * offence group, and how many of them are linked (by arrest_id) from a crime whose outcome is type
 * 1. An arrest linked from several charged crimes counts once; links to arrests outside this run's
 * arrests extract count nowhere.
 *
 * <p>The charged arrest ids reach the arrests as a side input: they are a fraction of the crimes,
 * and this avoids a shuffle of every arrest by its id.
 */
public final class ArrestOutcomesTable extends PTransform<PCollectionTuple, PCollection<ArrestOutcomes>> {
  public static final TupleTag<Arrest> ARRESTS = new TupleTag<>() {};
  public static final TupleTag<CrimeOutcome> CRIMES = new TupleTag<>() {};

  private final ReferenceData reference;

  public ArrestOutcomesTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<ArrestOutcomes> expand(PCollectionTuple input) {
    PCollectionView<List<String>> charged =
        input.get(CRIMES).apply("ChargedArrestIds", ParDo.of(new ChargedArrestFn())).apply("AsSideInput", View.asList());
    return input.get(ARRESTS)
        .apply("KeyByCell", ParDo.of(new CellFn(reference, charged)).withSideInputs(charged))
        .apply("CountArrestsAndCharged", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ArrestOutcomes.class));
  }

  static final class ChargedArrestFn extends DoFn<CrimeOutcome, String> {
    @ProcessElement
    public void processElement(@Element CrimeOutcome crime, OutputReceiver<String> out) {
      Integer type = crime.getOutcomeType();
      if (crime.getArrestId() != null && type != null && type == Outcomes.CHARGED_SUMMONSED) {
        out.output(crime.getArrestId());
      }
    }
  }

  static final class CellFn extends DoFn<Arrest, KV<List<String>, Contribution>> {
    private final ReferenceData reference;
    private final PCollectionView<List<String>> chargedView;
    private transient List<String> chargedList;
    private transient Set<String> charged;

    CellFn(ReferenceData reference, PCollectionView<List<String>> chargedView) {
      this.reference = reference;
      this.chargedView = chargedView;
    }

    @ProcessElement
    public void processElement(@Element Arrest arrest, ProcessContext context) {
      List<String> ids = context.sideInput(chargedView);
      if (ids != chargedList) {
        chargedList = ids;
        charged = new HashSet<>(ids);
      }
      List<String> cell =
          List.of(
              Periods.financialYear(arrest.getArrestDate()),
              reference.unit(arrest.getUnitCode()).getUnitType(),
              reference.offence(arrest.getOffenceCode()).getOffenceGroup());
      context.output(KV.of(cell, Contribution.flagged(charged.contains(arrest.getArrestId()))));
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ArrestOutcomes> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ArrestOutcomes> out) {
      ArrestOutcomes row = TableRows.withKeys(new ArrestOutcomes(), cell.getKey());
      row.setArrests(cell.getValue().count());
      row.setArrestsCharged(cell.getValue().flagged());
      out.output(row);
    }
  }
}
