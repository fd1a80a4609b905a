package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves that a suppressed cell is protected, or finds the relation that gives it away.
 *
 * <p>The proof is a <em>certificate</em>: a way to change the cell together with other suppressed
 * cells (each by +1 or -1 per unit) that keeps every declared relation true, like moving the four
 * corners of a tau-ARGUS hypercube. If the cell can move up by {@code t} and down by {@code s} that
 * way (no cell going below its lower bound, no rounded total leaving its range), every value in
 * that span is consistent with {@code publish/}, so the cell's range is at least {@code t + s}
 * wide. The search is greedy: to balance a relation it takes the suppressed cell that appears in
 * the fewest other relations (one in no other relation closes the search at once), then the one
 * with most room. A cell it cannot certify, and which lies in a small enough group of linked
 * suppressed cells, is checked exactly by {@link DisclosureAudit}'s linear programme; only then is
 * a further cell suppressed. Certificates stay valid when more cells are suppressed, so a proven
 * cell is not looked at again.
 */
final class Protection {
  /** Cells a certificate may move; beyond this the search gives up (and the cell is checked exactly). */
  private static final int CERTIFICATE_CELLS = 48;

  /** Largest group of linked suppressed cells checked by linear programming inside a run. */
  static final int EXACT_CHECK_CELLS = 400;

  private final ForceCells cells;
  private final List<Relation> relations;
  private final DisclosurePolicy policy;
  private final Map<CellId, List<Integer>> relationsOfCell = new HashMap<>();
  private final List<Map<CellId, Integer>> coefficients = new ArrayList<>();
  private final Set<CellId> proven = new HashSet<>();
  private final Map<CellId, Integer> failedRelation = new HashMap<>();
  private final Map<Integer, Double> sums = new HashMap<>();
  /** Per relation, its cells with coefficient +1 and with -1, each in search preference order. */
  private final List<List<List<CellId>>> bySide = new ArrayList<>();
  private final Set<CellId> accepted = new HashSet<>();

  Protection(ForceCells cells, List<Relation> relations, DisclosurePolicy policy) {
    this.cells = cells;
    this.relations = relations;
    this.policy = policy;
    for (int i = 0; i < relations.size(); i++) {
      Map<CellId, Integer> coefficient = new LinkedHashMap<>();
      relations.get(i).plus().forEach(c -> coefficient.merge(c, 1, Integer::sum));
      relations.get(i).minus().forEach(c -> coefficient.merge(c, -1, Integer::sum));
      coefficients.add(coefficient);
      for (CellId cell : coefficient.keySet()) {
        relationsOfCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(i);
      }
    }
    Comparator<CellId> preference =
        Comparator.<CellId>comparingInt(c -> relationsOfCell.get(c).size())
            .thenComparing(Comparator.<CellId>comparingLong(c -> cells.value(c) - cells.lowerBound(c)).reversed())
            .thenComparing(Comparator.naturalOrder());
    for (Map<CellId, Integer> coefficient : coefficients) {
      List<CellId> up = new ArrayList<>();
      List<CellId> down = new ArrayList<>();
      coefficient.forEach((cell, k) -> (k > 0 ? up : down).add(cell));
      up.sort(preference);
      down.sort(preference);
      bySide.add(List.of(up, down));
    }
  }

  /**
   * Accepts a cell no certificate or exact check could prove but for which nothing is left to
   * suppress: every cell of every relation it is in is already withheld or at its lower bound.
   */
  void accept(CellId cell) {
    accepted.add(cell);
  }

  /** Cells accepted without proof (see {@link #accept}). */
  Set<CellId> accepted() {
    return accepted;
  }

  ForceCells cells() {
    return cells;
  }

  DisclosurePolicy policy() {
    return policy;
  }

  List<Relation> relationsOf(CellId cell) {
    return relationsOfCell.getOrDefault(cell, List.of()).stream().map(relations::get).toList();
  }

  /** The width a suppressed cell's range must exceed. */
  private double needed(Map<CellId, Suppression.Reason> suppressed, CellId cell) {
    return suppressed.get(cell) == Suppression.Reason.PRIMARY ? policy.protectionWidth() : 0;
  }

