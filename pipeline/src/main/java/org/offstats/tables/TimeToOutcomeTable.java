package org.offstats.tables;

import java.util.List;
import java.util.function.Consumer;
import org.offstats.domain.DayHistogram;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Scopes;
import org.offstats.schema.table.TimeToOutcome;

/**
 * {@code time_to_outcome} (OUTPUTS.md; the Home Office "median days to outcome"): for crimes
 * recorded in the financial year that have an outcome, days from recorded_date to outcome_date by
 * outcome group and over {@code All outcomes}, with the median and quartiles interpolated linearly
 * between order statistics (SQL {@code quantile_cont}).
 */
public final class TimeToOutcomeTable extends CellTable<TimeToOutcome> {
  public static final String NAME = "time_to_outcome";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<TimeToOutcome> rowClass() {
    return TimeToOutcome.class;
  }

  /**
   * The cells a crime counts in: none until it has an outcome, then two per scope (its outcome
   * group and all outcomes). The same for every crime of its class ({@link CrimeCells}).
   */
  static void cellsOf(CrimeFacts facts, Consumer<CellKey> cells) {
    if (!facts.hasOutcome()) {
      return;
    }
    for (Scopes.Scope scope : facts.scopes()) {
      cells.accept(CellKey.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()));
      cells.accept(CellKey.of(facts.financialYear(), scope.type(), scope.name(), Outcomes.ALL_OUTCOMES));
    }
  }

  /** What a crime adds to each of its cells: its days to outcome. */
  static Contribution contribution(CrimeFacts facts) {
    return Contribution.days(facts.daysToOutcome());
  }

  @Override
  public TimeToOutcome toRow(List<String> key, CellStats stats) {
    TimeToOutcome row = TableRows.withKeys(new TimeToOutcome(), key);
    DayHistogram days = stats.days();
    row.setOutcomes(days.count());
    row.setMedianDays(days.median());
    row.setP25Days(days.quantileCont(0.25));
    row.setP75Days(days.quantileCont(0.75));
    return row;
  }
}
