package org.offstats.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offstats.domain.NumberFormats;
import org.offstats.domain.Periods;
import org.offstats.figures.FigureDefinition;
import org.offstats.figures.FigureMatcher;
import org.offstats.figures.StatementChecks;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;

/**
 * Disclosure control of headline figures. A figure is not published when a count behind it is
 * small (the figure's own count, a rate's numerator or denominator, the outcomes behind a median),
 * nor when it repeats a table cell that {@code publish/} withholds (a rate or median of one scope
 * and financial year). A count of arrests over whole months that {@code arrests_by_offence} breaks
 * down gives a {@link AdditiveRelations.HeadlineTotal}, so that secondary suppression keeps the
 * table's cells safe from it. The exact value stays in {@code restricted/headlines}.
 */
public final class HeadlineDisclosure {
  private HeadlineDisclosure() {}

  /** Withholds figures built on small counts. */
  public static List<Headline> withholdSmall(
      List<Headline> rows, List<FigureDefinition> figures, Map<String, CellStats> statsById, DisclosurePolicy policy, LocalDate asAt) {
    Map<String, FigureDefinition> byId = byId(figures);
    List<Headline> out = new ArrayList<>();
    for (Headline row : rows) {
      FigureDefinition figure = byId.get(row.getFigureId());
      CellStats stats = statsById.getOrDefault(row.getFigureId(), new CellStats());
      if (row.getPublishedValue() != null && isSmall(figure, stats, policy)) {
        out.add(withheld(row, "it counts fewer than " + policy.threshold() + " " + countedUnit(figure), asAt));
      } else {
        out.add(row);
      }
    }
    return withholdQuoting(out, byId, asAt);
  }

