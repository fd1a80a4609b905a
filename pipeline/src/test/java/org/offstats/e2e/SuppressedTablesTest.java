package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape disclosure control gives {@code publish/} (OUTPUTS.md "Suppression in publish/"): each
 * measure {@code m} has a BOOLEAN {@code m_suppressed}, and {@code m} is null when it is true. A
 * copy of the run is given that shape with DuckDB, by rules chosen only so that some cells of each
 * charted table are suppressed (which cells a real rule picks does not matter here, only how they
 * show). Then {@code offstats report} and {@code offstats show} on the copy: suppressed cells show
 * as {@code [c]} with the note, and the charts leave their points out and say how many.
 */
class SuppressedTablesTest {
  private static final String LATEST_COMPLETE_YEAR = "2024-25";
  private static final String RATES_RULE = "crimes_recorded < 10 OR (scope = 'Rape' AND financial_year = '" + LATEST_COMPLETE_YEAR + "')";
  private static final String ARRESTS_RULE = "arrests = 1 AND unit_type = 'TSG'";
  private static final String TIMES_RULE = "outcomes < 10";
  private static final String ORDERS_RULE = "events < 2";
  private static final String CHARTED_SCOPES =
      "((scope_type, scope) IN (('offence_subgroup', 'Rape'), ('domestic_abuse', 'Domestic abuse'), ('vawg', 'VAWG')))";

  private static Path copy;
  private static Document page;
  private static Connection db;

