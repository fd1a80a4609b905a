package org.offstats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Distinct persons through the reader's person numbers, and merging partial tables exactly. */
class PartialTablesTest {

  @Test
  void aPersonIsOneNumberInEveryCellOfOneReader() {
    PartialTables reader = new PartialTables();
    CellSink month = reader.table("by_month");
    CellSink total = reader.table("total");
    // PER-1 arrested in January and February, PER-2 in February: 3 arrests, 2 persons overall
    for (String[] arrest : new String[][] {{"2024-01", "PER-1"}, {"2024-02", "PER-1"}, {"2024-02", "PER-2"}}) {
      int person = reader.person(arrest[1]);
      month.add(List.of(arrest[0]), Contribution.person(person));
      total.add(List.of("all"), Contribution.person(person));
    }
    assertThat(reader.person("PER-1")).isEqualTo(reader.person("PER-1")).isNotEqualTo(reader.person("PER-2"));
    assertThat(reader.cells("by_month").get(List.of("2024-01")).distinctPersons()).isEqualTo(1);
    assertThat(reader.cells("by_month").get(List.of("2024-02")).distinctPersons()).isEqualTo(2);
    CellStats all = reader.cells("total").get(List.of("all"));
    assertThat(all.count()).isEqualTo(3);
    assertThat(all.distinctPersons()).isEqualTo(2);
  }

  @Test
  void mergingAddsCountsAndLeavesThePartialsAsTheyWere() {
    PartialTables outcomes = new PartialTables();
    outcomes.table("crimes").add(List.of("2024-25"), Contribution.flagged(true));
    outcomes.table("crimes").add(List.of("2024-25"), Contribution.flagged(false));
    PartialTables orders = new PartialTables();
    orders.table("crimes").add(List.of("2024-25"), Contribution.flagged(true));
    orders.table("events").add(List.of("DVPN"), Contribution.count());

    PartialTables merged = PartialTables.merge(List.of(outcomes, orders));

    CellStats crimes = merged.cells("crimes").get(List.of("2024-25"));
    assertThat(crimes.count()).isEqualTo(3);
    assertThat(crimes.flagged()).isEqualTo(2);
    assertThat(merged.cells("events").get(List.of("DVPN")).count()).isEqualTo(1);
    assertThat(outcomes.cells("crimes").get(List.of("2024-25")).count()).as("a partial is not changed").isEqualTo(2);
    assertThat(merged.cells("absent")).isEmpty();
  }

  @Test
  void personNumbersOfTwoReadersAreNeverMerged() {
    // each reader numbers its own persons from 0: merged, PER-A and PER-B would count as one person
    PartialTables first = new PartialTables();
    first.table("t").add(List.of("x"), Contribution.person(first.person("PER-A")));
    PartialTables second = new PartialTables();
    second.table("t").add(List.of("x"), Contribution.person(second.person("PER-B")));

    assertThatThrownBy(() -> PartialTables.merge(List.of(first, second)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("person numbers are per reader");
  }

  @Test
  void mergingByTakingThePartialsGivesWhatMergingByCopyingGives() {
    java.util.Random random = new java.util.Random(3);
    List<PartialTables> copied = new java.util.ArrayList<>();
    List<PartialTables> taken = new java.util.ArrayList<>();
    for (int reader = 0; reader < 3; reader++) {
      PartialTables one = new PartialTables();
      PartialTables same = new PartialTables();
      for (int i = 0; i < 2_000; i++) {
        // readers share the "shared" table; only the last reader counts persons and days, so cells
        // made by an earlier reader gain them in the merge
        String table = random.nextBoolean() ? "shared" : "own-" + reader;
        List<String> cell = List.of("c" + random.nextInt(40));
        Contribution c = reader == 2 && random.nextBoolean()
            ? (random.nextBoolean() ? Contribution.person(random.nextInt(500)) : Contribution.days(random.nextInt(900)))
            : Contribution.flagged(random.nextBoolean());
        one.table(table).add(cell, c);
        same.table(table).add(cell, c);
      }
      copied.add(one);
      taken.add(same);
    }
    PartialTables byCopy = PartialTables.merge(copied);
    PartialTables byTaking = PartialTables.mergeTaking(taken);
    for (String table : List.of("shared", "own-0", "own-1", "own-2")) {
      assertThat(byTaking.cells(table).keySet()).isEqualTo(byCopy.cells(table).keySet()).isNotEmpty();
      byCopy.cells(table).forEach((cell, expected) -> {
        CellStats actual = byTaking.cells(table).get(cell);
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.flagged()).isEqualTo(expected.flagged());
        assertThat(actual.distinctPersons()).isEqualTo(expected.distinctPersons());
        assertThat(actual.days()).isEqualTo(expected.days());
      });
    }
  }
}
