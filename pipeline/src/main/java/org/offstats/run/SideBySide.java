package org.offstats.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, SideBySide::writerThread);
    try {
      List<Future<T>> running = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        running.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> result : running) {
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
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread writerThread(Runnable task) {
    Thread thread = new Thread(task, "offstats-table-writer");
    thread.setDaemon(true);
    return thread;
  }
}
