package org.offstats.disclosure;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntPriorityQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
 * <p>The search is depth-first and bounded: to balance the first unbalanced relation it tries the
 * partner classes best first (a few of them, backing up when one leads nowhere, and skipping any
 * that would leave a relation no class could balance), where best weighs the cost (the total value
 * of the published cells it would have to suppress, the tau-ARGUS cost) against how much it leaves
 * to balance, then the fewest relations, then cell order. When planning further suppression it
 * tries several such weights and first moves, keeps the cheapest plan, and abandons a search as
 * soon as it costs more than the best so far. A search in which every relation's partners all cost
 * the same would order them alike under every weight, so the other weights are not tried after it:
 * they could only repeat it. All choices depend on values and {@link CellId}
 * order only, and every bound counts moves, not time.
 */
final class Protection {
  /** Steps of one certificate search; beyond this it gives up (deterministically). */
  private static final int MAX_STEPS = 400;

  /** How many first moves a search for further cells to suppress tries besides its own choice. */
  private static final int FIRST_MOVES = 8;

  /**
   * How a search for further cells to suppress weighs a partner's cost (the value it would withhold)
   * against what it leaves to balance: by cost alone, at 100 or 1,000 per unit left, or by what is
   * left alone. Each finds certificates the others miss; the cheapest is kept.
   */
  private static final long[] OPEN_COSTS = {0, 100, 1_000, Long.MAX_VALUE};

  /** Partners a search tries, best first, for each relation before it gives up on the way it came. */
  private static final int BRANCHES = 4;

  /** Moves a search may try in all: a proof from what is withheld, or a plan to withhold more. */
  private static final int PROOF_SEARCH_NODES = 600;

  private static final int ADD_SEARCH_NODES = 4000;

  private static final long UNBOUNDED = Long.MAX_VALUE / 4;

  private final CellIndex cells;
  private final List<Relation> relations;
  private final DisclosurePolicy policy;
  // the classes and their terms, shared (see TwinClasses)
  private final long[] value;
  private final long[] room;
  private final int[] classOf;
  private final int[] termStart;
  private final int[] termRelation;
  private final int[] termCoefficient;
  private final int[] termPosition;
  private final int[][] relationClasses;
  private final int[][] relationClassCoefficients;
  private final int[][] members;
  private final int[][] relationsOfCell;
  private final TwinClasses twins;

  /**
   * Per relation, the positions in {@link #relationClasses} of the classes with a withheld cell. A
   * proof moves only those (a class with no withheld cell has no room to move, and a proof plans
   * none), so its search looks at them alone rather than at every class of a large relation.
   */
  private final IntArrayList[] withheldPositions;
  private final boolean[] suppressed;
  /** For each class, the withheld cells whose proof moved it (some may since have other proofs). */
  private final Map<Integer, List<Integer>> dependents = new HashMap<>();
  private final long[] classRoom;
  private final int[] classSuppressed;

  // search state, reset between searches
  private final int[] move;
  private final int[] changes;
  private final int[] balance;
  private final IntStack movedClasses = new IntStack();
  private final IntStack touchedRelations = new IntStack();
  private final SortedIntSet open = new SortedIntSet();
  /** The cells this search plans to suppress, in the order planned; undone from the end. */
  private final IntStack planned = new IntStack();
  private final boolean[] isPlanned;
  /** Per class, the room and the number of cells this search plans to suppress in it. */
  private final long[] plannedRoom;
  private final int[] plannedCount;
  /** Per class and room needed, what {@link #additionCost} found, while the class's cells stay as they were. */
  private final ClassCostCache additionCosts;
  /**
   * Per class, the room its withheld and planned cells give it, or {@link Long#MIN_VALUE} when it has
   * none of them: what {@link #additionCost} asks first, kept in one number (by {@link #classChanged}).
   */
  private final long[] roomToMove;
  /** The cells {@link #additions} chose last. */
  private final IntArrayList chosen = new IntArrayList();
  /**
   * Per step of the search, the partners of the relation it balances, kept from search to search to
   * spare allocating them. One per step, because a step takes its next partner only after the steps
   * after it have failed: its own partners must outlive theirs.
   */
  private final Candidates[] choicesAtStep = new Candidates[MAX_STEPS];
  private int nodes;
  /** Whether, at every step of the current search so far, the partners found all cost the same. */
  private boolean partnersCostAlike;
  private long plannedCost;