  /** A statement quoting a withheld figure would publish it: it is withheld too. */
  private static List<Headline> withholdQuoting(List<Headline> rows, Map<String, FigureDefinition> byId, LocalDate asAt) {
    Map<String, Headline> byFigure = new LinkedHashMap<>();
    rows.forEach(r -> byFigure.put(r.getFigureId(), r));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Headline row : List.copyOf(byFigure.values())) {
        if (row.getPublishedValue() == null) {
          continue;
        }
        for (String quoted : StatementChecks.quoted(byId.get(row.getFigureId()).statement())) {
          Headline other = byFigure.get(quoted);
          if (other != null && other.getPublishedValue() == null) {
            byFigure.put(row.getFigureId(), withheld(row, "its statement quotes " + quoted + ", which is not published", asAt));
            changed = true;
            break;
          }
        }
      }
    }
    return new ArrayList<>(byFigure.values());
  }

  /**
   * Withholds figures that repeat a cell {@code publish/} withholds, and count figures whose
   * published range would pin down the withheld cells they cover ({@link Suppression#withdrawn}).
   */
  public static List<Headline> withholdSuppressedCells(
      List<Headline> rows, List<FigureDefinition> figures, ForceCells cells, Suppression suppression, LocalDate asAt) {
    Map<String, FigureDefinition> byId = byId(figures);
    List<Headline> out = new ArrayList<>();
    for (Headline row : rows) {
      Optional<CellId> cell = row.getPublishedValue() == null ? Optional.empty() : repeatedCell(byId.get(row.getFigureId()), cells, asAt);
      if (cell.isPresent() && suppression.isSuppressed(cell.get())) {
        out.add(withheld(row, "the same figure is withheld in " + cell.get().table(), asAt));
      } else if (row.getPublishedValue() != null && suppression.withdrawn().contains(AdditiveRelations.headlineTotal(row.getFigureId()))) {
        out.add(withheld(row, "it would let withheld cells of arrests_by_offence be worked out", asAt));
      } else {
        out.add(row);
      }
    }
    return withholdQuoting(out, byId, asAt);
  }

  /** The published count-of-arrests figures that bound sums of {@code arrests_by_offence} cells. */
  public static List<AdditiveRelations.HeadlineTotal> totals(List<Headline> rows, List<FigureDefinition> figures, LocalDate asAt) {
    Map<String, FigureDefinition> byId = byId(figures);
    List<AdditiveRelations.HeadlineTotal> totals = new ArrayList<>();
    for (Headline row : rows) {
      FigureDefinition figure = byId.get(row.getFigureId());
      if (row.getPublishedValue() == null
          || !figure.source().equals(FigureDefinition.SOURCE_ARRESTS)
          || !figure.unit().equals(FigureDefinition.ARRESTS)) {
        continue;
      }
      Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAt);
      Optional<Map<String, List<String>>> filters = tableFilters(figure.filters());
      Optional<long[]> range = figure.rounding().exactRange(row.getPublishedValue());
      if (window.isEmpty() || window.get().from().getDayOfMonth() != 1 || filters.isEmpty() || range.isEmpty()) {
        continue;
      }
      // arrests after as-at are rejected, so a period ending at as-at covers its month's cells whole
      totals.add(
          new AdditiveRelations.HeadlineTotal(
              figure.id(), filters.get(), YearMonth.from(window.get().from()), YearMonth.from(window.get().to()), range.get()[0], range.get()[1]));
    }
    return totals;
  }

  /** Filters on {@code arrests_by_offence} columns only, with flags as the table writes them. */
  private static Optional<Map<String, List<String>>> tableFilters(Map<String, List<String>> filters) {
    Map<String, List<String>> mapped = new LinkedHashMap<>();
    for (var filter : filters.entrySet()) {
      switch (filter.getKey()) {
        case "unit_type", "unit_code", "offence_group", "offence_code" -> mapped.put(filter.getKey(), filter.getValue());
        case "domestic_abuse" -> mapped.put(filter.getKey(), filter.getValue().stream().map(v -> v.equals("Y") ? "true" : "false").toList());
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(mapped);
  }

  /**
   * The table cell a rate or median figure repeats: one scope in the latest complete financial
   * year, from {@code charge_rates} (a charge rate) or {@code time_to_outcome} (a median).
   */
  static Optional<CellId> repeatedCell(FigureDefinition figure, ForceCells cells, LocalDate asAt) {
    if (!figure.source().equals(FigureDefinition.SOURCE_CRIMES) || figure.period().financialYear() == null) {
      return Optional.empty();
    }
    Optional<String> year = Periods.latestCompleteFinancialYear(asAt);
    String scopeType = single(figure.filters(), "scope_type");
    String scope = single(figure.filters(), "scope");
    if (year.isEmpty() || scopeType == null || scope == null) {
      return Optional.empty();
    }
    return switch (figure.unit()) {
      case FigureDefinition.RATE ->
          cells.row(AdditiveRelations.CHARGE_RATES, List.of(year.get(), scopeType, scope)).map(r -> new CellId(AdditiveRelations.CHARGE_RATES, r, "charged_summonsed"));
      case FigureDefinition.DAYS -> {
        String group = single(figure.filters(), "outcome_group");
        yield group == null
            ? Optional.empty()
            : cells.row(AdditiveRelations.TIME_TO_OUTCOME, List.of(year.get(), scopeType, scope, group)).map(r -> new CellId(AdditiveRelations.TIME_TO_OUTCOME, r, "outcomes"));
      }
      default -> Optional.empty();
    };
  }

  private static boolean isSmall(FigureDefinition figure, CellStats stats, DisclosurePolicy policy) {
    return switch (figure.unit()) {
      case FigureDefinition.PERSONS -> policy.isSmall(stats.distinctPersons());
      case FigureDefinition.RATE -> policy.isSmall(stats.count()) || policy.isSmall(stats.flagged());
      case FigureDefinition.DAYS -> policy.isSmall(stats.days().count());
      default -> policy.isSmall(stats.count());
    };
  }

  private static String countedUnit(FigureDefinition figure) {
    return switch (figure.unit()) {
      case FigureDefinition.RATE -> "crimes in its numerator or denominator";
      case FigureDefinition.DAYS -> "outcomes";
      default -> figure.unit();
    };
  }

  private static Headline withheld(Headline row, String why, LocalDate asAt) {
    return new Headline(
        row.getFigureId(),
        row.getUnit(),
        row.getValue(),
        null,
        "Not published: " + why + " (disclosure control; as at " + NumberFormats.longDate(asAt) + ").");
  }

  private static String single(Map<String, List<String>> filters, String key) {
    List<String> values = filters.get(key);
    return values != null && values.size() == 1 ? values.get(0) : null;
  }

  private static Map<String, FigureDefinition> byId(List<FigureDefinition> figures) {
    Map<String, FigureDefinition> byId = new LinkedHashMap<>();
    figures.forEach(f -> byId.put(f.id(), f));
    return byId;
  }
}
