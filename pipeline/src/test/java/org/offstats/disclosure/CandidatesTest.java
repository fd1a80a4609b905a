package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.ints.IntPriorityQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidatesTest {
  /** One candidate as the test sees it. */
  private record Partner(int k, int move, long cost, int opened, int relations) {}

  @Test
  void weighsCostAgainstWhatIsLeftThenBreaksTiesByRelationsAndClass() {
    Candidates candidates = new Candidates();
    candidates.add(7, 1, 50, 0, 3);
    candidates.add(3, -1, 0, 2, 5);
    candidates.add(9, 1, 20, 1, 2);
    candidates.add(4, 1, 20, 1, 2);
    candidates.add(2, 1, 20, 1, 4);

    // 0 per unit left: by cost, then by what is left, then fewer relations, then lower class
    assertThat(classesInOrder(candidates, 0)).containsExactly(3, 4, 9, 2, 7);
    // 100 per unit left: 7 costs 50, 4/9/2 cost 120, 3 costs 200
    assertThat(classesInOrder(candidates, 100)).containsExactly(7, 4, 9, 2, 3);
    // by what is left, then cost
    assertThat(classesInOrder(candidates, Long.MAX_VALUE)).containsExactly(7, 4, 9, 2, 3);
  }

  @Test
  void comesOutInTheSameOrderAsAFullSort() {
    Random random = new Random(6);
    Candidates candidates = new Candidates();
    for (long openCost : new long[] {0, 100, 1_000, Long.MAX_VALUE}) {
      for (int round = 0; round < 20; round++) {
        candidates.clear();
        List<Partner> partners = new ArrayList<>();
        int size = 1 + random.nextInt(300);
        for (int k = 0; k < size; k++) {
          Partner p = new Partner(k, random.nextBoolean() ? 1 : -1, random.nextInt(4) * 10L, random.nextInt(5) - 2, 1 + random.nextInt(3));
          partners.add(p);
        }
        // added in a shuffled order: the order must not depend on it
        List<Partner> shuffled = new ArrayList<>(partners);
        java.util.Collections.shuffle(shuffled, random);
        shuffled.forEach(p -> candidates.add(p.k(), p.move(), p.cost(), p.opened(), p.relations()));

        Comparator<Partner> byCost = Comparator.comparingLong(Partner::cost);
        Comparator<Partner> byOpened = Comparator.comparingInt(Partner::opened);
        Comparator<Partner> order =
            openCost == Long.MAX_VALUE ? byOpened.thenComparing(byCost) : Comparator.<Partner>comparingLong(p -> p.cost() + openCost * p.opened()).thenComparing(byOpened);
        List<Integer> expected = partners.stream().sorted(order.thenComparingInt(Partner::relations).thenComparingInt(Partner::k)).map(Partner::k).toList();
        assertThat(classesInOrder(candidates, openCost)).as("open cost " + openCost).isEqualTo(expected);
      }
    }
  }

  @Test
  void keepsEachCandidatesMoveCostAndOpened() {
    Candidates candidates = new Candidates();
    candidates.add(5, -1, 30, 2, 1);
    IntPriorityQueue queue = candidates.bestFirst(0);
    int i = queue.dequeueInt();
    assertThat(candidates.k(i)).isEqualTo(5);
    assertThat(candidates.move(i)).isEqualTo(-1);
    assertThat(candidates.cost(i)).isEqualTo(30);
    assertThat(candidates.opened(i)).isEqualTo(2);
    assertThat(queue.isEmpty()).isTrue();
  }

  private static List<Integer> classesInOrder(Candidates candidates, long openCost) {
    IntPriorityQueue queue = candidates.bestFirst(openCost);
    List<Integer> classes = new ArrayList<>();
    while (!queue.isEmpty()) {
      classes.add(candidates.k(queue.dequeueInt()));
    }
    return classes;
  }
}
