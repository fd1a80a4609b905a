package org.offstats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Scopes;

/**
 * Crimes added class by class land in exactly the cells, with exactly the statistics, of adding
 * each crime cell by cell to each table.
 */
class CrimeCellsTest {

  @Test
  void aCrimeCountsInTheCellsOfItsTables() {
    PartialTables partials = new PartialTables();
    CrimeCells cells = new CrimeCells(partials);
    List<Scopes.Scope> scopes = Scopes.of("Sexual offences", "Rape", true, true); // all, group, subgroup, DA, VAWG
    cells.add(new CrimeFacts("2024-25", scopes, "Charged/Summonsed", true, 40));
    cells.add(new CrimeFacts("2024-25", scopes, "Charged/Summonsed", true, 60));
    cells.add(new CrimeFacts("2024-25", scopes, Outcomes.NOT_YET_ASSIGNED, false, Contribution.NO_DAYS));
    cells.finish();

    CellStats rapeCharged = partials.cells(OutcomesByOffenceTable.NAME).get(List.of("2024-25", "offence_subgroup", "Rape", "Charged/Summonsed"));
    assertThat(rapeCharged.count()).isEqualTo(2);
    CellStats rape = partials.cells(ChargeRatesTable.NAME).get(List.of("2024-25", "offence_subgroup", "Rape"));
    assertThat(rape.count()).isEqualTo(3);
    assertThat(rape.flagged()).isEqualTo(2);
    CellStats days = partials.cells(TimeToOutcomeTable.NAME).get(List.of("2024-25", "vawg", "VAWG", Outcomes.ALL_OUTCOMES));
    assertThat(days.days().count()).isEqualTo(2);
    assertThat(days.days().median()).isEqualTo(50.0);
    assertThat(partials.cells(OutcomesByOffenceTable.NAME)).hasSize(10); // 5 scopes x 2 outcome groups
    assertThat(partials.cells(TimeToOutcomeTable.NAME)).hasSize(10); // 5 scopes x (its group, all outcomes); none for no outcome
  }

  @Test
  void addingAfterFinishingIsAnError() {
    CrimeCells cells = new CrimeCells(new PartialTables());
    cells.finish();
    assertThatThrownBy(() -> cells.add(new CrimeFacts("2024-25", Scopes.of("G", "S", false, false), "Charged/Summonsed", true, 3)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(cells::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void classByClassIsCellByCell() {
    Random random = new Random(7);
    String[] years = {"2022-23", "2023-24", "2024-25"};
    String[] groups = {"Charged/Summonsed", "Evidential difficulties", Outcomes.NOT_YET_ASSIGNED};
    PartialTables byClass = new PartialTables();
    CrimeCells cells = new CrimeCells(byClass);
    PartialTables byCell = new PartialTables();
    for (int i = 0; i < 5_000; i++) {
      List<Scopes.Scope> scopes = Scopes.of("Group " + random.nextInt(3), "Subgroup " + random.nextInt(4), random.nextBoolean(), random.nextBoolean());
      String group = groups[random.nextInt(groups.length)];
      boolean hasOutcome = !group.equals(Outcomes.NOT_YET_ASSIGNED);
      CrimeFacts facts = new CrimeFacts(years[random.nextInt(years.length)], scopes, group, group.startsWith("Charged"),
          hasOutcome ? random.nextInt(400) : Contribution.NO_DAYS);
      cells.add(facts);
      // the plain way: every cell of every table looked up for every crime
      OutcomesByOffenceTable.cellsOf(facts, key -> byCell.table(OutcomesByOffenceTable.NAME).add(key, OutcomesByOffenceTable.contribution(facts)));
      ChargeRatesTable.cellsOf(facts, key -> byCell.table(ChargeRatesTable.NAME).add(key, ChargeRatesTable.contribution(facts)));
      TimeToOutcomeTable.cellsOf(facts, key -> byCell.table(TimeToOutcomeTable.NAME).add(key, TimeToOutcomeTable.contribution(facts)));
    }
    cells.finish();
    for (String table : List.of(OutcomesByOffenceTable.NAME, ChargeRatesTable.NAME, TimeToOutcomeTable.NAME)) {
      Map<List<String>, CellStats> expected = byCell.cells(table);
      Map<List<String>, CellStats> actual = byClass.cells(table);
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((key, stats) -> {
        assertThat(actual.get(key).count()).as("%s %s", table, key).isEqualTo(stats.count());
        assertThat(actual.get(key).flagged()).as("%s %s", table, key).isEqualTo(stats.flagged());
        assertThat(actual.get(key).days().count()).as("%s %s", table, key).isEqualTo(stats.days().count());
        if (stats.days().count() > 0) {
          assertThat(actual.get(key).days().quantileCont(0.25)).isEqualTo(stats.days().quantileCont(0.25));
          assertThat(actual.get(key).days().median()).isEqualTo(stats.days().median());
        }
      });
    }
  }
}
