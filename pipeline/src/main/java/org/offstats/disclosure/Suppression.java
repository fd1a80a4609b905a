package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which count cells {@code publish/} withholds, and why.
 *
 * <p><b>Primary</b>: every count the policy calls small. <b>Secondary</b>: further cells, so that
 * no declared {@link Relation} gives a suppressed cell away. The method is the relation-by-relation
 * form of the hypercube idea used by tau-ARGUS: a relation holding a suppressed cell must hold at
 * least one more, and its suppressed cells together must be able to move by more than the
 * protection width (each can fall to its lower bound, and a rounded total adds its own range); when
 * it cannot, the smallest published cell of the relation that makes it safe is suppressed (or, if no
 * single cell does, the largest, and the relation is looked at again). Every relation is revisited
 * until none changes: a newly suppressed cell may leave another relation exposed. Choices depend on
 * values and on {@link CellId} order only, so the same tables give the same pattern on any runner.
 * {@link DisclosureAudit} then checks the result by linear programming.
 */
public final class Suppression {
  /** Why a cell is withheld. */
  public enum Reason {
    PRIMARY,
    SECONDARY
  }

  private final Map<CellId, Reason> suppressed;
  private final Set<CellId> unproven;

  private Suppression(Map<CellId, Reason> suppressed, Set<CellId> unproven) {
    this.suppressed = Collections.unmodifiableMap(suppressed);
    this.unproven = Set.copyOf(unproven);
  }

  /**
   * Suppressed cells in groups too large for the in-run exact check that no certificate covers,
   * and around which every cell is already withheld: protected as far as anything can be, but not
   * individually proven inside the run. The audit test checks such groups exactly.
   */
  public Set<CellId> unproven() {
    return unproven;
  }

  /** Primary then secondary suppression of {@code cells} under {@code relations}. */
  public static Suppression of(ForceCells cells, List<Relation> relations, DisclosurePolicy policy) {
    // a hash map while working (cell order costs string comparisons); sorted when done
    Map<CellId, Reason> suppressed = new HashMap<>();
    for (CellId cell : cells.countCells()) {
      if (policy.isSmall(cells.value(cell))) {
        suppressed.put(cell, Reason.PRIMARY);
      }
    }
    if (!policy.secondarySuppression()) {
      return new Suppression(new TreeMap<>(suppressed), Set.of());
    }
    Protection protection = new Protection(cells, relations, policy);
    List<Relation> pending = new ArrayList<>(relations);
    while (true) {
      protectRelations(pending, protection, suppressed);
      List<CellId> unproven = protection.unproven(suppressed);
      if (unproven.isEmpty()) {
        return new Suppression(new TreeMap<>(suppressed), protection.accepted());
      }
      pending = new ArrayList<>();
      for (CellId cell : unproven) {
        Optional<CellId> complement = protection.complement(cell, suppressed);
        if (complement.isEmpty()) {
          protection.accept(cell);
        } else if (!suppressed.containsKey(complement.get())) {
          suppressed.put(complement.get(), Reason.SECONDARY);
          pending.addAll(protection.relationsOf(complement.get()));
        }
      }
    }
  }

  /** The relation-by-relation pass: every relation, then those a new suppression touched. */
  private static void protectRelations(List<Relation> relations, Protection protection, Map<CellId, Reason> suppressed) {
    List<Relation> pending = relations;
    while (!pending.isEmpty()) {
      List<Relation> next = new ArrayList<>();
      for (Relation relation : pending) {
        for (CellId added : protect(relation, protection.cells(), suppressed, protection.policy())) {
          next.addAll(protection.relationsOf(added));
        }
      }
      pending = next;
    }
  }

  /** Suppresses cells of one relation until it is safe; returns the cells it suppressed. */
  private static List<CellId> protect(Relation relation, ForceCells cells, Map<CellId, Reason> suppressed, DisclosurePolicy policy) {
    List<CellId> added = new ArrayList<>();
    while (!isSafe(relation, cells, suppressed, policy)) {
      // a cell at its lower bound has no room to move, so it protects nothing
      List<CellId> published =
          relation.cells().stream()
              .filter(c -> !suppressed.containsKey(c) && cells.value(c) > cells.lowerBound(c))
              .distinct()
              .sorted(byValue(cells))
              .toList();
      if (published.isEmpty()) {
        // every cell of the relation is withheld: it pins nothing down beyond what the other
        // relations do, and the audit checks those
        break;
      }
      CellId chosen =
          published.stream()
              .filter(c -> isSafeWith(relation, cells, suppressed, policy, c))
              .findFirst()
              .orElse(published.get(published.size() - 1));
      suppressed.put(chosen, Reason.SECONDARY);
      added.add(chosen);
    }
    return added;
  }

  private static boolean isSafeWith(Relation relation, ForceCells cells, Map<CellId, Reason> suppressed, DisclosurePolicy policy, CellId extra) {
    suppressed.put(extra, Reason.SECONDARY);
    boolean safe = isSafe(relation, cells, suppressed, policy);
    suppressed.remove(extra);
    return safe;
  }

  /**
   * A relation is safe when it holds no suppressed cell, or at least two (or one and a range wider
   * than the protection width) whose room to move (value minus lower bound, plus the relation's
   * own range) is more than the protection width.
   */
  static boolean isSafe(Relation relation, ForceCells cells, Map<CellId, Reason> suppressed, DisclosurePolicy policy) {
    long withheld = 0;
    long room = relation.high() - relation.low();
    for (CellId cell : relation.cells().stream().distinct().toList()) {
      if (suppressed.containsKey(cell)) {
        withheld++;
        room += cells.value(cell) - cells.lowerBound(cell);
      }
    }
    if (withheld == 0) {
      return true;
    }
    boolean partnered = withheld >= 2 || relation.high() - relation.low() > policy.protectionWidth();
    return partnered && room > policy.protectionWidth();
  }

  static Comparator<CellId> byValue(ForceCells cells) {
    return Comparator.comparingLong(cells::value).thenComparing(Comparator.naturalOrder());
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
    return suppressed.entrySet().stream().filter(e -> e.getKey().table().equals(table) && e.getValue() == reason).count();
  }
}
