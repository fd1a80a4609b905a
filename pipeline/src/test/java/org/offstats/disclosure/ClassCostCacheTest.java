package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassCostCacheTest {
  @Test
  void remembersPerClassAndArgumentUntilTheClassChanges() {
    ClassCostCache cache = new ClassCostCache(3);
    assertThat(cache.get(1, 5)).isEqualTo(ClassCostCache.UNKNOWN);
    cache.put(1, 5, 40);
    cache.put(1, 6, -1);
    cache.put(2, 5, 7);
    assertThat(cache.get(1, 5)).isEqualTo(40);
    assertThat(cache.get(1, 6)).isEqualTo(-1);
    assertThat(cache.get(2, 5)).isEqualTo(7);
    assertThat(cache.get(0, 5)).isEqualTo(ClassCostCache.UNKNOWN);

    cache.invalidate(1);
    assertThat(cache.get(1, 5)).isEqualTo(ClassCostCache.UNKNOWN);
    assertThat(cache.get(1, 6)).isEqualTo(ClassCostCache.UNKNOWN);
    assertThat(cache.get(2, 5)).as("another class keeps its values").isEqualTo(7);
  }

  @Test
  void forgetsTheOldestArgumentWhenFull() {
    ClassCostCache cache = new ClassCostCache(1);
    for (long need = 0; need < 5; need++) {
      cache.put(0, need, 100 + need);
    }
    assertThat(cache.get(0, 0)).isEqualTo(ClassCostCache.UNKNOWN);
    for (long need = 1; need < 5; need++) {
      assertThat(cache.get(0, need)).isEqualTo(100 + need);
    }
    cache.put(0, Long.MAX_VALUE / 4, 0);
    assertThat(cache.get(0, 1)).isEqualTo(ClassCostCache.UNKNOWN);
    assertThat(cache.get(0, Long.MAX_VALUE / 4)).isZero();
  }

  /**
   * Against a plain model: per class, the last four values put since the class last changed. As
   * {@link Protection} uses it, an argument is put only when {@link ClassCostCache#get} did not know it.
   */
  @Test
  void agreesWithTheLastFourPutsSinceEachChange() {
    Random random = new Random(4);
    int classes = 5;
    ClassCostCache cache = new ClassCostCache(classes);
    List<Deque<long[]>> model = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      model.add(new ArrayDeque<>());
    }
    for (int step = 0; step < 50_000; step++) {
      int k = random.nextInt(classes);
      long argument = random.nextInt(8) == 0 ? Long.MAX_VALUE / 4 : random.nextInt(7);
      long known = model.get(k).stream().filter(e -> e[0] == argument).mapToLong(e -> e[1]).findFirst().orElse(ClassCostCache.UNKNOWN);
      assertThat(cache.get(k, argument)).isEqualTo(known);
      int action = random.nextInt(10);
      if (action == 0) {
        cache.invalidate(k);
        model.get(k).clear();
      } else if (known == ClassCostCache.UNKNOWN && action < 8) {
        long value = random.nextInt(3) == 0 ? -1 : random.nextInt(1000);
        cache.put(k, argument, value);
        model.get(k).addLast(new long[] {argument, value});
        if (model.get(k).size() > 4) {
          model.get(k).removeFirst();
        }
      }
    }
  }
}
