package org.offstats.tables;

import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
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
  protected Class<ChargeRates> rowClass() {
    return ChargeRates.class;
  }

  @Override
  protected DoFn<KV<List<String>, CellStats>, ChargeRates> toRow() {
    return new ToRowFn();
  }

  public static void addCells(CrimeFacts facts, CellSink cells) {
    for (Scopes.Scope scope : facts.scopes()) {
      cells.add(List.of(facts.financialYear(), scope.type(), scope.name()), Contribution.flagged(facts.charged()));
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
