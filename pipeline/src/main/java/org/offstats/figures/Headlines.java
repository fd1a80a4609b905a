package org.offstats.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offstats.domain.NumberFormats;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;

/**
 * Turns each figure's exact statistics into its headline row: the exact value in its unit, the
 * published value after the definition's rounding rule, and the statement filled from its template.
 * Plain Java, unit-tested without a pipeline.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * One row per definition, in definition order; a figure with no records has a null value. A
   * statement quoting another figure ({@code {published:figure_id}}) shows that figure's published
   * value, and is not available when that figure has none.
   */
  public static List<Headline> build(List<FigureDefinition> figures, Map<String, CellStats> statsById, LocalDate asAt) {
    Map<String, Double> values = new HashMap<>();
    Map<String, Double> publishedValues = new HashMap<>();
    Map<String, FigureDefinition> byId = new HashMap<>();
    for (FigureDefinition figure : figures) {
      Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAt);
      CellStats stats = statsById.getOrDefault(figure.id(), new CellStats());
      Double value = window.isPresent() ? exactValue(figure.unit(), stats) : null;
      Double published = value == null ? null : figure.rounding().apply(value);
      if (published != null && figure.rounding().method().startsWith("floor") && value <= 0) {
        // a rounded-down figure reads "more than X": with nothing counted no such X is true
        published = null;
      }
      values.put(figure.id(), value);
      publishedValues.put(figure.id(), published);
      byId.put(figure.id(), figure);
    }
    List<Headline> rows = new ArrayList<>();
    for (FigureDefinition figure : figures) {
      String period = FigureMatcher.window(figure.period(), asAt).map(FigureMatcher.Window::words).orElse("no complete financial year");
      Double value = values.get(figure.id());
      Double published = publishedValues.get(figure.id());
      String statement;
      Optional<String> unquotable = StatementChecks.quoted(figure.statement()).stream().filter(id -> publishedValues.get(id) == null).findFirst();
      if (published == null) {
        statement = "Not available: no " + figure.unit() + " to report for " + period + " (as at " + NumberFormats.longDate(asAt) + ").";
      } else if (unquotable.isPresent()) {
        statement = "Not available: the statement quotes " + unquotable.get() + ", which has no published value (as at " + NumberFormats.longDate(asAt) + ").";
      } else {
        String filled = figure.statement();
        for (String id : StatementChecks.quoted(filled)) {
          filled = filled.replace("{published:" + id + "}", format(byId.get(id), publishedValues.get(id)));
        }
        statement =
            filled
                .replace("{published}", format(figure, published))
                .replace("{value}", format(figure, value))
                .replace("{as_at}", NumberFormats.longDate(asAt))
                .replace("{period}", period);
      }
      rows.add(new Headline(figure.id(), figure.unit(), value, published, statement));
    }
    return rows;
  }

  /**
   * The exact value: distinct persons, a count, a cohort rate (null with no crimes), or a median
   * (null with no outcomes).
   */
  static Double exactValue(String unit, CellStats stats) {
    return switch (unit) {
      case FigureDefinition.PERSONS -> (double) stats.distinctPersons();
      case FigureDefinition.ARRESTS, FigureDefinition.CRIMES, FigureDefinition.SEARCHES -> (double) stats.count();
      case FigureDefinition.RATE -> stats.count() == 0 ? null : (double) stats.flagged() / stats.count();
      case FigureDefinition.DAYS -> stats.days().isEmpty() ? null : stats.days().median();
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** Counts with thousands separators, rates as percentages, days as numbers. */
  static String format(FigureDefinition figure, double value) {
    return switch (figure.unit()) {
      case FigureDefinition.RATE -> NumberFormats.percent(value, percentDecimals(figure.rounding()));
      case FigureDefinition.DAYS -> value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
      default -> value == Math.rint(value) ? NumberFormats.grouped((long) value) : Double.toString(value);
    };
  }

  /** A rate rounded to 3 decimals shows as a percentage with 1. */
  private static int percentDecimals(Rounding rounding) {
    return rounding.method().equals("nearest") ? Math.max(0, rounding.digits().orElse(3) - 2) : 1;
  }
}
