package org.offstats.disclosure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

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

  /**
   * The root of each member's group, where members are linked when they appear together in one of
   * {@code relations} (each given as its cells; non-members are skipped).
   */
  static Map<CellId, CellId> roots(Collection<CellId> members, Iterable<? extends Collection<CellId>> relations, Predicate<CellId> isMember) {
    Map<CellId, CellId> parent = new HashMap<>();
    members.forEach(c -> parent.put(c, c));
    for (Collection<CellId> relation : relations) {
      CellId first = null;
      for (CellId cell : relation) {
        if (isMember.test(cell)) {
          if (first == null) {
            first = cell;
          } else {
            union(parent, first, cell);
          }
        }
      }
    }
    Map<CellId, CellId> roots = new HashMap<>();
    members.forEach(c -> roots.put(c, find(parent, c)));
    return roots;
  }
}
