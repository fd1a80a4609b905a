package org.offstats.disclosure;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The count cells and declared relations as {@link Protection} searches them: cells that appear in
 * exactly the same relations with the same signs are <em>twins</em>, numbered together as one
 * class, and each class's terms (relation and coefficient) are kept in flat arrays. Worked out once
 * and never changed, so several {@link Protection}s, each withholding the cells of its own groups,
 * can share it from different threads.
 *
 * <p>Cells named together in a relation are in one <em>group</em>, and so are the groups linked
 * through further relations (a union-find over every cell a relation names, whatever its net
 * coefficient). Nothing {@link Protection} does for one cell reads or changes anything outside that
 * cell's group: its proofs move classes through relations, and the cells it withholds are the
 * planned members of those classes or cells named in its relations.
 */
final class TwinClasses {
  final CellIndex cells;
  final List<Relation> relations;
  final long[] value;
  final long[] room;
  /** Each cell's twin class, or -1 for a cell in no relation. */
  final int[] classOf;
  /**
   * Each class's <em>terms</em>, numbered class after class (class {@code k}'s from {@code
   * termStart[k]} to {@code termStart[k + 1]}, by relation): the relation, the class's coefficient in
   * it, and the class's position in {@link #relationClasses} of it. Flat arrays rather than one per
   * class, because the search reads a class's terms for every partner it weighs.
   */
  final int[] termStart;
  final int[] termRelation;
  final int[] termCoefficient;
  final int[] termPosition;
  final int[][] relationClasses;
  final int[][] relationClassCoefficients;
  /** Each class's cells by value, then cell order: the cheapest to suppress first. */
  final int[][] members;
  final int[][] relationsOfCell;
  /** Each cell's group, as the number of one of its cells (a cell no relation names is a group of its own). */
  final int[] groupOf;

  TwinClasses(CellIndex cells, List<Relation> relations) {
    this.cells = cells;
    this.relations = relations;
    int cellCount = cells.size();
    value = new long[cellCount];
    room = new long[cellCount];
    for (int i = 0; i < cellCount; i++) {
      value[i] = cells.value(i);
      room[i] = value[i] - cells.lowerBound(i);
    }
    int[] parent = IntStream.range(0, cellCount).toArray();
    IntArrayList[] signature = signatures(parent);
    groupOf = new int[cellCount];
    for (int i = 0; i < cellCount; i++) {
      groupOf[i] = find(parent, i);
    }
    relationsOfCell = new int[cellCount][];
    classOf = new int[cellCount];
    List<IntArrayList> classCells = new ArrayList<>();
    List<int[]> classSignature = new ArrayList<>();
    classify(signature, classCells, classSignature);
    int classes = classCells.size();
    members = new int[classes][];
    for (int k = 0; k < classes; k++) {
      members[k] = classCells.get(k).toIntArray();
      IntArrays.quickSort(members[k], (a, b) -> value[a] != value[b] ? Long.compare(value[a], value[b]) : Integer.compare(a, b));
    }
    int termCount = classSignature.stream().mapToInt(sig -> sig.length / 2).sum();
    termStart = new int[classes + 1];
    termRelation = new int[termCount];
    termCoefficient = new int[termCount];
    termPosition = new int[termCount];
    List<List<int[]>> ofRelation = terms(classSignature);
    relationClasses = new int[relations.size()][];
    relationClassCoefficients = new int[relations.size()][];
    for (int r = 0; r < relations.size(); r++) {
      relationClasses[r] = ofRelation.get(r).stream().mapToInt(p -> p[0]).toArray();
      relationClassCoefficients[r] = ofRelation.get(r).stream().mapToInt(p -> p[1]).toArray();
    }
  }

