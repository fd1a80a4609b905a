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
 * thousand classes against millions of crimes, so each class's cells are found once, and every
 * crime of the class is added straight to them: one look-up per crime instead of one per cell.
 * What a crime adds (counted, charged, its days) is its own, from each table.
 */
public final class CrimeCells {
  private record CrimeClass(String financialYear, List<Scopes.Scope> scopes, String outcomeGroup, boolean hasOutcome) {
    static CrimeClass of(CrimeFacts facts) {
      return new CrimeClass(facts.financialYear(), facts.scopes(), facts.outcomeGroup(), facts.hasOutcome());
    }
  }

  /** A class's cells in each table. */
  private record Cells(CellStats[] outcomes, CellStats[] chargeRates, CellStats[] times) {}

  private final PartialTables partials;
  private final Map<CrimeClass, Cells> byClass = new HashMap<>();

  public CrimeCells(PartialTables partials) {
    this.partials = partials;
  }

  public void add(CrimeFacts facts) {
    Cells cells = byClass.computeIfAbsent(CrimeClass.of(facts), c -> find(facts));
    add(cells.outcomes(), OutcomesByOffenceTable.contribution(facts));
    add(cells.chargeRates(), ChargeRatesTable.contribution(facts));
    if (cells.times().length > 0) {
      add(cells.times(), TimeToOutcomeTable.contribution(facts));
    }
  }

  private static void add(CellStats[] cells, Contribution contribution) {
    for (CellStats cell : cells) {
      cell.add(contribution);
    }
  }

  private Cells find(CrimeFacts facts) {
    return new Cells(
        find(OutcomesByOffenceTable.NAME, keys -> OutcomesByOffenceTable.cellsOf(facts, keys)),
        find(ChargeRatesTable.NAME, keys -> ChargeRatesTable.cellsOf(facts, keys)),
        find(TimeToOutcomeTable.NAME, keys -> TimeToOutcomeTable.cellsOf(facts, keys)));
  }

  private CellStats[] find(String table, Consumer<Consumer<CellKey>> cellsOf) {
    List<CellStats> cells = new ArrayList<>();
    cellsOf.accept(key -> cells.add(partials.cell(table, key)));
    return cells.toArray(CellStats[]::new);
  }
}