  /**
   * Nothing withheld yet, over {@code twins}. Each {@code Protection} keeps its own withheld cells
   * and search state: several may share {@code twins} from different threads, as long as no two
   * withhold or prove cells of one group.
   */
  Protection(TwinClasses twins, DisclosurePolicy policy) {
    this.twins = twins;
    this.cells = twins.cells;
    this.relations = twins.relations;
    this.policy = policy;
    value = twins.value;
    room = twins.room;
    classOf = twins.classOf;
    termStart = twins.termStart;
    termRelation = twins.termRelation;
    termCoefficient = twins.termCoefficient;
    termPosition = twins.termPosition;
    relationClasses = twins.relationClasses;
    relationClassCoefficients = twins.relationClassCoefficients;
    members = twins.members;
    relationsOfCell = twins.relationsOfCell;
    int cellCount = cells.size();
    int classes = twins.classes();
    withheldPositions = new IntArrayList[relations.size()];
    for (int r = 0; r < relations.size(); r++) {
      withheldPositions[r] = new IntArrayList();
    }
    suppressed = new boolean[cellCount];
    isPlanned = new boolean[cellCount];
    plannedRoom = new long[classes];
    plannedCount = new int[classes];
    additionCosts = new ClassCostCache(classes);
    roomToMove = new long[classes];
    Arrays.fill(roomToMove, Long.MIN_VALUE);
    classRoom = new long[classes];
    classSuppressed = new int[classes];
    move = new int[classes];
    changes = new int[classes];
    balance = new int[relations.size()];
  }

  private int cellIndex(CellId id) {
    return twins.cellIndex(id);
  }