  @BeforeAll
  static void suppressAndReport() throws IOException {
    Path run = ReportFixture.run();
    copy = AuditFixtures.copyTree(run, ReportFixture.scratch("suppressed").resolve("run"));
    db = Duck.open();
    suppress(run, "charge_rates", List.of("crimes_recorded", "charged_summonsed", "charge_rate"), RATES_RULE);
    suppress(run, "arrests_by_offence", List.of("arrests", "persons"), ARRESTS_RULE);
    suppress(run, "time_to_outcome", List.of("outcomes", "median_days", "p25_days", "p75_days"), TIMES_RULE);
    suppress(run, "protection_orders", List.of("events"), ORDERS_RULE);
    Cli.Result result = Cli.run("report", copy.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    page = Jsoup.parse(copy.resolve("report/index.html").toFile(), "UTF-8");
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void suppressedCellsShowAsCWithTheNoteAndTheCompanionsAreNotColumns() {
    Element table = page.selectFirst("h3#table-charge_rates ~ div.scroll table");
    assertThat(table.select("thead th").eachText()).containsExactly("financial_year", "scope_type", "scope", "crimes_recorded",
        "charged_summonsed", "charge_rate");
    long suppressedRows = count("charge_rates", "financial_year = '" + LATEST_COMPLETE_YEAR + "' AND crimes_recorded_suppressed");
    assertThat(suppressedRows).isPositive();
    assertThat(table.select("td").eachText().stream().filter("[c]"::equals).count()).isEqualTo(3 * suppressedRows);
    assertThat(page.select("h3#table-charge_rates ~ p.note").eachText())
        .contains("[c] = suppressed to protect confidentiality (disclosure control).");
    assertThat(page.select(".warning")).as("the tables have the disclosure-control shape").isEmpty();
  }

  @Test
  void chartsLeaveOutSuppressedPointsAndSayHowMany() {
    assertSkipped("chart-charge-rates",
        count("charge_rates", CHARTED_SCOPES + " AND charge_rate_suppressed"), count("charge_rates", CHARTED_SCOPES), "points");

    String arrests = Duck.parquet(copy.resolve("publish/arrests_by_offence.parquet"));
    long months = Duck.count(db, "SELECT count(DISTINCT month) FROM " + arrests);
    long groups = Duck.count(db, "SELECT count(DISTINCT offence_group) FROM " + arrests);
    long skippedBars = Duck.count(db, "SELECT count(*) FROM (SELECT month, offence_group FROM " + arrests
        + " GROUP BY ALL HAVING bool_or(arrests_suppressed))");
    long skippedShares = Duck.count(db, "SELECT count(*) FROM (SELECT month FROM " + arrests + " GROUP BY ALL HAVING bool_or(arrests_suppressed))");
    assertSkipped("chart-arrests", skippedBars + skippedShares, months * groups + months, "points (monthly bars and share)");

    String year = "scope_type = 'all' AND financial_year = '" + LATEST_COMPLETE_YEAR + "'";
    assertSkipped("chart-time-to-outcome", count("time_to_outcome", year + " AND median_days_suppressed"),
        count("time_to_outcome", year), "bars");

    String orders = Duck.parquet(copy.resolve("publish/protection_orders.parquet"));
    assertSkipped("chart-protection-orders",
        Duck.count(db, "SELECT count(*) FROM (SELECT order_type, event FROM " + orders + " GROUP BY ALL HAVING bool_or(events_suppressed))"),
        Duck.count(db, "SELECT count(*) FROM (SELECT DISTINCT order_type, event FROM " + orders + ")"), "bars");
  }

  @Test
  void showPrintsCForSuppressedCellsAndExplainsIt() {
    Cli.Result result = Cli.run("show", copy.toString(), "charge_rates", "--where", "scope=Rape", "--limit", "0");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    assertThat(shown.header()).noneMatch(c -> c.endsWith("_suppressed"));
    List<List<Object>> expected = Duck.rows(db, "SELECT financial_year, scope_type, scope, crimes_recorded, charged_summonsed,"
        + " charge_rate, crimes_recorded_suppressed FROM read_parquet(" + Duck.literal(copy.resolve("publish/charge_rates.parquet"))
        + ", file_row_number = true) WHERE scope = 'Rape' ORDER BY file_row_number");
    ShowCommandTest.assertSameRows(shown, expected);
    for (int r = 0; r < expected.size(); r++) {
      boolean suppressed = (Boolean) expected.get(r).get(6);
      assertThat(shown.rows().get(r).subList(3, 6)).as("row " + r)
          .allMatch(cell -> suppressed == cell.equals("[c]"));
    }
    assertThat(shown.after()).contains("[c] = suppressed to protect confidentiality (disclosure control)");

    Cli.Result onlySuppressed = Cli.run("show", copy.toString(), "charge_rates", "--where", "charge_rate=[c]", "--limit", "0");
    assertThat(onlySuppressed.exitCode()).as(onlySuppressed.describe()).isZero();
    assertThat(TextTableOutput.parse(onlySuppressed.stdout()).rows()).hasSize((int) count("charge_rates", "charge_rate_suppressed"));
  }

  private static void assertSkipped(String figure, long skipped, long points, String what) {
    assertThat(skipped).as(figure + ": the rule suppresses some of its cells").isPositive();
    String sentence = skipped + " of " + points + " " + what + (skipped == 1 ? " is" : " are") + " not drawn because";
    Element chart = page.getElementById(figure);
    assertThat(chart.selectFirst("figcaption").text()).as(figure).contains(sentence);
    Element svg = chart.selectFirst("svg");
    assertThat(page.getElementById(svg.attr("aria-labelledby").split(" ")[1]).text()).as(figure).contains(sentence);
  }

  private static long count(String table, String where) {
    return Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(copy.resolve("publish").resolve(table + ".parquet")) + " WHERE " + where);
  }

  /** Rewrites the copy's table from the exact one in restricted/, with a suppression companion after each measure, by {@code rule}. */
  private static void suppress(Path run, String table, List<String> measures, String rule) throws IOException {
    Path source = run.resolve("restricted").resolve(table + ".parquet");
    Path target = copy.resolve("publish").resolve(table + ".parquet");
    Files.delete(target);
    List<String> select = new ArrayList<>();
    for (List<Object> column : Duck.rows(db, "DESCRIBE SELECT * FROM " + Duck.parquet(source))) {
      String name = column.get(0).toString();
      if (measures.contains(name)) {
        select.add("CASE WHEN " + rule + " THEN NULL ELSE " + Duck.ident(name) + " END AS " + Duck.ident(name));
        select.add("coalesce(" + rule + ", false) AS " + Duck.ident(name + "_suppressed"));
      } else {
        select.add(Duck.ident(name));
      }
    }
    Duck.execute(db, "COPY (SELECT " + String.join(", ", select) + " FROM read_parquet(" + Duck.literal(source)
        + ", file_row_number = true) ORDER BY file_row_number) TO " + Duck.literal(target) + " (FORMAT PARQUET)");
  }
}
