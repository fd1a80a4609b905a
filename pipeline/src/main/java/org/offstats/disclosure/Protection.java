package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Proves that a suppressed cell is protected, and finds the cheapest further cells to suppress
 * when it is not.
 *
 * <p>Cells that appear in exactly the same relations with the same signs are <em>twins</em> (for
 * example the {@code arrests_by_offence} cells of one month, unit type, offence group and flag, or
 * the {@code arrests_by_bcu} cells of one month, offence group and flag): only their sum matters to
 * the relations. A suppressed cell {@code c} with suppressed twins can fall to its lower bound (a
 * twin takes the difference) and rise by everything its twins can give up, so its range is at
 * least the sum of the suppressed twins' room (value minus lower bound).
 *
 * <p>Beyond that the proof is a <em>certificate</em>, as in the tau-ARGUS hypercube method: a move
 * of whole twin classes, each up or down by one unit per unit of {@code c}, that keeps every
 * declared relation true (the four corners of a rectangle in a two-way table are the simplest).
 * A class moving against {@code c} can give up at most its suppressed members' total room, which
 * bounds how far {@code c} rises; a class moving with {@code c} bounds how far it falls. Every
 * point so reached is consistent with {@code publish/}, so the cell's range is at least that wide.
 * The proof asks for a range wider than the policy's protection width for every suppressed cell,
 * primary or secondary. Certificates stay valid when more cells are suppressed, so a proven cell is
 * never looked at again.
 *
 * <p>The search is greedy and bounded: to balance a relation it takes the partner class that leaves
 * the fewest relations unbalanced, then the cheapest (the total value of the published cells it
 * would have to suppress, which is the tau-ARGUS cost), then the one in the fewest relations, then
 * cell order. All choices depend on values and {@link CellId} order only.
 */
final class Protection {
  /** Steps of one certificate search; beyond this it gives up (deterministically). */
  private static final int MAX_STEPS = 400;

  /** How many first moves a search for further cells to suppress tries besides the greedy's own. */
  private static final int FIRST_MOVES = 8;

  private static final long UNBOUNDED = Long.MAX_VALUE / 4;

  private final ForceCells cells;
  private final List<Relation> relations;
  private final DisclosurePolicy policy;
  private final Map<CellId, Integer> index = new HashMap<>();
  private final CellId[] cell;
  private final long[] value;
  private final long[] room;
  /** Each cell's twin class, or -1 for a cell in no relation. */
  private final int[] classOf;
  private final int[][] classRelations;
  private final int[][] classCoefficients;
  private final int[][] relationClasses;
  private final int[][] relationClassCoefficients;
  /** Each class's cells by value, then cell order: the cheapest to suppress first. */
  private final int[][] members;
  private final int[][] relationsOfCell;

  private final boolean[] suppressed;
  /** For each class, the withheld cells whose proof moved it (some may since have other proofs). */
  private final Map<Integer, List<Integer>> dependents = new HashMap<>();
  private final long[] classRoom;
  private final int[] classSuppressed;

  // search state, reset between searches
  private final int[] move;
  private final int[] changes;
  private final int[] balance;
  private final List<Integer> movedClasses = new ArrayList<>();
  private final List<Integer> touchedRelations = new ArrayList<>();
  private final TreeSet<Integer> open = new TreeSet<>();
  private final Map<Integer, List<Integer>> planned = new LinkedHashMap<>();