  /** Marks a cell suppressed. */
  void suppress(CellId id) {
    int i = cellIndex(id);
    if (!suppressed[i]) {
      suppressed[i] = true;
      int k = classOf[i];
      if (k >= 0) {
        classRoom[k] += room[i];
        if (classSuppressed[k]++ == 0) {
          for (int t = termStart[k]; t < termStart[k + 1]; t++) {
            withheldPositions[termRelation[t]].add(termPosition[t]);
          }
        }
        classChanged(k);
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
    int k = classOf[i];
    classRoom[k] -= room[i];
    if (--classSuppressed[k] == 0) {
      for (int t = termStart[k]; t < termStart[k + 1]; t++) {
        withheldPositions[termRelation[t]].rem(termPosition[t]);
      }
    }
    classChanged(k);
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
    return plan.map(p -> p.cells().stream().sorted().map(cells::cell).toList());
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
      int r = IntStream.range(termStart[k], termStart[k + 1]).map(t -> termRelation[t]).min().orElseThrow();
      Arrays.stream(relationClasses[r]).filter(x -> x != k).limit(FIRST_MOVES).forEach(firsts::add);
    }
    Plan best = null;
    for (int first : firsts) {
      for (long[] need : needs) {
        for (long openCost : allowAdd ? OPEN_COSTS : new long[] {Long.MAX_VALUE}) {
          Plan plan = search(c, need[0], need[1], allowAdd, openCost, first, best == null ? Long.MAX_VALUE : best.cost());
          if (plan != null && (best == null || plan.cost() < best.cost())) {
            best = plan;
          }
          if (best != null && best.cost() == 0) {
            return Optional.of(best);
          }
          if (partnersCostAlike) {
            // every weight orders partners of one cost alike: the others would make this search again,
            // or a part of it (bounded by a plan no dearer), and find nothing cheaper
            break;
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
  private Plan search(int c, long same, long against, boolean allowAdd, long openCost, int first, long bound) {
    reset();
    int start = classOf[c];
    shift(start, 1);
    nodes = 0;
    plannedCost = 0;
    partnersCostAlike = true;
    Search search =
        new Search(start, same, against, allowAdd, openCost, first, allowAdd ? ADD_SEARCH_NODES : PROOF_SEARCH_NODES, bound);
    if (!extend(search, 0)) {
      return null;
    }
    List<Integer> add = new ArrayList<>();
    long cost = 0;
    for (int i = 0; i < planned.size(); i++) {
      add.add(planned.get(i));
      cost += value[planned.get(i)];
    }
    return new Plan(add, cost, movedClasses());
  }

  /** One search's settings (see {@link #search}) and how many moves it may try in all. */
  private record Search(
      int start, long same, long against, boolean allowAdd, long openCost, int first, int budget, long bound) {}

  /**
   * Balances the lowest open relation with the best partner and goes on; when that leads nowhere,
   * undoes it and tries the next best (up to {@link #BRANCHES}), within the search's budget of
   * moves. Partners that lead straight into a dead end are passed over, and are looked for only as
   * the step needs its next partner: when the best succeeds, the others are never looked at. (Each
   * partner tried is undone before the next, so the step looks at them in the state it started
   * from.) Returns whether every relation is balanced.
   */
  private boolean extend(Search search, int step) {
    if (open.isEmpty()) {
      return true;
    }
    if (step >= MAX_STEPS || plannedCost >= search.bound()) {
      // no cheaper than a plan already found: give up the whole search rather than look around
      nodes = search.budget();
      return false;
    }
    Candidates choices = candidates(search, open.first(), step);
    IntPriorityQueue bestFirst = choices.bestFirst(search.openCost());
    int tried = 0;
    while (tried < BRANCHES && !bestFirst.isEmpty()) {
      int i = bestFirst.dequeueInt();
      int k = choices.k(i);
      if (deadEnd(search, k, choices.move(i) - move[k])) {
        continue;
      }
      tried++;
      if (++nodes > search.budget()) {
        return false;
      }
      long cost = choices.cost(i);
      int added = cost > 0 ? plan(k, choices.move(i) > 0 ? search.same() : search.against()) : 0;
      plannedCost += added == 0 ? 0 : cost;
      boolean first = move[k] == 0 && changes[k] == 0;
      int by = choices.move(i) - move[k];
      shift(k, by);
      if (extend(search, step + 1)) {
        return true;
      }
      shift(k, -by);
      changes[k] -= 2;
      if (first) {
        movedClasses.pop();
      }
      if (added > 0) {
        unplan(added);
        plannedCost -= cost;
      }
    }
    return false;
  }

  /**
   * The classes that could balance relation {@code r} at {@code step}, to be taken best first by
   * {@link Candidates#bestFirst}: the least cost plus the search's {@code openCost} per unit left to
   * balance, then the least left ({@code openCost} {@link Long#MAX_VALUE}: the least left, then the
   * least cost); ties go to the class in fewer relations, then the lower class.
   */
  private Candidates candidates(Search search, int r, int step) {
    if (choicesAtStep[step] == null) {
      choicesAtStep[step] = new Candidates();
    }
    Candidates choices = choicesAtStep[step];
    choices.clear();
    IntArrayList withheld = withheldPositions[r];
    int count = search.allowAdd() ? relationClasses[r].length : withheld.size();
    for (int n = 0; n < count; n++) {
      // the order classes are looked at in does not matter: candidates come out in their own order
      int j = search.allowAdd() ? n : withheld.getInt(n);
      int k = relationClasses[r][j];
      if (k == search.start() || changes[k] >= 2 || step == 0 && search.first() >= 0 && k != search.first()) {
        // a class moved and moved back once is not moved again: the search would go round
        continue;
      }
      int next = move[k] - Integer.signum(balance[r]) * Integer.signum(relationClassCoefficients[r][j]);
      if (Math.abs(next) > 1 || next < 0 && search.against() >= UNBOUNDED || move[k] != 0 && unbalances(k, next - move[k])) {
        // a class already moved is moved back only when that leaves no relation further from balance
        continue;
      }
      long extra = next == 0 ? 0 : additionCost(k, next > 0 ? search.same() : search.against(), search.allowAdd());
      if (extra >= 0) {
        choices.add(k, next, extra, opened(k, next - move[k]), termStart[k + 1] - termStart[k]);
      }
    }
    for (int i = 1; i < choices.size() && partnersCostAlike; i++) {
      partnersCostAlike = choices.cost(i) == choices.cost(0);
    }
    return choices;
  }

  /**
   * Whether moving class {@code k} by {@code by} would leave a relation unbalanced that no other
   * class could then balance: a look one move ahead, which keeps the search out of dead ends.
   */
  private boolean deadEnd(Search search, int k, int by) {
    for (int t = termStart[k]; t < termStart[k + 1]; t++) {
      int r = termRelation[t];
      int after = balance[r] + by * termCoefficient[t];
      if (after == 0) {
        continue;
      }
      boolean partner = false;
      IntArrayList withheld = withheldPositions[r];
      int count = search.allowAdd() ? relationClasses[r].length : withheld.size();
      for (int n = 0; n < count && !partner; n++) {
        int i = search.allowAdd() ? n : withheld.getInt(n);
        int other = relationClasses[r][i];
        if (other == k || other == search.start() || changes[other] >= 2) {
          continue;
        }
        int next = move[other] - Integer.signum(after) * Integer.signum(relationClassCoefficients[r][i]);
        partner = Math.abs(next) <= 1 && !(next < 0 && search.against() >= UNBOUNDED)
            && (next == 0 || additionCost(other, next > 0 ? search.same() : search.against(), search.allowAdd()) >= 0);
      }
      if (!partner) {
        return true;
      }
    }
    return false;
  }

  /** Whether moving class {@code k} by {@code by} leaves any relation further from balance than now. */
  private boolean unbalances(int k, int by) {
    for (int t = termStart[k]; t < termStart[k + 1]; t++) {
      int r = termRelation[t];
      if (Math.abs(balance[r] + by * termCoefficient[t]) > Math.abs(balance[r])) {
        return true;
      }
    }
    return false;
  }

  /** How much more is left to balance (over all relations, in units) after moving class {@code k} by {@code by}. */
  private int opened(int k, int by) {
    int change = 0;
    for (int t = termStart[k]; t < termStart[k + 1]; t++) {
      int r = termRelation[t];
      int after = balance[r] + by * termCoefficient[t];
      change += Math.abs(after) - Math.abs(balance[r]);
    }
    return change;
  }

  /** The value of the published cells class {@code k} needs suppressed to have {@code need} room; -1 if it cannot. */
  private long additionCost(int k, long need, boolean allowAdd) {
    if (roomToMove[k] >= need) {
      return 0;
    }
    if (!allowAdd) {
      return -1;
    }
    long known = additionCosts.get(k, need);
    if (known != ClassCostCache.UNKNOWN) {
      return known;
    }
    long cost = additions(k, need, chosen);
    additionCosts.put(k, need, cost);
    return cost;
  }

  /** Brings what is kept per class up to date after its withheld or planned cells change. */
  private void classChanged(int k) {
    additionCosts.invalidate(k);
    roomToMove[k] = classSuppressed[k] + plannedCount[k] >= 1 ? classRoom[k] + plannedRoom[k] : Long.MIN_VALUE;
  }

  /** Plans the cheapest additions to class {@code k} for {@code need} room; returns how many cells it planned. */
  private int plan(int k, long need) {
    additions(k, need, chosen);
    for (int i = 0; i < chosen.size(); i++) {
      int m = chosen.getInt(i);
      planned.push(m);
      isPlanned[m] = true;
      plannedRoom[k] += room[m];
      plannedCount[k]++;
    }
    classChanged(k);
    return chosen.size();
  }

  /** Undoes the last {@code count} cells planned. */
  private void unplan(int count) {
    for (int i = 0; i < count; i++) {
      int m = planned.pop();
      isPlanned[m] = false;
      plannedRoom[classOf[m]] -= room[m];
      plannedCount[classOf[m]]--;
      classChanged(classOf[m]);
    }
  }

  /**
   * The cheapest published members giving class {@code k} at least one suppressed member and
   * {@code need} room: the smallest single one that suffices, or the smallest ones together,
   * whichever costs less. Puts them in {@code into} (emptied first: the search asks this for every
   * partner it weighs, so it fills a list it keeps rather than a new one) and returns their total
   * value; -1, and none, if even all of them do not suffice.
   */
  private long additions(int k, long need, IntArrayList into) {
    into.clear();
    long roomNow = classRoom[k] + plannedRoom[k];
    long have = roomNow;
    long count = classSuppressed[k] + plannedCount[k];
    long togetherCost = 0;
    int single = -1;
    for (int m : members[k]) {
      if (suppressed[m] || isPlanned[m]) {
        continue;
      }
      if (single < 0 && roomNow + room[m] >= need) {
        single = m;
      }
      if (count < 1 || have < need) {
        into.add(m);
        togetherCost += value[m];
        have += room[m];
        count++;
      }
      if (single >= 0 && count >= 1 && have >= need) {
        break;
      }
    }
    boolean togetherWorks = count >= 1 && have >= need;
    if (single >= 0 && (!togetherWorks || value[single] <= togetherCost)) {
      into.clear();
      into.add(single);
      return value[single];
    }
    if (!togetherWorks) {
      into.clear();
      return -1;
    }
    return togetherCost;
  }

  /** The classes the current search has moved and not moved back, in the order first moved. */
  private int[] movedClasses() {
    int[] moved = new int[movedClasses.size()];
    int count = 0;
    for (int i = 0; i < movedClasses.size(); i++) {
      if (move[movedClasses.get(i)] != 0) {
        moved[count++] = movedClasses.get(i);
      }
    }
    return Arrays.copyOf(moved, count);
  }

  private void reset() {
    for (int i = 0; i < movedClasses.size(); i++) {
      move[movedClasses.get(i)] = 0;
      changes[movedClasses.get(i)] = 0;
    }
    for (int i = 0; i < touchedRelations.size(); i++) {
      balance[touchedRelations.get(i)] = 0;
    }
    movedClasses.clear();
    touchedRelations.clear();
    open.clear();
    unplan(planned.size());
  }

  private void shift(int k, int by) {
    if (by == 0) {
      return;
    }
    if (move[k] == 0 && changes[k] == 0) {
      movedClasses.push(k);
    }
    move[k] += by;
    changes[k]++;
    for (int t = termStart[k]; t < termStart[k + 1]; t++) {
      int r = termRelation[t];
      int before = balance[r];
      if (before == 0) {
        touchedRelations.push(r);
      }
      balance[r] += by * termCoefficient[t];
      // open holds exactly the relations with a balance other than 0
      if (before == 0 && balance[r] != 0) {
        open.add(r);
      } else if (before != 0 && balance[r] == 0) {
        open.remove(r);
      }
    }
  }
}
