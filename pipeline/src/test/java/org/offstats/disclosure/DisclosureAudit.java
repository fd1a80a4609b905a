package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's view of a published pattern, for the tests: for each withheld cell, the smallest
 * and largest value consistent with every published cell and every declared relation (and each
 * cell's lower bound), by linear programming (ojAlgo). It is given the withheld cells as a set (the
 * audit test reads them from the nulls in {@code publish/}), so it depends on nothing the
 * suppression chose beyond the pattern itself. A withheld cell is protected when its range is
 * wider than the policy's protection width. Cells are audited per connected group of withheld
 * cells (linked by relations), which keeps each programme small.
 */
final class DisclosureAudit {
  /** A withheld cell's range of consistent values; {@code high} may be infinite. */
  record Range(CellId cell, long value, double low, double high) {
    double width() {
      return high - low;
    }
  }

  private static final double TOLERANCE = 1e-6;

  /** One relation over the variables: {@code atLeast <= sum(coefficient * z) <= atMost}. */
  private record Constraint(double[] coefficients, double atLeast, double atMost) {}

  private DisclosureAudit() {}

  /** Every withheld cell whose range is not wider than the protection width. */
  static List<Range> exposed(ForceCells cells, List<Relation> relations, Set<CellId> withheld, DisclosurePolicy policy) {
    return ranges(cells, relations, withheld, policy).stream().filter(r -> r.width() <= policy.protectionWidth() + TOLERANCE).toList();
  }

  /** The range of every withheld cell, in cell order. */
  static List<Range> ranges(ForceCells cells, List<Relation> relations, Set<CellId> withheld, DisclosurePolicy policy) {
    Map<CellId, CellId> roots = UnionFind.roots(withheld, relations.stream().map(Relation::cells).toList(), withheld::contains);
    Map<CellId, List<CellId>> components = new LinkedHashMap<>();
    for (CellId cell : new TreeSet<>(withheld)) {
      components.computeIfAbsent(roots.get(cell), k -> new ArrayList<>()).add(cell);
    }
    Map<CellId, List<Relation>> relationsOfComponent = new HashMap<>();
    for (Relation relation : relations) {
      relation.cells().stream().filter(withheld::contains).findFirst()
          .ifPresent(cell -> relationsOfComponent.computeIfAbsent(roots.get(cell), k -> new ArrayList<>()).add(relation));
    }
    Map<CellId, Range> ranges = new TreeMap<>();
    components.forEach((root, members) -> {
      Map<CellId, Integer> variable = variables(members);
      List<Constraint> constraints = constraints(cells, relationsOfComponent.getOrDefault(root, List.of()), variable, policy);
      for (CellId cell : members) {
        double[] range = range(constraints, variable, cell, cells.lowerBound(cell));
        ranges.put(cell, new Range(cell, cells.value(cell), range[0], range[1]));
      }
    });
    return List.copyOf(ranges.values());
  }

  private static double[] range(List<Constraint> constraints, Map<CellId, Integer> variable, CellId cell, long bound) {
    int index = variable.get(cell);
    if (constraints.stream().noneMatch(c -> c.coefficients()[index] != 0)) {
      // in no relation: anything from its lower bound up is consistent with what is published
      return new double[] {bound, Double.POSITIVE_INFINITY};
    }
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] z = new Variable[variable.size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = model.addVariable("z" + i).lower(0);
    }
    for (int k = 0; k < constraints.size(); k++) {
      Constraint constraint = constraints.get(k);
      Expression expression = model.addExpression("r" + k).lower(constraint.atLeast()).upper(constraint.atMost());
      for (int i = 0; i < z.length; i++) {
        if (constraint.coefficients()[i] != 0) {
          expression.set(z[i], constraint.coefficients()[i]);
        }
      }
    }
    z[variable.get(cell)].weight(1);
    return new double[] {optimum(model.minimise()) + bound, optimum(model.maximise()) + bound};
  }

  private static Map<CellId, Integer> variables(List<CellId> members) {
    Map<CellId, Integer> variable = new HashMap<>();
    members.forEach(c -> variable.put(c, variable.size()));
    return variable;
  }

  /** Each relation as bounds on the sum of its suppressed cells' values above their lower bounds. */
  private static List<Constraint> constraints(ForceCells cells, List<Relation> relations, Map<CellId, Integer> variable, DisclosurePolicy policy) {
    int n = variable.size();
    List<Constraint> constraints = new ArrayList<>();
    for (Relation relation : relations) {
      double[] coefficients = new double[n];
      double knownLow = 0;
      double knownHigh = 0;
      double bounds = 0;
      for (int side = 0; side < 2; side++) {
        int sign = side == 0 ? 1 : -1;
        for (CellId cell : side == 0 ? relation.plus() : relation.minus()) {
          Integer v = variable.get(cell);
          if (v != null) {
            coefficients[v] += sign;
            bounds += sign * cells.lowerBound(cell);
          } else {
            long[] seen = publishedRange(cells.value(cell), policy);
            knownLow += sign > 0 ? seen[0] : -seen[1];
            knownHigh += sign > 0 ? seen[1] : -seen[0];
          }
        }
      }
      // low <= sum(z + bound) + known <= high, over variables z = value - lower bound >= 0
      constraints.add(new Constraint(coefficients, relation.low() - knownHigh - bounds, relation.high() - knownLow - bounds));
    }
    return constraints;
  }

  private static double optimum(Optimisation.Result result) {
    Optimisation.State state = result.getState();
    if (state == Optimisation.State.UNBOUNDED) {
      return Double.POSITIVE_INFINITY;
    }
    if (!state.isOptimal()) {
      throw new IllegalStateException("the disclosure audit's linear programme ended " + state + ": the published cells contradict the relations");
    }
    return result.getValue();
  }

  /** What a reader knows of a published count: its value, or the values that round to it. */
  static long[] publishedRange(long exact, DisclosurePolicy policy) {
    long shown = policy.published(exact);
    if (policy.roundingBase().isEmpty()) {
      return new long[] {shown, shown};
    }
    int base = policy.roundingBase().getAsInt();
    return new long[] {Math.max(0, shown - base / 2), shown + (base + 1) / 2 - 1};
  }
}
