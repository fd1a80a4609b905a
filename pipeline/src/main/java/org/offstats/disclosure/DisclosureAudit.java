package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's view of a suppression: for each suppressed cell, the smallest and largest value
 * consistent with every published cell and every declared relation (and each cell's lower bound),
 * by linear programming. A small count is protected when that range is wider than the policy's
 * protection width; any other suppressed cell when it is not pinned to one value. Cells are
 * audited per connected group of suppressed cells (linked by relations), which keeps each
 * programme small.
 */
public final class DisclosureAudit {
  /** A suppressed cell's range of consistent values; {@code high} may be infinite. */
  public record Range(CellId cell, Suppression.Reason reason, long value, double low, double high) {
    public double width() {
      return high - low;
    }
  }

  private static final double TOLERANCE = 1e-6;

  /** One relation over the variables: {@code atLeast <= sum(coefficient * z) <= atMost}. */
  private record Constraint(double[] coefficients, double atLeast, double atMost) {}

  private DisclosureAudit() {}

  /** Every suppressed cell whose range is too narrow. */
  public static List<Range> exposed(ForceCells cells, List<Relation> relations, Suppression suppression, DisclosurePolicy policy) {
    List<Range> exposed = new ArrayList<>();
    for (Range range : ranges(cells, relations, suppression, policy)) {
      double needed = range.reason() == Suppression.Reason.PRIMARY ? policy.protectionWidth() : 0;
      if (range.width() <= needed + TOLERANCE) {
        exposed.add(range);
      }
    }
    return exposed;
  }

  /** The range of every suppressed cell, in cell order. */
  public static List<Range> ranges(ForceCells cells, List<Relation> relations, Suppression suppression, DisclosurePolicy policy) {
    Map<CellId, CellId> roots =
        UnionFind.roots(suppression.cells().keySet(), relations.stream().map(Relation::cells).toList(), suppression::isSuppressed);
    Map<CellId, List<CellId>> components = new LinkedHashMap<>();
    for (CellId cell : suppression.cells().keySet()) {
      components.computeIfAbsent(roots.get(cell), k -> new ArrayList<>()).add(cell);
    }
    Map<CellId, List<Relation>> relationsOfComponent = new HashMap<>();
    for (Relation relation : relations) {
      relation.cells().stream().filter(suppression::isSuppressed).findFirst()
          .ifPresent(cell -> relationsOfComponent.computeIfAbsent(roots.get(cell), k -> new ArrayList<>()).add(relation));
    }
    Map<CellId, Range> ranges = new TreeMap<>();
    components.forEach((root, members) ->
        component(cells, relationsOfComponent.getOrDefault(root, List.of()), members, suppression, policy).forEach(r -> ranges.put(r.cell(), r)));
    return List.copyOf(ranges.values());
  }

  /** Ranges of one component's cells: a minimisation and a maximisation per cell. */
  private static List<Range> component(
      ForceCells cells, List<Relation> relations, List<CellId> members, Suppression suppression, DisclosurePolicy policy) {
    Map<CellId, Integer> variable = variables(members);
    List<Constraint> constraints = constraints(cells, relations, variable, policy);
    List<Range> ranges = new ArrayList<>();
    for (CellId cell : members) {
      double[] range = range(constraints, variable, cell, cells.lowerBound(cell));
      ranges.add(new Range(cell, suppression.reason(cell).orElseThrow(), cells.value(cell), range[0], range[1]));
    }
    return ranges;
  }

  /**
   * The range of one suppressed cell given the other suppressed cells linked to it ({@code group},
   * which includes it), the relations {@code touching} the group, and everything published.
   */
  static double[] range(ForceCells cells, List<Relation> touching, List<CellId> group, CellId cell, DisclosurePolicy policy) {
    Map<CellId, Integer> variable = variables(group);
    return range(constraints(cells, touching, variable, policy), variable, cell, cells.lowerBound(cell));
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
