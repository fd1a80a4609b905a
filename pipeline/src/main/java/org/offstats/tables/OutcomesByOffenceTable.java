package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.offstats.domain.Scopes;
import org.offstats.schema.table.OutcomesByOffence;

/**
 * {@code outcomes_by_offence} (OUTPUTS.md): crimes recorded in each financial year by outcome group
 * as at the extract, in every scope the crime belongs to; crimes with no outcome yet are in group
 * {@code Not yet assigned an outcome}.
 */
public final class OutcomesByOffenceTable extends CellTable<OutcomesByOffence> {
  public static final String NAME = "outcomes_by_offence";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  protected Class<OutcomesByOffence> rowClass() {
    return OutcomesByOffence.class;
  }

  @Override
  protected DoFn<KV<List<String>, CellStats>, OutcomesByOffence> toRow() {
    return new ToRowFn();
  }

  public static void addCells(CrimeFacts facts, CellSink cells) {
    for (Scopes.Scope scope : facts.scopes()) {
      cells.add(List.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()), Contribution.count());
    }
  }

  static final class ToRowFn extends DoFn<KV<List<String>, CellStats>, OutcomesByOffence> {
    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<OutcomesByOffence> out) {
      OutcomesByOffence row = TableRows.withKeys(new OutcomesByOffence(), cell.getKey());
      CellStats stats = cell.getValue();
      row.setCrimes(stats.count());
      out.output(row);
    }
  }
}
