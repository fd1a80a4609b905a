package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedIntSetTest {
  @Test
  void keepsTheLowestFirstAndIgnoresRepeats() {
    SortedIntSet set = new SortedIntSet();
    assertThat(set.isEmpty()).isTrue();
    set.add(7);
    set.add(3);
    set.add(7);
    set.add(12);
    assertThat(set.first()).isEqualTo(3);
    set.remove(3);
    set.remove(4);
    assertThat(set.first()).isEqualTo(7);
    set.remove(7);
    set.remove(12);
    assertThat(set.isEmpty()).isTrue();
    assertThatThrownBy(set::first).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void agreesWithATreeSetOverManyChanges() {
    Random random = new Random(6);
    SortedIntSet set = new SortedIntSet();
    TreeSet<Integer> expected = new TreeSet<>();
    for (int step = 0; step < 20_000; step++) {
      int value = random.nextInt(100);
      if (random.nextBoolean()) {
        set.add(value);
        expected.add(value);
      } else {
        set.remove(value);
        expected.remove(value);
      }
      assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
      if (!expected.isEmpty()) {
        assertThat(set.first()).isEqualTo(expected.first());
      }
      if (step % 5_000 == 4_999) {
        set.clear();
        expected.clear();
      }
    }
  }

  @Test
  void agreesWithATreeSetOverValuesSpreadAcrossManyWords() {
    // values up to 20,000 take more than one summary word; the set grows as they come
    Random random = new Random(60);
    SortedIntSet set = new SortedIntSet();
    TreeSet<Integer> expected = new TreeSet<>();
    for (int step = 0; step < 50_000; step++) {
      int value = random.nextBoolean() ? random.nextInt(20_000) : random.nextInt(200);
      if (random.nextInt(3) > 0) {
        set.add(value);
        expected.add(value);
      } else {
        Integer present = expected.ceiling(value);
        int gone = present == null || random.nextBoolean() ? value : present;
        set.remove(gone);
        expected.remove(gone);
      }
      assertSameLowest(set, expected);
      if (step % 10_000 == 9_999) {
        set.clear();
        expected.clear();
        assertSameLowest(set, expected);
      }
    }
  }

  private static void assertSameLowest(SortedIntSet set, TreeSet<Integer> expected) {
    assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
    if (!expected.isEmpty()) {
      assertThat(set.first()).isEqualTo(expected.first());
    }
  }

  @Test
  void refusesNegativeValues() {
    assertThatThrownBy(() -> new SortedIntSet().add(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
