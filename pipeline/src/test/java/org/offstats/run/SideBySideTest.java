package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SideBySideTest {
  @Test
  void returnsResultsInTheOrderGiven() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      tasks.add(() -> {
        // later tasks finish first
        Thread.sleep(20 - n);
        return n * n;
      });
    }
    List<Integer> results = SideBySide.run(tasks);
    assertThat(results).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(results.get(i)).isEqualTo(i * i);
    }
  }

  @Test
  void runsTwoAtATime() {
    CountDownLatch both = new CountDownLatch(2);
    Callable<Boolean> meet = () -> {
      both.countDown();
      return both.await(10, TimeUnit.SECONDS);
    };
    assertThat(SideBySide.run(List.of(meet, meet))).containsExactly(true, true);
  }

  @Test
  void throwsTheFirstFailureInTaskOrder() {
    List<Callable<String>> tasks =
        List.of(
            () -> "written",
            () -> {
              Thread.sleep(50);
              throw new IllegalStateException("second task");
            },
            () -> {
              throw new IllegalArgumentException("third task");
            });
    assertThatThrownBy(() -> SideBySide.run(tasks)).isInstanceOf(IllegalStateException.class).hasMessage("second task");
  }
}
