package org.offstats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell key is a list like any other: equal to and hashing as List.of of the same values. */
class CellKeyTest {

  @Test
  void equalsAndHashesAsAListOfTheSameValues() {
    CellKey key = CellKey.of("2024-25", "offence_group", "Sexual offences");
    List<String> same = List.of("2024-25", "offence_group", "Sexual offences");
    assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(same).isEqualTo(key);
    assertThat(new ArrayList<>(same)).isEqualTo(key);
    assertThat(key).isEqualTo(CellKey.of(new String("2024-25"), "offence_group", "Sexual offences"));
  }

  @Test
  void differsWhenAnyValueOrTheLengthDiffers() {
    CellKey key = CellKey.of("2024-25", "all");
    assertThat(key).isNotEqualTo(CellKey.of("2024-25", "vawg"));
    assertThat(key).isNotEqualTo(CellKey.of("2024-25", "all", "x"));
    assertThat(key).isNotEqualTo(CellKey.of("all", "2024-25"));
    assertThat(key).isNotEqualTo(List.of("2024-25"));
  }

  @Test
  void findsTheCellsOfListKeysAndTheOtherWayRound() {
    Map<List<String>, Integer> cells = new HashMap<>();
    cells.put(List.of("a", "b"), 1);
    cells.put(CellKey.of("c", "d"), 2);
    assertThat(cells.get(CellKey.of("a", "b"))).isEqualTo(1);
    assertThat(cells.get(List.of("c", "d"))).isEqualTo(2);
  }

  @Test
  void refusesNullValuesAndChangesLikeListOf() {
    assertThatThrownBy(() -> CellKey.of("a", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CellKey.of("a").add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CellKey.of("a").set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
  }
}
