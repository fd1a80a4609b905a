package org.offstats.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.offstats.domain.Scopes;

/**
 * Adds crimes to the tables built from crime outcomes: {@code outcomes_by_offence}, {@code
 * charge_rates} and {@code time_to_outcome}. Which cells a crime counts in depends only on its
 * class: its financial year, scopes, outcome group and whether it has an outcome. There are a few
 * thousand classes against millions of crimes, so each class's cells are found once, and a crime
 * is added once per table, to its class's total for that table: one look-up and three additions per
 * crime instead of a look-up and an addition per cell. {@link #finish} then adds each class's
 * totals to its cells, exactly (counts add, day histograms merge). What a crime adds (counted,
 * charged, its days) is its own, from each table.
 */
public final class CrimeCells {
  private record CrimeClass(String financialYear, List<Scopes.Scope> scopes, String outcomeGroup, boolean hasOutcome) {
    static CrimeClass of(CrimeFacts facts) {
      return new CrimeClass(facts.financialYear(), facts.scopes(), facts.outcomeGroup(), facts.hasOutcome());
    }
  }

  /** A class's cells in each table, and what its crimes have added to each table so far. */
  private record Cells(CellStats[] outcomes, CellStats[] chargeRates, CellStats[] times, CellStats[] totals) {
    static final int OUTCOMES = 0;
    static final int CHARGE_RATES = 1;
    static final int TIMES = 2;
  }

  private final PartialTables partials;
  private final Map<CrimeClass, Cells> byClass = new HashMap<>();
  private boolean finished;

  public CrimeCells(PartialTables partials) {
    this.partials = partials;
  }

  public void add(CrimeFacts facts) {
    if (finished) {
      throw new IllegalStateException("a crime added after the classes' totals went into their cells");
    }
    Cells cells = byClass.computeIfAbsent(CrimeClass.of(facts), c -> find(facts));
    cells.totals()[Cells.OUTCOMES].add(OutcomesByOffenceTable.contribution(facts));
    cells.totals()[Cells.CHARGE_RATES].add(ChargeRatesTable.contribution(facts));
    if (cells.times().length > 0) {
      cells.totals()[Cells.TIMES].add(TimeToOutcomeTable.contribution(facts));
    }
  }

  /** Adds each class's totals to its cells in each table; once every crime has been added, and once only. */
  public void finish() {
    if (finished) {
      throw new IllegalStateException("the classes' totals are in their cells already");
    }
    finished = true;
    for (Cells cells : byClass.values()) {
      addTo(cells.outcomes(), cells.totals()[Cells.OUTCOMES]);
      addTo(cells.chargeRates(), cells.totals()[Cells.CHARGE_RATES]);
      addTo(cells.times(), cells.totals()[Cells.TIMES]);
    }
  }

  private static void addTo(CellStats[] cells, CellStats total) {
    for (CellStats cell : cells) {
      cell.merge(total);
    }
  }

  private Cells find(CrimeFacts facts) {
    return new Cells(
        find(OutcomesByOffenceTable.NAME, keys -> OutcomesByOffenceTable.cellsOf(facts, keys)),
        find(ChargeRatesTable.NAME, keys -> ChargeRatesTable.cellsOf(facts, keys)),
        find(TimeToOutcomeTable.NAME, keys -> TimeToOutcomeTable.cellsOf(facts, keys)),
        new CellStats[] {new CellStats(), new CellStats(), new CellStats()});
  }

  private CellStats[] find(String table, Consumer<Consumer<CellKey>> cellsOf) {
    List<CellStats> cells = new ArrayList<>();
    cellsOf.accept(key -> cells.add(partials.cell(table, key)));
    return cells.toArray(CellStats[]::new);
  }
}
