package org.offstats.disclosure;

import java.util.Map;

/** Groups of cells linked through relations (union-find with path compression). */
final class UnionFind {
  private UnionFind() {}

  static CellId find(Map<CellId, CellId> parent, CellId cell) {
    CellId root = cell;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    CellId walk = cell;
    while (!walk.equals(root)) {
      CellId next = parent.get(walk);
      parent.put(walk, root);
      walk = next;
    }
    return root;
  }

  static void union(Map<CellId, CellId> parent, CellId a, CellId b) {
    CellId rootA = find(parent, a);
    CellId rootB = find(parent, b);
    if (!rootA.equals(rootB)) {
      parent.put(rootB, rootA);
    }
  }
}
