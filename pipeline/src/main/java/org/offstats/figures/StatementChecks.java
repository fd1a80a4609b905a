package org.offstats.figures;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offstats.extract.InputException;

/**
 * Wording checks on statement templates, run when the definitions are loaded so that a bad
 * statement stops the run before any work (exit 2, naming the figure). A press officer must never
 * publish "3,200 individuals, of which 1,890 arrests": a template that joins figures of different
 * units of count with "of which" is an error, and so is a template that names a period its figure
 * does not count (a month and year after "since" or "in" that is not where its period starts, or a
 * financial year written out where the period is the latest complete one and changes with
 * as-at). A definition may accept a flagged wording explicitly with {@code "acknowledge": "why"};
 * the acknowledgement is printed under the statement in {@code headlines.md}.
 *
 * <p>A template quotes another figure's published value with {@code {published:figure_id}}.
 */
public final class StatementChecks {
  /** {@code {published:figure_id}}: another figure's published value in this statement. */
  static final Pattern QUOTED = Pattern.compile("\\{published:([A-Za-z0-9_]+)\\}");

  private static final Pattern OF_WHICH = Pattern.compile("\\bof (which|whom)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b((?i:since|in|from))\\s+(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{4})\\b");
  private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\b(\\d{4})[-/](\\d{2})\\b");

  private StatementChecks() {}

  /** The ids of the figures a template quotes, in order of first mention. */
  public static Set<String> quoted(String template) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = QUOTED.matcher(template);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** Every figure's statement checked against its own and the quoted figures' definitions. */
  static void check(List<FigureDefinition> figures, Map<String, String> acknowledgements, String location) {
    Map<String, FigureDefinition> byId = new java.util.HashMap<>();
    figures.forEach(f -> byId.put(f.id(), f));
    for (FigureDefinition figure : figures) {
      List<String> problems = problems(figure, byId);
      if (!problems.isEmpty() && !acknowledgements.containsKey(figure.id())) {
        throw new InputException(
            location + ": figure '" + figure.id() + "': " + problems.get(0)
                + " (fix the statement, or accept it with \"acknowledge\": \"why\" in the definition)");
      }
    }
  }

  /** What is wrong with a figure's wording, if anything; empty when none. */
  static List<String> problems(FigureDefinition figure, Map<String, FigureDefinition> byId) {
    List<String> problems = new ArrayList<>();
    String template = figure.statement();
    for (String id : quoted(template)) {
      FigureDefinition other = byId.get(id);
      if (other == null) {
        throw new InputException("figure '" + figure.id() + "': the statement quotes {published:" + id + "}, which is not a figure");
      }
      if (OF_WHICH.matcher(template).find() && !other.unit().equals(figure.unit())) {
        problems.add("the statement joins " + figure.unit() + " and " + other.unit() + " (" + id + ") with \"of which\": they are different units of count");
      }
      if (!other.period().equals(figure.period())) {
        problems.add("the statement quotes " + id + ", whose period differs from this figure's");
      }
    }
    Matcher monthYear = MONTH_YEAR.matcher(template);
    while (monthYear.find()) {
      LocalDate from = figure.period().from() == null || figure.period().from().equals(FigureDefinition.Period.AS_AT) ? null : LocalDate.parse(figure.period().from());
      Month month = Month.valueOf(monthYear.group(2).toUpperCase(Locale.ROOT));
      int year = Integer.parseInt(monthYear.group(3));
      if (from == null || from.getMonth() != month || from.getYear() != year) {
        problems.add(
            "the statement says \"" + monthYear.group() + "\" but the figure's period "
                + (from == null ? "has no start date" : "starts on " + from)
                + " (" + month.getDisplayName(TextStyle.FULL, Locale.UK) + " " + year + " does not match)");
      }
    }
    if (FigureDefinition.Period.LATEST_COMPLETE.equals(figure.period().financialYear())) {
      Matcher year = FINANCIAL_YEAR.matcher(template);
      if (year.find()) {
        problems.add("the statement names the financial year " + year.group() + " but the figure's period is the latest complete one, which moves with as-at: use {period}");
      }
    }
    return problems;
  }
}
