package org.offstats.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offstats.domain.NumberFormats;
import org.offstats.figures.FigureDefinition;
import org.offstats.figures.FigureMatcher;

/** A headline figure's definition in words, its period resolved against a run's as-at date. */
final class FigureWords {
  private FigureWords() {}

  static boolean overPoliceUk(FigureDefinition figure) {
    return !figure.source().equals(FigureDefinition.SOURCE_ARRESTS) && !figure.source().equals(FigureDefinition.SOURCE_CRIMES);
  }

  static String unit(FigureDefinition figure) {
    if (overPoliceUk(figure)) {
      return figure.unit() + ": matching records of the police.uk files summarised in " + figure.source()
          + ", each record counted as it is";
    }
    return switch (figure.unit()) {
      case FigureDefinition.PERSONS -> "persons: distinct person_ref among the matching arrests, over the whole period"
          + " (not a sum of monthly counts)";
      case FigureDefinition.ARRESTS -> "arrests: matching records of the arrests extract";
      case FigureDefinition.CRIMES -> "crimes: matching records of the outcomes extract";
      case FigureDefinition.RATE -> "rate: of the matching crimes (the denominator, recorded in the period), the share that also"
          + " match the numerator as at the extract; crimes with no outcome yet stay in the denominator";
      case FigureDefinition.DAYS -> "days: the " + (figure.statistic() == null ? "median" : figure.statistic())
          + " of days from recorded_date to outcome_date over the matching crimes that have an outcome (linear interpolation,"
          + " as SQL quantile_cont)";
      default -> figure.unit();
    };
  }

  static String filters(Map<String, List<String>> filters) {
    if (filters.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    filters.forEach((attribute, allowed) ->
        parts.add(attribute + (allowed.size() == 1 ? " = " + allowed.get(0) : " is one of " + String.join(", ", allowed))));
    String text = String.join(" and ", parts);
    return filters.containsKey("scope_type") || filters.containsKey("scope")
        ? text + " (matched against each of the crime's scopes, OUTPUTS.md \"Scopes\"; a crime counts once)"
        : text;
  }

  static String period(FigureDefinition figure, LocalDate asAt) {
    String dateColumn = switch (figure.source()) {
      case FigureDefinition.SOURCE_ARRESTS -> "arrest_date";
      case FigureDefinition.SOURCE_CRIMES -> "recorded_date";
      default -> "the first day of the record's month";
    };
    Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAt);
    FigureDefinition.Period period = figure.period();
    if (period.financialYear() != null) {
      return window
          .map(w -> dateColumn + " in the latest complete financial year as at " + NumberFormats.longDate(asAt)
              + " (the latest whose 31 March is on or before it): " + w.words().replace("the financial year ", "") + ", "
              + NumberFormats.longDate(w.from()) + " to " + NumberFormats.longDate(w.to()))
          .orElse("the latest complete financial year as at " + NumberFormats.longDate(asAt) + ": there is none");
    }
    FigureMatcher.Window w = window.orElseThrow();
    return dateColumn + " from " + NumberFormats.longDate(w.from()) + (period.from().equals(FigureDefinition.Period.AS_AT) ? " (the as-at date)" : "")
        + " to " + NumberFormats.longDate(w.to()) + (period.to().equals(FigureDefinition.Period.AS_AT) ? " (the as-at date)" : "")
        + ", both included";
  }
}