  /**
   * Each cell's signature: the relations it is in, each followed by the cell's net coefficient in it
   * (null for a cell in no relation). Links in {@code parent} the cells each relation names.
   */
  private IntArrayList[] signatures(int[] parent) {
    IntArrayList[] signature = new IntArrayList[cells.size()];
    // net coefficients of the relation being read, and its cells in the order first named
    int[] coefficient = new int[cells.size()];
    boolean[] named = new boolean[cells.size()];
    List<Integer> inRelation = new ArrayList<>();
    for (int r = 0; r < relations.size(); r++) {
      for (CellId c : relations.get(r).plus()) {
        addTerm(cellIndex(c), 1, coefficient, named, inRelation);
      }
      for (CellId c : relations.get(r).minus()) {
        addTerm(cellIndex(c), -1, coefficient, named, inRelation);
      }
      for (int i : inRelation) {
        union(parent, inRelation.get(0), i);
        if (coefficient[i] != 0) {
          if (signature[i] == null) {
            signature[i] = new IntArrayList();
          }
          signature[i].add(r);
          signature[i].add(coefficient[i]);
        }
        coefficient[i] = 0;
        named[i] = false;
      }
      inRelation.clear();
    }
    return signature;
  }

  /**
   * Numbers the classes, cells of one signature together, in the order of their first cell (cells
   * are in cell order); fills {@link #classOf} and {@link #relationsOfCell}, and adds each class's
   * cells and signature to {@code classCells} and {@code classSignature}.
   */
  private void classify(IntArrayList[] signature, List<IntArrayList> classCells, List<int[]> classSignature) {
    Object2IntOpenCustomHashMap<int[]> classOfSignature = new Object2IntOpenCustomHashMap<>(IntArrays.HASH_STRATEGY);
    classOfSignature.defaultReturnValue(-1);
    for (int i = 0; i < cells.size(); i++) {
      if (signature[i] == null) {
        relationsOfCell[i] = new int[0];
        classOf[i] = -1;
        continue;
      }
      int[] sig = signature[i].toIntArray();
      relationsOfCell[i] = IntStream.range(0, sig.length / 2).map(j -> sig[2 * j]).toArray();
      int k = classOfSignature.getInt(sig);
      if (k < 0) {
        k = classCells.size();
        classOfSignature.put(sig, k);
        classCells.add(new IntArrayList());
        classSignature.add(sig);
      }
      classOf[i] = k;
      classCells.get(k).add(i);
    }
  }

  /** Fills the terms of every class; returns each relation's classes with their coefficients, in class order. */
  private List<List<int[]>> terms(List<int[]> classSignature) {
    List<List<int[]>> ofRelation = new ArrayList<>();
    for (int r = 0; r < relations.size(); r++) {
      ofRelation.add(new ArrayList<>());
    }
    int t = 0;
    for (int k = 0; k < classSignature.size(); k++) {
      termStart[k] = t;
      int[] sig = classSignature.get(k);
      for (int j = 0; j < sig.length; j += 2) {
        termRelation[t] = sig[j];
        termCoefficient[t] = sig[j + 1];
        termPosition[t] = ofRelation.get(sig[j]).size();
        ofRelation.get(sig[j]).add(new int[] {k, sig[j + 1]});
        t++;
      }
    }
    termStart[classSignature.size()] = t;
    return ofRelation;
  }

  int classes() {
    return members.length;
  }

  /** The number of count cell {@code id}; fails for any other cell. */
  int cellIndex(CellId id) {
    int i = cells.of(id);
    if (i < 0) {
      throw new IllegalArgumentException("relation names a cell that is not a count cell: " + id);
    }
    return i;
  }

  /** Adds {@code sign} to cell {@code i}'s coefficient in the relation being read. */
  private static void addTerm(int i, int sign, int[] coefficient, boolean[] named, List<Integer> inRelation) {
    if (!named[i]) {
      named[i] = true;
      inRelation.add(i);
    }
    coefficient[i] += sign;
  }

  private static int find(int[] parent, int i) {
    int root = i;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[i] != root) {
      int next = parent[i];
      parent[i] = root;
      i = next;
    }
    return root;
  }

  private static void union(int[] parent, int a, int b) {
    int rootA = find(parent, a);
    int rootB = find(parent, b);
    if (rootA != rootB) {
      parent[rootB] = rootA;
    }
  }
}
