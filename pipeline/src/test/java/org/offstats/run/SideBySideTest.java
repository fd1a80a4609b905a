package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  void startedTasksRunWhileTheCallerWorks() throws Exception {
    CountDownLatch callerWorking = new CountDownLatch(1);
    try (SideBySide.Running<Boolean> running = SideBySide.start(List.of(() -> callerWorking.await(10, TimeUnit.SECONDS)))) {
      callerWorking.countDown(); // the task can only finish once the caller has gone on
      assertThat(running.results()).containsExactly(true);
    }
  }

  @Test
  void closingWithoutResultsStopsTheTasksAndWaitsForThem() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    AtomicInteger stillRunning = new AtomicInteger();
    Callable<Void> endless = () -> {
      stillRunning.incrementAndGet();
      try {
        started.countDown();
        new CountDownLatch(1).await(); // until interrupted
        return null;
      } finally {
        stillRunning.decrementAndGet();
      }
    };
    SideBySide.Running<Void> running = SideBySide.start(List.of(endless, endless, endless));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    running.close(); // the caller failed: nothing may go on writing after this
    assertThat(stillRunning).hasValue(0);
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
