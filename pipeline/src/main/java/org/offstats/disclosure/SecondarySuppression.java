package org.offstats.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.offstats.disclosure.Suppression.Reason;

/**
 * The secondary suppression of {@link Suppression}, worked out group by group on two threads.
 *
 * <p>Cells linked through relations form groups ({@link TwinClasses}), and nothing the search does
 * for one cell reads or changes anything outside its group. So the cells of one group go through
 * the same steps in the same order whatever happens in other groups: with one queue for all cells,
 * a group's cells leave it in the order a queue of their own would give (added cells go behind
 * every cell waiting, a cell looked at again goes in front of them). Each thread takes whole groups,
 * largest first, and works on them with a {@link Protection} of its own; which thread takes which
 * group changes nothing but the time.
 *
 * <p>Two things could tie groups together, and both are checked rather than assumed. The clean-up
 * has one budget of proofs for all groups, taken in one order across them: if the groups together
 * use less than all of it, no group ever met the limit, in either order. And a failure (a cell no
 * search can protect) must be reported as the one-queue order meets it first. In either case the
 * whole suppression is worked out again on one thread, with one queue, exactly as before it was
 * split: slower, but the same result or the same error.
 */
final class SecondarySuppression {
  /** How many proofs the clean-up may redo, per withheld cell: bounds its work on any input. */
  private static final long CLEAN_UP_PROOFS_PER_CELL = 20;

  /** Threads for the search: the development machine's two cores. */
  private static final int THREADS = 2;

  private SecondarySuppression() {}

