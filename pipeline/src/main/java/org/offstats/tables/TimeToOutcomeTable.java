package org.offstats.tables;

import java.util.List;
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

  public static void addCells(CrimeFacts facts, CellSink cells) {
    if (!facts.hasOutcome()) {
      return;
    }
    Contribution days = Contribution.days(facts.daysToOutcome());
    for (Scopes.Scope scope : facts.scopes()) {
      cells.add(CellKey.of(facts.financialYear(), scope.type(), scope.name(), facts.outcomeGroup()), days);
      cells.add(CellKey.of(facts.financialYear(), scope.type(), scope.name(), Outcomes.ALL_OUTCOMES), days);
    }
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
