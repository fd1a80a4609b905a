package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

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
}
