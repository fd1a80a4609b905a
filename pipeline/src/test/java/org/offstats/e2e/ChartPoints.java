package org.offstats.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * How many points of a report chart are left out because a cell they come from is suppressed, and
 * how many points it has, computed with DuckDB from a run's {@code publish/} by the report's rule
 * (a point sums published cells, and is not drawn when any of them is suppressed); and the sentence
 * its caption and description must then hold.
 */
record ChartPoints(String figure, long skipped, long points, String noun) {
  /** The charted scopes of {@code charge_rates}: rape, domestic abuse, VAWG. */
  static final String CHARTED_SCOPES =
      "((scope_type, scope) IN (('offence_subgroup', 'Rape'), ('domestic_abuse', 'Domestic abuse'), ('vawg', 'VAWG')))";

  /** "3 of 12 bars are not drawn because" (the sentence goes on to say why), or null when none is left out. */
  String sentence() {
    return skipped == 0 ? null : skipped + " of " + points + " " + noun + (skipped == 1 ? " is" : " are") + " not drawn because";
  }

  /** The four charts, in the report's order; {@code latestYear} is the latest complete financial year. */
  static List<ChartPoints> of(Connection db, Path publish, String latestYear) {
    String arrests = table(publish, "arrests_by_offence");
    long months = Duck.count(db, "SELECT count(DISTINCT month) FROM " + arrests);
    long groups = Duck.count(db, "SELECT count(DISTINCT offence_group) FROM " + arrests);
    long skippedBars = Duck.count(db, "SELECT count(*) FROM (SELECT month, offence_group FROM " + arrests
        + " GROUP BY ALL HAVING bool_or(arrests_suppressed))");
    // the share is a point from the first month with an arrest by the units (any row of theirs, suppressed or not)
    String sinceUnits = " WHERE month >= (SELECT min(month) FROM " + arrests + " WHERE unit_type = 'POU')";
    long shareMonths = Duck.count(db, "SELECT count(DISTINCT month) FROM " + arrests + sinceUnits);
    long skippedShares = Duck.count(db, "SELECT count(*) FROM (SELECT month FROM " + arrests + sinceUnits
        + " GROUP BY ALL HAVING bool_or(arrests_suppressed))");

    String rates = table(publish, "charge_rates");
    String year = "scope_type = 'all' AND financial_year = " + Duck.literal(latestYear);
    String times = table(publish, "time_to_outcome");
    String orders = table(publish, "protection_orders");
    return List.of(
        new ChartPoints("chart-arrests", skippedBars + skippedShares, months * groups + shareMonths, "points (monthly bars and share)"),
        new ChartPoints("chart-charge-rates",
            Duck.count(db, "SELECT count(*) FROM " + rates + " WHERE " + CHARTED_SCOPES + " AND charge_rate_suppressed"),
            Duck.count(db, "SELECT count(*) FROM " + rates + " WHERE " + CHARTED_SCOPES + " AND " + drawable("charge_rate")), "points"),
        new ChartPoints("chart-time-to-outcome",
            Duck.count(db, "SELECT count(*) FROM " + times + " WHERE " + year + " AND median_days_suppressed"),
            Duck.count(db, "SELECT count(*) FROM " + times + " WHERE " + year + " AND " + drawable("median_days")), "bars"),
        new ChartPoints("chart-protection-orders",
            Duck.count(db, "SELECT count(*) FROM (SELECT order_type, event FROM " + orders + " GROUP BY ALL HAVING bool_or(events_suppressed))"),
            Duck.count(db, "SELECT count(*) FROM (SELECT DISTINCT order_type, event FROM " + orders + ")"), "bars"));
  }

  /** A rate or median is a point when it has a value or is suppressed; a null that is not suppressed ([x]) is none. */
  private static String drawable(String column) {
    return "(" + column + " IS NOT NULL OR " + column + "_suppressed)";
  }

  private static String table(Path publish, String name) {
    return Duck.parquet(publish.resolve(name + ".parquet"));
  }
}
