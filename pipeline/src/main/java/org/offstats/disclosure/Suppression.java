package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which count cells {@code publish/} withholds, and why.
 *
 * <p><b>Primary</b>: every count the policy calls small. <b>Secondary</b>: further cells, so that
 * no declared {@link Relation} narrows any withheld cell to a range the protection width wide or
 * less. Each withheld cell in turn, primary ones in cell order and then each secondary one as it is
 * added, is proven protected by {@link Protection} (its suppressed twins, or a hypercube-like
 * certificate over the cells already withheld); when it cannot be, the cheapest published cells
 * that make a certificate (by total value, the tau-ARGUS cost) are withheld too, and those are
 * proven in their turn. If no bounded search finds a certificate, every published cell in the
 * cell's relations is withheld and the cell is looked at again, then the cells related to those,
 * and so on: a pattern is published only when every withheld cell is proven. Choices depend on
 * values and on {@link CellId} order only, so the same tables give the same pattern on any runner
 * (and the search, which {@link SecondarySuppression} runs on two threads, one group of linked
 * cells at a time, gives the pattern one queue of cells gives). {@link DisclosureAudit} checks the result independently by linear programming.
 */
public final class Suppression {
  /** Why a cell is withheld. */
  public enum Reason {
    PRIMARY,
    SECONDARY
  }

  private final Map<CellId, Reason> suppressed;
  private final Set<String> withdrawn;
  /**
   * Per table, how many cells are withheld for each reason (by ordinal): counted once, as the run
   * asks for every table and reason and a large run withholds hundreds of thousands of cells.
   */
  private final Map<String, long[]> counts = new HashMap<>();

  private Suppression(Map<CellId, Reason> suppressed, Set<String> withdrawn) {
    this.suppressed = Collections.unmodifiableMap(suppressed);
    this.withdrawn = Set.copyOf(withdrawn);
    suppressed.forEach((cell, reason) -> counts.computeIfAbsent(cell.table(), t -> new long[Reason.values().length])[reason.ordinal()]++);
  }

  /**
   * The names of the relations whose published figure must be withheld rather than the cells: a
   * headline count so close to the least its cells could add up to (each row at least 1) that it
   * pins every withheld cell it covers to a range no wider than the protection width (a headline
   * of 44 arrests over 44 rows says each row is 1).
   */
  public Set<String> withdrawn() {
    return withdrawn;
  }

  /** Primary then secondary suppression of {@code cells} under {@code relations}. */
  public static Suppression of(ForceCells cells, List<Relation> relations, DisclosurePolicy policy) {
    // a hash map while working; put in cell order (by number, not by name) when done
    CellIndex index = new CellIndex(cells);
    Map<CellId, Reason> suppressed = new HashMap<>();
    for (int i = 0; i < index.size(); i++) {
      if (policy.isSmall(index.value(i))) {
        suppressed.put(index.cell(i), Reason.PRIMARY);
      }
    }
    if (!policy.secondarySuppression()) {
      return new Suppression(inOrder(suppressed, index), Set.of());
    }
    Set<String> withdrawn = new TreeSet<>();
    List<Relation> binding = new ArrayList<>();
    for (Relation relation : relations) {
      // only a headline (cells on one side) can be withdrawn: the least its cells add up to is worked
      // out for those alone
      if (relation.minus().isEmpty() && !relation.plus().isEmpty() && relation.high() - leastSum(relation, cells) <= policy.protectionWidth()) {
        withdrawn.add(relation.name());
      } else {
        binding.add(relation);
      }
    }
    TwinClasses twins = new TwinClasses(index, binding);
    suppressed = SecondarySuppression.of(twins, policy, index.inOrder(suppressed.keySet()));
    return new Suppression(inOrder(suppressed, index), withdrawn);
  }

  /** The least {@code relation}'s cells on the plus side could add up to. */
  private static long leastSum(Relation relation, ForceCells cells) {
    return relation.plus().stream().mapToLong(cells::lowerBound).sum();
  }

  /** {@code suppressed} in cell order. */
  private static Map<CellId, Reason> inOrder(Map<CellId, Reason> suppressed, CellIndex index) {
    Map<CellId, Reason> sorted = new LinkedHashMap<>();
    index.inOrder(suppressed.keySet()).forEach(cell -> sorted.put(cell, suppressed.get(cell)));
    return sorted;
  }

  public boolean isSuppressed(CellId cell) {
    return suppressed.containsKey(cell);
  }

  public Optional<Reason> reason(CellId cell) {
    return Optional.ofNullable(suppressed.get(cell));
  }

  /** Every suppressed cell with its reason, in cell order. */
  public Map<CellId, Reason> cells() {
    return suppressed;
  }

  /** How many cells of {@code table} are withheld for {@code reason}. */
  public long count(String table, Reason reason) {
    long[] ofTable = counts.get(table);
    return ofTable == null ? 0 : ofTable[reason.ordinal()];
  }
}
