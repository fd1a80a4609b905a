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
import org.offstats.schema.table.OutcomesByOffence;

/**
 * {@code outcomes_by_offence} (OUTPUTS.md): crimes recorded in each financial year by outcome group
 * as at the extract, in every scope the crime belongs to; crimes with no outcome yet are in group
 * {@code Not yet assigned an outcome}.
 */
public final class OutcomesByOffenceTable
    extends PTransform<PCollection<CrimeOutcome>, PCollection<OutcomesByOffence>> {
  private final ReferenceData reference;

  public OutcomesByOffenceTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<OutcomesByOffence> expand(PCollection<CrimeOutcome> crimes) {
    return crimes
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CountCrimes", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(OutcomesByOffence.class));
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
        List<String> cell = List.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup());
        out.output(KV.of(cell, Contribution.count()));
      }
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, OutcomesByOffence> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<OutcomesByOffence> out) {
      OutcomesByOffence row = TableRows.withKeys(new OutcomesByOffence(), cell.getKey());
      row.setCrimes(cell.getValue().count());
      out.output(row);
    }
  }
}
