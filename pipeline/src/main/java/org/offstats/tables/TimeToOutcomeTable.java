package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.domain.DayHistogram;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.table.TimeToOutcome;

/**
 * {@code time_to_outcome} (OUTPUTS.md; the Home Office "median days to outcome"): for crimes
 * recorded in the financial year that have an outcome, days from recorded_date to outcome_date by
 * outcome group and over {@code All outcomes}, with the median and quartiles interpolated linearly
 * between order statistics (SQL {@code quantile_cont}).
 */
public final class TimeToOutcomeTable extends PTransform<PCollection<CrimeOutcome>, PCollection<TimeToOutcome>> {
  private final ReferenceData reference;

  public TimeToOutcomeTable(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public PCollection<TimeToOutcome> expand(PCollection<CrimeOutcome> crimes) {
    return crimes
        .apply("KeyByCell", ParDo.of(new CellFn(reference)))
        .apply("CollectDaysToOutcome", new AggregateCells())
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(TimeToOutcome.class));
  }

  static final class CellFn extends DoFn<CrimeOutcome, KV<List<String>, Contribution>> {
    private final ReferenceData reference;

    CellFn(ReferenceData reference) {
      this.reference = reference;
    }

    @ProcessElement
    public void processElement(@Element CrimeOutcome crime, OutputReceiver<KV<List<String>, Contribution>> out) {
      CrimeFacts facts = CrimeFacts.of(crime, reference);
      if (!facts.hasOutcome()) {
        return;
      }
      Contribution days = Contribution.days(facts.daysToOutcome());
      for (Scopes.Scope scope : facts.scopes()) {
        out.output(KV.of(List.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()), days));
        out.output(KV.of(List.of(facts.financialYear(), scope.type(), scope.name(), Outcomes.ALL_OUTCOMES), days));
      }
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, TimeToOutcome> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<TimeToOutcome> out) {
      TimeToOutcome row = TableRows.withKeys(new TimeToOutcome(), cell.getKey());
      DayHistogram days = cell.getValue().days();
      row.setOutcomes(days.count());
      row.setMedianDays(days.median());
      row.setP25Days(days.quantileCont(0.25));
      row.setP75Days(days.quantileCont(0.75));
      out.output(row);
    }
  }
}
