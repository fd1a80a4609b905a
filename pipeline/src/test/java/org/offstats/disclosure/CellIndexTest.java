package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offstats.schema.table.ChargeRates;
import org.offstats.schema.table.OutcomesByOffence;

/**
 * Tables given in an order that is not name order, and charge_rates' counts in schema order
 * (crimes_recorded, charged_summonsed) not name order: cell numbers follow {@link
 * ForceCells#countCells}, ranks follow {@link CellId} order, checked against sorting the cells.
 */
class CellIndexTest {
  private static ForceCells cells() {
    Map<String, List<?>> tables = new LinkedHashMap<>();
    tables.put(
        "outcomes_by_offence",
        List.of(
            new OutcomesByOffence("2024-25", "all", "All offences", "B", 40L),
            new OutcomesByOffence("2024-25", "all", "All offences", "A", 3L)));
    tables.put(
        "charge_rates",
        List.of(
            new ChargeRates("2024-25", "all", "All offences", 43L, 20L, 20.0 / 43),
            new ChargeRates("2023-24", "all", "All offences", 12L, 5L, 5.0 / 12)));
    @SuppressWarnings("unchecked")
    Map<String, List<org.apache.avro.generic.IndexedRecord>> typed = (Map<String, List<org.apache.avro.generic.IndexedRecord>>) (Map<?, ?>) tables;
    return new ForceCells(typed);
  }

  @Test
  void numbersCellsInCountCellOrderWithTheirValuesAndLowerBounds() {
    ForceCells cells = cells();
    CellIndex index = new CellIndex(cells);
    List<CellId> all = cells.countCells();
    assertThat(index.size()).isEqualTo(6);
    for (int i = 0; i < all.size(); i++) {
      assertThat(index.cell(i)).isEqualTo(all.get(i));
      assertThat(index.of(all.get(i))).isEqualTo(i);
      assertThat(index.value(i)).isEqualTo(cells.value(all.get(i)));
      assertThat(index.lowerBound(i)).isEqualTo(cells.lowerBound(all.get(i)));
    }
  }

  @Test
  void ranksFollowCellIdOrder() {
    ForceCells cells = cells();
    CellIndex index = new CellIndex(cells);
    List<CellId> sorted = new ArrayList<>(cells.countCells());
    Collections.sort(sorted);
    for (int i = 0; i < index.size(); i++) {
      assertThat(index.rank(i)).as("rank of " + index.cell(i)).isEqualTo(sorted.indexOf(index.cell(i)));
    }
    List<CellId> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    assertThat(index.inOrder(shuffled)).containsExactlyElementsOf(sorted);
    assertThat(index.inOrder(shuffled.subList(0, 3))).containsExactlyElementsOf(sorted.subList(3, 6));
    shuffled.sort(index.order());
    assertThat(shuffled).containsExactlyElementsOf(sorted);
  }

  @Test
  void aCellOutsideTheTablesHasNoNumber() {
    CellIndex index = new CellIndex(cells());
    assertThat(index.of(new CellId("charge_rates", 2, "crimes_recorded"))).isEqualTo(-1);
    assertThat(index.of(new CellId("charge_rates", -1, "crimes_recorded"))).isEqualTo(-1);
    assertThat(index.of(new CellId("charge_rates", 0, "charge_rate"))).isEqualTo(-1);
    assertThat(index.of(new CellId("time_to_outcome", 0, "outcomes"))).isEqualTo(-1);
    assertThatThrownBy(() -> index.inOrder(List.of(new CellId("time_to_outcome", 0, "outcomes")))).isInstanceOf(IllegalArgumentException.class);
  }
}
