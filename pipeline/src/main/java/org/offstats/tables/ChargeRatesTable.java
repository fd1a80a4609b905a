package org.offstats.tables;

import java.util.List;
import java.util.function.Consumer;
import org.offstats.domain.Scopes;
import org.offstats.schema.table.ChargeRates;

/**
 * {@code charge_rates} (OUTPUTS.md), on the Home Office cohort basis: of the crimes recorded in the
 * financial year, the share whose outcome is type 1 as at the extract. Crimes with no outcome yet
 * stay in the denominator.
 */
public final class ChargeRatesTable extends CellTable<ChargeRates> {
  public static final String NAME = "charge_rates";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ChargeRates> rowClass() {
    return ChargeRates.class;
  }

  /** The cells a crime counts in, one per scope: the same for every crime of its class ({@link CrimeCells}). */
  static void cellsOf(CrimeFacts facts, Consumer<CellKey> cells) {
    for (Scopes.Scope scope : facts.scopes()) {
      cells.accept(CellKey.of(facts.financialYear(), scope.type(), scope.name()));
    }
  }

  /** What a crime adds to each of its cells: flagged when charged or summonsed. */
  static Contribution contribution(CrimeFacts facts) {
    return Contribution.flagged(facts.charged());
  }

  @Override
  public ChargeRates toRow(List<String> key, CellStats stats) {
    ChargeRates row = TableRows.withKeys(new ChargeRates(), key);
    row.setCrimesRecorded(stats.count());
    row.setChargedSummonsed(stats.flagged());
    row.setChargeRate((double) stats.flagged() / stats.count());
    return row;
  }
}
