package org.offstats.tables;

import java.util.List;
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
  public Class<OutcomesByOffence> rowClass() {
    return OutcomesByOffence.class;
  }

  public static void addCells(CrimeFacts facts, CellSink cells) {
    for (Scopes.Scope scope : facts.scopes()) {
      cells.add(CellKey.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()), Contribution.count());
    }
  }

  @Override
  public OutcomesByOffence toRow(List<String> key, CellStats stats) {
    OutcomesByOffence row = TableRows.withKeys(new OutcomesByOffence(), key);
    row.setCrimes(stats.count());
    return row;
  }
}