  /**
   * The withheld cells and why, once every cell withheld is proven and the clean-up has published
   * again what no proof needs: {@code primary} (in cell order) and the secondary cells added.
   */
  static Map<CellId, Reason> of(TwinClasses twins, DisclosurePolicy policy, List<CellId> primary) {
    List<List<CellId>> groups = groups(twins, primary);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS - 1, SecondarySuppression::searchThread);
    try {
      List<Share> shares = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        shares.add(new Share(twins, policy));
      }
      AtomicInteger nextGroup = new AtomicInteger();
      boolean failed = !onThreads(pool, shares, share -> share.withholdUntilProven(groups, nextGroup));
      long budget = CLEAN_UP_PROOFS_PER_CELL * shares.stream().mapToLong(share -> share.suppressed.size()).sum();
      failed = failed || !onThreads(pool, shares, share -> share.cleanUp(budget));
      if (!failed && shares.stream().mapToLong(share -> share.proofsUsed).sum() < budget) {
        Map<CellId, Reason> suppressed = new HashMap<>();
        shares.forEach(share -> suppressed.putAll(share.suppressed));
        return suppressed;
      }
    } finally {
      pool.shutdownNow();
    }
    return inOneQueue(twins, policy, primary);
  }

  /** The same as {@link #of}, with every group in one queue on this thread, as before they were split. */
  static Map<CellId, Reason> inOneQueue(TwinClasses twins, DisclosurePolicy policy, List<CellId> primary) {
    Share whole = new Share(twins, policy);
    whole.withholdUntilProven(List.of(primary), new AtomicInteger());
    whole.cleanUp(CLEAN_UP_PROOFS_PER_CELL * whole.suppressed.size());
    return whole.suppressed;
  }

  /** {@code primary} by group, each in cell order; the groups with most cells first, then by group. */
  private static List<List<CellId>> groups(TwinClasses twins, List<CellId> primary) {
    Map<Integer, List<CellId>> byGroup = new HashMap<>();
    for (CellId cell : primary) {
      byGroup.computeIfAbsent(twins.groupOf[twins.cellIndex(cell)], g -> new ArrayList<>()).add(cell);
    }
    return byGroup.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<Integer, List<CellId>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * Runs {@code work} for every share, the first on this thread and the others on the pool, and
   * waits for all of them. Returns whether all succeeded; an {@link Error} is thrown as it is.
   */
  private static boolean onThreads(ExecutorService pool, List<Share> shares, Consumer<Share> work) {
    List<Future<?>> others = new ArrayList<>();
    for (Share share : shares.subList(1, shares.size())) {
      others.add(pool.submit(() -> work.accept(share)));
    }
    boolean succeeded = true;
    try {
      work.accept(shares.get(0));
    } catch (RuntimeException e) {
      succeeded = false;
    }
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        succeeded = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while suppressing cells", e);
      }
    }
    return succeeded;
  }

  private static Thread searchThread(Runnable task) {
    Thread thread = new Thread(task, "offstats-suppression");
    thread.setDaemon(true);
    return thread;
  }

  /** The groups one thread has taken, with its own {@link Protection} and what it has withheld. */
  private static final class Share {
    private final CellIndex index;
    private final Protection protection;
    /** The withheld cells of this share's groups, and why. */
    private final Map<CellId, Reason> suppressed = new HashMap<>();
    private final Map<CellId, Set<CellId>> widened = new HashMap<>();
    /** Proofs the clean-up redid. */
    private long proofsUsed;

    Share(TwinClasses twins, DisclosurePolicy policy) {
      index = twins.cells;
      protection = new Protection(twins, policy);
    }

    /**
     * Takes groups in turn from {@code groups} (the next is {@code nextGroup}) until none is left,
     * and withholds further cells in each until every withheld cell is proven.
     */
    void withholdUntilProven(List<List<CellId>> groups, AtomicInteger nextGroup) {
      for (int g = nextGroup.getAndIncrement(); g < groups.size(); g = nextGroup.getAndIncrement()) {
        Deque<CellId> pending = new ArrayDeque<>(groups.get(g));
        for (CellId cell : pending) {
          suppressed.put(cell, Reason.PRIMARY);
          protection.suppress(cell);
        }
        withholdUntilProven(pending);
      }
    }

    private void withholdUntilProven(Deque<CellId> pending) {
      while (!pending.isEmpty()) {
        CellId cell = pending.poll();
        if (protection.proven(cell)) {
          continue;
        }
        Optional<List<CellId>> complement = protection.complement(cell);
        List<CellId> added = complement.orElseGet(() -> widen(cell));
        for (CellId more : added) {
          if (suppressed.putIfAbsent(more, Reason.SECONDARY) == null) {
            protection.suppress(more);
            pending.add(more);
          }
        }
        if (complement.isEmpty()) {
          // look at it again with the whole relation withheld
          pending.addFirst(cell);
        }
      }
    }

    /**
     * The published cells one relation further out from {@code cell} than last time: first those in
     * its own relations, then those in relations with any of them, and so on. Fails when every linked
     * cell is already withheld and the cell still cannot be proven: a pattern that may give a cell
     * away is never published.
     */
    private List<CellId> widen(CellId cell) {
      Set<CellId> reached = widened.computeIfAbsent(cell, c -> new TreeSet<>(Set.of(c)));
      while (true) {
        TreeSet<CellId> published = new TreeSet<>();
        TreeSet<CellId> next = new TreeSet<>(reached);
        for (CellId c : reached) {
          for (CellId partner : protection.relationPartners(c, true)) {
            next.add(partner);
          }
          published.addAll(protection.relationPartners(c, false));
        }
        if (!published.isEmpty()) {
          reached.addAll(published);
          return List.copyOf(published);
        }
        if (next.size() == reached.size()) {
          throw new IllegalStateException(
              "secondary suppression cannot prove " + cell + " protected although every cell linked to it is withheld: the declared relations pin it down");
        }
        reached.addAll(next);
      }
    }

    /**
     * Publishes again each secondary cell, largest first (then in cell order), that no proof turns
     * out to need, while {@code budget} proofs last; counts the proofs redone in {@link #proofsUsed}.
     */
    void cleanUp(long budget) {
      List<CellId> secondary =
          suppressed.entrySet().stream().filter(e -> e.getValue() == Reason.SECONDARY).map(Map.Entry::getKey)
              .sorted(Comparator.comparingLong((CellId c) -> index.value(index.of(c))).reversed().thenComparing(index.order())).toList();
      long[] left = {budget};
      for (CellId cell : secondary) {
        if (left[0] > 0 && protection.release(cell, left)) {
          suppressed.remove(cell);
        }
      }
      proofsUsed = budget - left[0];
    }
  }
}
