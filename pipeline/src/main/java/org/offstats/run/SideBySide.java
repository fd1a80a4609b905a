package org.offstats.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Independent file writes run side by side on a small fixed pool of threads, inside one step: the
 * job's steps run one at a time (one worker thread, see BENCHMARKS.md), so while a step writes its
 * tables the machine's second core is otherwise idle. Only plain file writing goes to the pool,
 * never a Beam call. Each task writes its own files, so the bytes do not depend on which thread
 * wrote them or when; results come back in the order the tasks were given, and when tasks fail the
 * first failing one in that order is the one thrown, so a failed run reports the same error every
 * time.
 */
final class SideBySide {
  /** Threads for file writing: the development machine's two cores. */
  static final int THREADS = 2;

  private SideBySide() {}

  /** Runs every task, at most {@link #THREADS} at a time, and returns their results in order. */
  static <T> List<T> run(List<? extends Callable<T>> tasks) {
    try (Running<T> running = start(tasks)) {
      return running.results();
    }
  }

  /**
   * Starts every task, at most {@link #THREADS} at a time, and returns at once: the caller works
   * on while they run, then asks for their {@link Running#results}. Closing without asking stops
   * the tasks and waits until none is running, so nothing writes into a run folder being removed.
   */
  static <T> Running<T> start(List<? extends Callable<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, SideBySide::writerThread);
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    return new Running<>(pool, futures);
  }

  /** Tasks started by {@link #start}. */
  static final class Running<T> implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<T>> futures;

    private Running(ExecutorService pool, List<Future<T>> futures) {
      this.pool = pool;
      this.futures = futures;
    }

    /** Waits for every task; their results in order, or the first failing task's failure in that order. */
    List<T> results() {
      try {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> result : futures) {
          results.add(result.get());
        }
        return results;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        if (e.getCause() instanceof Error failure) {
          throw failure;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing tables", e);
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
      boolean interrupted = false;
      while (true) {
        try {
          if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread writerThread(Runnable task) {
    Thread thread = new Thread(task, "offstats-table-writer");
    thread.setDaemon(true);
    return thread;
  }
}