  /** Suppressed cells neither certified nor shown safe by the exact check, in cell order. */
  List<CellId> unproven(Map<CellId, Suppression.Reason> suppressed) {
    List<CellId> uncertified = new ArrayList<>();
    for (CellId cell : suppressed.keySet().stream().sorted().toList()) {
      if (proven.contains(cell) || accepted.contains(cell)) {
        continue;
      }
      if (certifiedWidth(cell, suppressed) > needed(suppressed, cell)) {
        proven.add(cell);
      } else {
        uncertified.add(cell);
      }
    }
    List<CellId> unproven = new ArrayList<>();
    Map<CellId, List<CellId>> groups = uncertified.isEmpty() ? Map.of() : linkedGroups(suppressed);
    for (CellId cell : uncertified) {
      List<CellId> group = groups.get(cell);
      if (group.size() <= EXACT_CHECK_CELLS) {
        double[] range = DisclosureAudit.range(cells, touching(group), group, cell, policy);
        if (range[1] - range[0] > needed(suppressed, cell) + 1e-6) {
          proven.add(cell);
          continue;
        }
      }
      unproven.add(cell);
    }
    return unproven;
  }

  /**
   * A further cell to suppress for an unproven one: from the relation the certificate search could
   * not balance (else from any of the cell's relations), a published cell with room to move,
   * preferring one big enough to protect on its own, then one in no other relation, then the
   * smallest.
   */
  Optional<CellId> complement(CellId cell, Map<CellId, Suppression.Reason> suppressed) {
    List<Integer> where = failedRelation.containsKey(cell) ? List.of(failedRelation.get(cell)) : relationsOfCell.getOrDefault(cell, List.of());
    long enough = policy.protectionWidth() + 1;
    Comparator<CellId> preference =
        Comparator.<CellId>comparingInt(c -> cells.value(c) - cells.lowerBound(c) >= enough ? 0 : 1)
            .thenComparingInt(c -> relationsOfCell.get(c).size() == 1 ? 0 : 1)
            .thenComparing(Suppression.byValue(cells));
    Optional<CellId> chosen =
        where.stream()
            .flatMap(r -> coefficients.get(r).keySet().stream())
            .filter(c -> !suppressed.containsKey(c) && cells.value(c) > cells.lowerBound(c))
            .distinct()
            .min(preference);
    if (chosen.isEmpty() && failedRelation.containsKey(cell)) {
      failedRelation.remove(cell);
      return complement(cell, suppressed);
    }
    return chosen;
  }

  private List<Relation> touching(List<CellId> group) {
    java.util.TreeSet<Integer> indexes = new java.util.TreeSet<>();
    group.forEach(c -> indexes.addAll(relationsOfCell.getOrDefault(c, List.of())));
    return indexes.stream().map(relations::get).toList();
  }

  /** Each suppressed cell's group: the suppressed cells linked to it through relations, in cell order. */
  private Map<CellId, List<CellId>> linkedGroups(Map<CellId, Suppression.Reason> suppressed) {
    Map<CellId, CellId> roots =
        UnionFind.roots(suppressed.keySet(), coefficients.stream().map(Map::keySet).toList(), suppressed::containsKey);
    Map<CellId, List<CellId>> byRoot = new HashMap<>();
    suppressed.keySet().forEach(c -> byRoot.computeIfAbsent(roots.get(c), k -> new ArrayList<>()).add(c));
    Map<CellId, List<CellId>> groups = new HashMap<>();
    suppressed.keySet().forEach(c -> groups.put(c, byRoot.get(roots.get(c))));
    return groups;
  }

  /**
   * The width of the widest span a certificate found by any of the search orders moves {@code
   * cell} through, or 0 when none finds one.
   */
  double certifiedWidth(CellId cell, Map<CellId, Suppression.Reason> suppressed) {
    double widest = 0;
    Integer failed = null;
    for (int order = 0; order < 2; order++) {
      Map<CellId, Integer> move = new LinkedHashMap<>();
      Map<Integer, Integer> balance = new LinkedHashMap<>();
      Integer open = search(cell, suppressed, order == 0, move, balance);
      if (open != null) {
        failed = failed == null ? open : failed;
        continue;
      }
      widest = Math.max(widest, span(move, balance));
      if (widest > needed(suppressed, cell)) {
        break;
      }
    }
    if (widest == 0 && failed != null) {
      failedRelation.put(cell, failed);
    } else {
      failedRelation.remove(cell);
    }
    return widest;
  }

