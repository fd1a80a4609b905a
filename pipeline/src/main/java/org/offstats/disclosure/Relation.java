package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared additive relation between published count cells: {@code low <= sum(plus) -
 * sum(minus) <= high}. Most are equalities ({@code low = high = 0}: cells that add up to a total
 * cell, or two tables' cells that add up to the same number); a headline figure published rounded
 * down gives a range instead. {@code name} says which declared rule it comes from.
 */
public record Relation(String name, List<CellId> plus, List<CellId> minus, long low, long high) {
  public Relation {
    plus = List.copyOf(plus);
    minus = List.copyOf(minus);
    if (low > high) {
      throw new IllegalArgumentException(name + ": empty range");
    }
  }

  /** {@code sum(parts) = total}. */
  static Relation total(String name, List<CellId> parts, CellId total) {
    return new Relation(name, parts, List.of(total), 0, 0);
  }

  /** {@code sum(left) = sum(right)}. */
  static Relation equalSums(String name, List<CellId> left, List<CellId> right) {
    return new Relation(name, left, right, 0, 0);
  }

  /** Every cell in the relation, plus side first. */
  public List<CellId> cells() {
    List<CellId> all = new ArrayList<>(plus);
    all.addAll(minus);
    return all;
  }
}