  Protection(ForceCells cells, List<Relation> relations, DisclosurePolicy policy) {
    this.cells = cells;
    this.relations = relations;
    this.policy = policy;
    List<CellId> all = cells.countCells();
    cell = all.toArray(new CellId[0]);
    value = new long[cell.length];
    room = new long[cell.length];
    for (int i = 0; i < cell.length; i++) {
      index.put(cell[i], i);
      value[i] = cells.value(cell[i]);
      room[i] = value[i] - cells.lowerBound(cell[i]);
    }
    // each cell's signature: the relations it is in, with its net coefficient in each
    List<List<int[]>> signature = new ArrayList<>();
    for (int i = 0; i < cell.length; i++) {
      signature.add(new ArrayList<>());
    }
    for (int r = 0; r < relations.size(); r++) {
      Map<Integer, Integer> coefficient = new LinkedHashMap<>();
      relations.get(r).plus().forEach(c -> coefficient.merge(cellIndex(c), 1, Integer::sum));
      relations.get(r).minus().forEach(c -> coefficient.merge(cellIndex(c), -1, Integer::sum));
      for (var entry : coefficient.entrySet()) {
        if (entry.getValue() != 0) {
          signature.get(entry.getKey()).add(new int[] {r, entry.getValue()});
        }
      }
    }
    relationsOfCell = new int[cell.length][];
    classOf = new int[cell.length];
    Map<List<Integer>, Integer> classOfSignature = new HashMap<>();
    List<List<Integer>> classCells = new ArrayList<>();
    List<List<int[]>> classSignature = new ArrayList<>();
    // cells are in cell order, so classes are numbered in the order of their first cell
    for (int i = 0; i < cell.length; i++) {
      List<int[]> sig = signature.get(i);
      relationsOfCell[i] = sig.stream().mapToInt(p -> p[0]).toArray();
      if (sig.isEmpty()) {
        classOf[i] = -1;
        continue;
      }
      List<Integer> key = new ArrayList<>();
      sig.forEach(p -> {
        key.add(p[0]);
        key.add(p[1]);
      });
      Integer k = classOfSignature.get(key);
      if (k == null) {
        k = classCells.size();
        classOfSignature.put(key, k);
        classCells.add(new ArrayList<>());
        classSignature.add(sig);
      }
      classOf[i] = k;
      classCells.get(k).add(i);
    }
    int classes = classCells.size();
    classRelations = new int[classes][];
    classCoefficients = new int[classes][];
    members = new int[classes][];
    List<List<int[]>> ofRelation = new ArrayList<>();
    for (int r = 0; r < relations.size(); r++) {
      ofRelation.add(new ArrayList<>());
    }
    for (int k = 0; k < classes; k++) {
      List<int[]> sig = classSignature.get(k);
      classRelations[k] = sig.stream().mapToInt(p -> p[0]).toArray();
      classCoefficients[k] = sig.stream().mapToInt(p -> p[1]).toArray();
      for (int[] p : sig) {
        ofRelation.get(p[0]).add(new int[] {k, p[1]});
      }
      members[k] = classCells.get(k).stream().sorted((a, b) -> value[a] != value[b] ? Long.compare(value[a], value[b]) : Integer.compare(a, b)).mapToInt(Integer::intValue).toArray();
    }
    relationClasses = new int[relations.size()][];
    relationClassCoefficients = new int[relations.size()][];
    for (int r = 0; r < relations.size(); r++) {
      relationClasses[r] = ofRelation.get(r).stream().mapToInt(p -> p[0]).toArray();
      relationClassCoefficients[r] = ofRelation.get(r).stream().mapToInt(p -> p[1]).toArray();
    }
    suppressed = new boolean[cell.length];
    classRoom = new long[classes];
    classSuppressed = new int[classes];
    move = new int[classes];
    changes = new int[classes];
    balance = new int[relations.size()];
  }