  /**
   * Greedy search for a certificate moving {@code cell} by +1. To balance a relation it prefers
   * (with {@code alongFirst}) a partner that moves up with the cell, which limits only how far the
   * cell can fall, and otherwise the partner in the fewest other relations, then the one with most
   * room. Returns null when every relation balances, else the relation it could not balance.
   */
  private Integer search(CellId cell, Map<CellId, Suppression.Reason> suppressed, boolean alongFirst, Map<CellId, Integer> move, Map<Integer, Integer> balance) {
    shift(cell, 1, move, balance);
    while (true) {
      Optional<Integer> open = balance.entrySet().stream().filter(e -> e.getValue() != 0 && !absorbs(e.getKey())).map(Map.Entry::getKey).findFirst();
      if (open.isEmpty()) {
        return null;
      }
      int r = open.get();
      int direction = -Integer.signum(balance.get(r));
      Optional<CellId> along = firstFree(bySide.get(r).get(direction > 0 ? 0 : 1), suppressed, move);
      Optional<CellId> against = firstFree(bySide.get(r).get(direction > 0 ? 1 : 0), suppressed, move);
      Optional<CellId> partner;
      if (alongFirst || against.isEmpty()) {
        partner = along.isPresent() ? along : against;
      } else if (along.isEmpty()) {
        partner = against;
      } else {
        partner = relationsOfCell.get(along.get()).size() <= relationsOfCell.get(against.get()).size() ? along : against;
      }
      if (partner.isEmpty() || move.size() >= CERTIFICATE_CELLS) {
        return r;
      }
      shift(partner.get(), direction * coefficients.get(r).get(partner.get()), move, balance);
    }
  }

  private static Optional<CellId> firstFree(List<CellId> ordered, Map<CellId, Suppression.Reason> suppressed, Map<CellId, Integer> move) {
    for (CellId cell : ordered) {
      if (suppressed.containsKey(cell) && !move.containsKey(cell)) {
        return Optional.of(cell);
      }
    }
    return Optional.empty();
  }

  /** How far up plus how far down a certificate can move its cell. */
  private double span(Map<CellId, Integer> move, Map<Integer, Integer> balance) {
    double up = Double.POSITIVE_INFINITY;
    double down = Double.POSITIVE_INFINITY;
    for (var entry : move.entrySet()) {
      double room = cells.value(entry.getKey()) - cells.lowerBound(entry.getKey());
      if (entry.getValue() < 0) {
        up = Math.min(up, room);
      } else {
        down = Math.min(down, room);
      }
    }
    for (var entry : balance.entrySet()) {
      int k = entry.getValue();
      if (k != 0) {
        Relation relation = relations.get(entry.getKey());
        double now = sumOf(entry.getKey());
        double rise = relation.high() - now;
        double fall = now - relation.low();
        up = Math.min(up, (k > 0 ? rise : fall) / Math.abs(k));
        down = Math.min(down, (k > 0 ? fall : rise) / Math.abs(k));
      }
    }
    return up + down;
  }

  /** A relation with a range (a rounded headline) may be left unbalanced: its range absorbs the move. */
  private boolean absorbs(int relation) {
    return relations.get(relation).high() > relations.get(relation).low();
  }

  private void shift(CellId cell, int by, Map<CellId, Integer> move, Map<Integer, Integer> balance) {
    move.put(cell, by);
    for (int r : relationsOfCell.getOrDefault(cell, List.of())) {
      balance.merge(r, by * coefficients.get(r).get(cell), Integer::sum);
    }
  }

  private double sumOf(int relation) {
    return sums.computeIfAbsent(relation, this::computeSum);
  }

  private double computeSum(int relation) {
    double sum = 0;
    for (var entry : coefficients.get(relation).entrySet()) {
      sum += entry.getValue() * cells.value(entry.getKey());
    }
    return sum;
  }
}
