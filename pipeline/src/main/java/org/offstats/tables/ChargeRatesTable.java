package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.table.ChargeRates;

/**
 * {@code charge_rates} (OUTPUTS.md), on the Home Office cohort basis: of the crimes recorded in the
 * financial year, the share whose outcome is type 1 as at the extract. Crimes with no outcome yet
 * stay in the denominator.
 */
public final class ChargeRatesTable extends PTransform<PCollection<CrimeOutcome>, PCollection<ChargeRates>> {
  private final ReferenceData reference;

  public ChargeRatesTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<ChargeRates> expand(PCollection<CrimeOutcome> crimes) {
    return crimes
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CountRecordedAndCharged", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(ChargeRates.class));
  }

  static final class CellFn extends DoFn<CrimeOutcome, KV<List<String>, Contribution>> {
    private final ReferenceData reference;

    CellFn(ReferenceData reference) {
      this.reference = reference;
    }

    @ProcessElement
    public void processElement(@Element CrimeOutcome crime, OutputReceiver<KV<List<String>, Contribution>> out) {
      CrimeFacts facts = CrimeFacts.of(crime, reference);
      for (Scopes.Scope scope : facts.scopes()) {
        List<String> cell = List.of(facts.financialYear(), scope.type(), scope.name());
        out.output(KV.of(cell, Contribution.flagged(facts.charged())));
      }
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, ChargeRates> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<ChargeRates> out) {
      ChargeRates row = TableRows.withKeys(new ChargeRates(), cell.getKey());
      CellStats stats = cell.getValue();
      row.setCrimesRecorded(stats.count());
      row.setChargedSummonsed(stats.flagged());
      row.setChargeRate((double) stats.flagged() / stats.count());
      out.output(row);
    }
  }
}