  private int cellIndex(CellId id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("relation names a cell that is not a count cell: " + id);
    }
    return i;
  }

  /** Marks a cell suppressed. */
  void suppress(CellId id) {
    int i = cellIndex(id);
    if (!suppressed[i]) {
      suppressed[i] = true;
      if (classOf[i] >= 0) {
        classRoom[classOf[i]] += room[i];
        classSuppressed[classOf[i]]++;
      }
    }
  }

  /** Whether {@code id}'s range is proven wider than the protection width by what is suppressed now. */
  boolean proven(CellId id) {
    return proven(cellIndex(id));
  }

  private boolean proven(int c) {
    if (classOf[c] < 0) {
      return true;
    }
    if (twinWidth(c) > policy.protectionWidth()) {
      dependsOn(c, new int[] {classOf[c]});
      return true;
    }
    Optional<Plan> plan = bestPlan(c, false);
    plan.ifPresent(p -> dependsOn(c, p.classes()));
    return plan.isPresent();
  }

  /** Records that {@code c}'s proof rests on the withheld cells of {@code classes} (and of its own class). */
  private void dependsOn(int c, int[] classes) {
    dependents.computeIfAbsent(classOf[c], k -> new ArrayList<>()).add(c);
    for (int k : classes) {
      dependents.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
    }
  }

  /**
   * Publishes a withheld cell again if every withheld cell whose proof rested on its class can
   * still be proven without it (tau-ARGUS's clean-up of over-suppression); otherwise leaves it
   * withheld. Returns whether it was released. {@code budget} counts proofs redone, and stops the
   * clean-up (deterministically) when it runs out.
   */
  boolean release(CellId id, long[] budget) {
    int x = cellIndex(id);
    int k = classOf[x];
    if (!suppressed[x] || k < 0) {
      return false;
    }
    unsuppress(x);
    List<Integer> affected = new ArrayList<>(new TreeSet<>(dependents.getOrDefault(k, List.of())));
    dependents.remove(k);
    boolean safe = true;
    for (int y : affected) {
      if (!suppressed[y]) {
        continue;
      }
      if (--budget[0] < 0 || !proven(y)) {
        safe = false;
        break;
      }
    }
    if (!safe) {
      // the cells not re-proven keep their old proofs, valid again once x is withheld
      dependents.computeIfAbsent(k, c -> new ArrayList<>()).addAll(affected);
      suppress(id);
    }
    return safe;
  }

  private void unsuppress(int i) {
    suppressed[i] = false;
    classRoom[classOf[i]] -= room[i];
    classSuppressed[classOf[i]]--;
  }

  /**
   * The published cells to suppress, cheapest first found, so that {@code id} is proven: more of its
   * twins, or the cells a certificate needs. Empty when no bounded search finds any.
   */
  Optional<List<CellId>> complement(CellId id) {
    int c = cellIndex(id);
    Optional<Plan> plan = bestPlan(c, true);
    Optional<Plan> twins = twinPlan(c);
    if (twins.isPresent() && (plan.isEmpty() || twins.get().cost() < plan.get().cost())) {
      plan = twins;
    }
    plan.ifPresent(p -> dependsOn(c, p.classes()));
    return plan.map(p -> p.cells().stream().sorted().map(i -> cell[i]).toList());
  }

  /** The cells in a relation with {@code id}, withheld ones or published ones, in cell order. */
  List<CellId> relationPartners(CellId id, boolean withheld) {
    TreeSet<CellId> partners = new TreeSet<>();
    for (int r : relationsOfCell[cellIndex(id)]) {
      for (CellId other : relations.get(r).cells()) {
        if (suppressed[cellIndex(other)] == withheld) {
          partners.add(other);
        }
      }
    }
    return List.copyOf(partners);
  }

  /** Cells to suppress, their total value, and the classes the certificate moves. */
  private record Plan(List<Integer> cells, long cost, int[] classes) {}

  /** The range {@code c} has from its suppressed twins alone. */
  private long twinWidth(int c) {
    int k = classOf[c];
    return classSuppressed[k] >= 2 ? classRoom[k] : 0;
  }

  /** Suppress the cheapest published twins until the twins alone protect {@code c}. */
  private Optional<Plan> twinPlan(int c) {
    int k = classOf[c];
    long have = classRoom[k];
    int count = classSuppressed[k];
    List<Integer> add = new ArrayList<>();
    long cost = 0;
    for (int m : members[k]) {
      if (count >= 2 && have > policy.protectionWidth()) {
        break;
      }
      if (!suppressed[m]) {
        add.add(m);
        cost += value[m];
        have += room[m];
        count++;
      }
    }
    return count >= 2 && have > policy.protectionWidth() ? Optional.of(new Plan(add, cost, new int[] {k})) : Optional.empty();
  }

  /**
   * The cheapest certificate over the search variants: how much {@code c} must be able to fall
   * ({@code same}: the room every class moving with it needs) and to rise ({@code against}: the
   * room every class moving against it needs), or no class moving against it at all.
   */
  private Optional<Plan> bestPlan(int c, boolean allowAdd) {
    long width = policy.protectionWidth() + 1;
    int k = classOf[c];
    boolean twin = classSuppressed[k] >= 2;
    long fromTwins = twin ? classRoom[k] : 0;
    List<long[]> needs = new ArrayList<>();
    if (twin) {
      needs.add(new long[] {0, Math.max(0, width - fromTwins)});
    } else {
      long fall = Math.min(room[c], width);
      needs.add(new long[] {fall, Math.max(0, width - fall)});
      needs.add(new long[] {0, width});
    }
    needs.add(new long[] {0, UNBOUNDED});
    // the greedy's first choice matters most: when planning further suppression, also try each
    // partner of the first relation to balance as the first move
    List<Integer> firsts = new ArrayList<>();
    firsts.add(-1);
    if (allowAdd) {
      int r = Arrays.stream(classRelations[k]).min().orElseThrow();
      Arrays.stream(relationClasses[r]).filter(x -> x != k).limit(FIRST_MOVES).forEach(firsts::add);
    }
    Plan best = null;
    for (int first : firsts) {
      for (long[] need : needs) {
        for (boolean costFirst : allowAdd ? new boolean[] {false, true} : new boolean[] {false}) {
          Plan plan = search(c, need[0], need[1], allowAdd, costFirst, first);
          if (plan != null && (best == null || plan.cost() < best.cost())) {
            best = plan;
          }
          if (best != null && best.cost() == 0) {
            return Optional.of(best);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A greedy search for a certificate moving {@code c}'s class up by one: classes moving up need a
   * suppressed member and {@code same} room, classes moving down {@code against} room ({@link
   * #UNBOUNDED}: none may move down). With {@code allowAdd} it may plan to suppress published cells
   * to give a class the room it needs. {@code first}, unless -1, is the only class it may move
   * first. Returns the plan, or null when it finds none.
   */
  private Plan search(int c, long same, long against, boolean allowAdd, boolean costFirst, int first) {
    reset();
    int start = classOf[c];
    shift(start, 1);
    long cost = 0;
    for (int step = 0; !open.isEmpty(); step++) {
      if (step >= MAX_STEPS) {
        return null;
      }
      int r = open.first();
      int best = -1;
      int bestMove = 0;
      long bestCost = 0;
      int bestOpened = 0;
      for (int j = 0; j < relationClasses[r].length; j++) {
        int k = relationClasses[r][j];
        if (k == start || changes[k] >= 2 || step == 0 && first >= 0 && k != first) {
          // a class moved and moved back once is not moved again: the search would go round
          continue;
        }
        int next = move[k] - Integer.signum(balance[r]) * Integer.signum(relationClassCoefficients[r][j]);
        if (Math.abs(next) > 1 || next < 0 && against >= UNBOUNDED || move[k] != 0 && unbalances(k, next - move[k])) {
          // a class already moved is moved back only when that leaves no other relation unbalanced
          continue;
        }
        long extra = next == 0 ? 0 : additionCost(k, next > 0 ? same : against, allowAdd);
        if (extra < 0) {
          continue;
        }
        int opened = opened(k, next - move[k]);
        if (best < 0 || better(costFirst, extra, opened, k, bestCost, bestOpened, best)) {
          best = k;
          bestMove = next;
          bestCost = extra;
          bestOpened = opened;
        }
      }
      if (best < 0) {
        return null;
      }
      if (bestCost > 0) {
        cost += plan(best, bestMove > 0 ? same : against);
      }
      shift(best, bestMove - move[best]);
    }
    List<Integer> add = new ArrayList<>();
    planned.values().forEach(add::addAll);
    return new Plan(add, cost, movedClasses.stream().filter(k -> move[k] != 0).mapToInt(Integer::intValue).toArray());
  }

  private boolean better(boolean costFirst, long cost, int opened, int k, long bestCost, int bestOpened, int best) {
    int byCost = Long.compare(cost, bestCost);
    int byOpened = Integer.compare(opened, bestOpened);
    int first = costFirst ? byCost : byOpened;
    int second = costFirst ? byOpened : byCost;
    if (first != 0) {
      return first < 0;
    }
    if (second != 0) {
      return second < 0;
    }
    int byRelations = Integer.compare(classRelations[k].length, classRelations[best].length);
    return byRelations != 0 ? byRelations < 0 : k < best;
  }

  /** Whether moving class {@code k} by {@code by} unbalances a relation that is balanced now. */
  private boolean unbalances(int k, int by) {
    for (int j = 0; j < classRelations[k].length; j++) {
      int r = classRelations[k][j];
      if (balance[r] == 0 && by * classCoefficients[k][j] != 0) {
        return true;
      }
    }
    return false;
  }

  /** How many more relations are unbalanced after moving class {@code k} by {@code by}. */
  private int opened(int k, int by) {
    int change = 0;
    for (int j = 0; j < classRelations[k].length; j++) {
      int r = classRelations[k][j];
      int after = balance[r] + by * classCoefficients[k][j];
      change += (after != 0 ? 1 : 0) - (balance[r] != 0 ? 1 : 0);
    }
    return change;
  }

  /** Room class {@code k} has now, with what this search already plans to suppress in it. */
  private long[] roomAndCount(int k) {
    long have = classRoom[k];
    int count = classSuppressed[k];
    for (int m : planned.getOrDefault(k, List.of())) {
      have += room[m];
      count++;
    }
    return new long[] {have, count};
  }

  /** The value of the published cells class {@code k} needs suppressed to have {@code need} room; -1 if it cannot. */
  private long additionCost(int k, long need, boolean allowAdd) {
    long[] now = roomAndCount(k);
    if (now[1] >= 1 && now[0] >= need) {
      return 0;
    }
    if (!allowAdd) {
      return -1;
    }
    List<Integer> add = additions(k, need, now);
    return add == null ? -1 : add.stream().mapToLong(m -> value[m]).sum();
  }

  private long plan(int k, long need) {
    List<Integer> add = additions(k, need, roomAndCount(k));
    planned.computeIfAbsent(k, x -> new ArrayList<>()).addAll(add);
    return add.stream().mapToLong(m -> value[m]).sum();
  }

  /**
   * The cheapest published members giving class {@code k} at least one suppressed member and
   * {@code need} room: the smallest single one that suffices, or the smallest ones together,
   * whichever costs less; null if even all of them do not.
   */
  private List<Integer> additions(int k, long need, long[] now) {
    List<Integer> taken = planned.getOrDefault(k, List.of());
    List<Integer> together = new ArrayList<>();
    long have = now[0];
    long count = now[1];
    long togetherCost = 0;
    Integer single = null;
    for (int m : members[k]) {
      if (suppressed[m] || taken.contains(m)) {
        continue;
      }
      if (single == null && now[0] + room[m] >= need) {
        single = m;
      }
      if (count < 1 || have < need) {
        together.add(m);
        togetherCost += value[m];
        have += room[m];
        count++;
      }
      if (single != null && count >= 1 && have >= need) {
        break;
      }
    }
    boolean togetherWorks = count >= 1 && have >= need;
    if (single != null && (!togetherWorks || value[single] <= togetherCost)) {
      return List.of(single);
    }
    return togetherWorks ? together : null;
  }

  private void reset() {
    for (int k : movedClasses) {
      move[k] = 0;
      changes[k] = 0;
    }
    for (int r : touchedRelations) {
      balance[r] = 0;
    }
    movedClasses.clear();
    touchedRelations.clear();
    open.clear();
    planned.clear();
  }

  private void shift(int k, int by) {
    if (by == 0) {
      return;
    }
    if (move[k] == 0 && changes[k] == 0) {
      movedClasses.add(k);
    }
    move[k] += by;
    changes[k]++;
    for (int j = 0; j < classRelations[k].length; j++) {
      int r = classRelations[k][j];
      if (balance[r] == 0) {
        touchedRelations.add(r);
      }
      balance[r] += by * classCoefficients[k][j];
      if (balance[r] != 0) {
        open.add(r);
      } else {
        open.remove(r);
      }
    }
  }
}
