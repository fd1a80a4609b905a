package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.offstats.schema.table.OutcomesByOffence;

/**
 * Blocks of cells, each a small two-way table with its row and column totals (the hypercube
 * method's own shape), many of its cells small; a few blocks share a total, which links them into
 * one group; some cells are in no relation at all. Values are random, so the search has to withhold
 * secondary cells and clean up.
 */
class SecondarySuppressionTest {
  private static final String TABLE = "outcomes_by_offence";
  private static final DisclosurePolicy POLICY = DisclosurePolicy.bundled();

  private record Blocks(ForceCells cells, List<Relation> relations) {}

  /** {@code blocks} tables of 3 to 5 rows and columns; each cell is a row of outcomes_by_offence. */
  private static Blocks blocks(long seed, int blocks) {
    Random random = new Random(seed);
    List<IndexedRecord> rows = new ArrayList<>();
    // relations as row numbers, made into cells once the table is sorted (rows are numbered in key order)
    List<List<int[]>> relationRows = new ArrayList<>();
    int[] firstRowTotal = new int[blocks];
    for (int b = 0; b < blocks; b++) {
      int height = 3 + random.nextInt(3);
      int width = 3 + random.nextInt(3);
      int[][] inner = new int[height][width];
      for (int i = 0; i < height; i++) {
        for (int j = 0; j < width; j++) {
          inner[i][j] = add(rows, b, "c" + i + "_" + j, random.nextInt(3) == 0 ? 1 + random.nextInt(9) : 10 + random.nextInt(60));
        }
      }
      for (int i = 0; i < height; i++) {
        int row = i;
        int total = add(rows, b, "r" + i, IntStream.range(0, width).map(j -> value(rows, inner[row][j])).sum());
        relationRows.add(List.of(IntStream.range(0, width).map(j -> inner[row][j]).toArray(), new int[] {total}));
      }
      for (int j = 0; j < width; j++) {
        int column = j;
        int total = add(rows, b, "k" + j, IntStream.range(0, height).map(i -> value(rows, inner[i][column])).sum());
        relationRows.add(List.of(IntStream.range(0, height).map(i -> inner[i][column]).toArray(), new int[] {total}));
      }
      firstRowTotal[b] = relationRows.get(relationRows.size() - height - width).get(1)[0];
      if (b % 4 == 3) {
        // this block's first row total and the block before's add up to a grand total: one group
        int[] parts = {firstRowTotal[b - 1], firstRowTotal[b]};
        int grand = add(rows, b, "g", value(rows, parts[0]) + value(rows, parts[1]));
        relationRows.add(List.of(parts, new int[] {grand}));
      }
      add(rows, b, "alone", 1 + random.nextInt(30));
    }
    ForceCells cells = new ForceCells(Map.of(TABLE, rows));
    // the table numbers its rows in key order: find each one's number by its keys
    List<Relation> relations = new ArrayList<>();
    for (List<int[]> relation : relationRows) {
      relations.add(Relation.total("block total", cellsOf(cells, rows, relation.get(0)), cellsOf(cells, rows, relation.get(1)).get(0)));
    }
    return new Blocks(cells, relations);
  }

  /** Adds a row to {@code rows}; returns its position there. */
  private static int add(List<IndexedRecord> rows, int block, String name, int crimes) {
    rows.add(new OutcomesByOffence("2024-25", "block", String.format("%04d", block), name, (long) crimes));
    return rows.size() - 1;
  }

  private static int value(List<IndexedRecord> rows, int at) {
    return (int) ((OutcomesByOffence) rows.get(at)).getCrimes();
  }

  private static List<CellId> cellsOf(ForceCells cells, List<IndexedRecord> rows, int[] positions) {
    List<CellId> ids = new ArrayList<>();
    for (int at : positions) {
      OutcomesByOffence row = (OutcomesByOffence) rows.get(at);
      int number = cells.row(TABLE, List.of(row.getFinancialYear(), row.getScopeType(), row.getScope(), row.getOutcomeGroup())).orElseThrow();
      ids.add(new CellId(TABLE, number, "crimes"));
    }
    return ids;
  }

  private static List<CellId> primary(CellIndex index) {
    List<CellId> small = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      if (POLICY.isSmall(index.value(i))) {
        small.add(index.cell(i));
      }
    }
    return index.inOrder(small);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void groupsAreTheCellsLinkedThroughRelations(long seed) {
    Blocks blocks = blocks(seed, 24);
    CellIndex index = new CellIndex(blocks.cells());
    TwinClasses twins = new TwinClasses(index, blocks.relations());
    Map<CellId, CellId> roots = UnionFind.roots(blocks.cells().countCells(), blocks.relations().stream().map(Relation::cells).toList(), c -> true);
    // the same partition: two cells share a group exactly when they share a root
    Map<Integer, CellId> rootOfGroup = new HashMap<>();
    Map<CellId, Integer> groupOfRoot = new HashMap<>();
    for (int i = 0; i < index.size(); i++) {
      CellId root = roots.get(index.cell(i));
      int group = twins.groupOf[i];
      assertThat(rootOfGroup.computeIfAbsent(group, g -> root)).as("root of " + index.cell(i)).isEqualTo(root);
      assertThat(groupOfRoot.computeIfAbsent(root, r -> group)).as("group of " + index.cell(i)).isEqualTo(group);
    }
    assertThat(rootOfGroup).as("blocks, some joined, and the cells alone").hasSizeGreaterThan(24);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void twoThreadsWithholdWhatOneQueueWithholds(long seed) {
    Blocks blocks = blocks(seed, 40);
    CellIndex index = new CellIndex(blocks.cells());
    TwinClasses twins = new TwinClasses(index, blocks.relations());
    Map<CellId, Suppression.Reason> oneQueue = SecondarySuppression.inOneQueue(twins, POLICY, primary(index));
    assertThat(oneQueue).containsValue(Suppression.Reason.SECONDARY);
    assertThat(SecondarySuppression.of(new TwinClasses(index, blocks.relations()), POLICY, primary(index))).isEqualTo(oneQueue);
    assertThat(DisclosureAudit.exposed(blocks.cells(), blocks.relations(), oneQueue.keySet(), POLICY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {6})
  void countsEachTablesCellsByReason(long seed) {
    Blocks blocks = blocks(seed, 12);
    Suppression suppression = Suppression.of(blocks.cells(), blocks.relations(), POLICY);
    for (Suppression.Reason reason : Suppression.Reason.values()) {
      long expected = suppression.cells().values().stream().filter(r -> r == reason).count();
      assertThat(expected).as("the blocks withhold cells for " + reason).isPositive();
      assertThat(suppression.count(TABLE, reason)).isEqualTo(expected);
      assertThat(suppression.count("charge_rates", reason)).isZero();
    }
  }
}
