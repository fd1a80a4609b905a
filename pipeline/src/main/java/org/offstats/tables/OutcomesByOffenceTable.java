package org.offstats.tables;

import java.util.List;
import java.util.function.Consumer;
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

  /** The cells a crime counts in, one per scope: the same for every crime of its class ({@link CrimeCells}). */
  static void cellsOf(CrimeFacts facts, Consumer<CellKey> cells) {
    for (Scopes.Scope scope : facts.scopes()) {
      cells.accept(CellKey.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()));
    }
  }

  /** What a crime adds to each of its cells. */
  static Contribution contribution(CrimeFacts facts) {
    return Contribution.count();
  }

  @Override
  public OutcomesByOffence toRow(List<String> key, CellStats stats) {
    OutcomesByOffence row = TableRows.withKeys(new OutcomesByOffence(), key);
    row.setCrimes(stats.count());
    return row;
  }
}
