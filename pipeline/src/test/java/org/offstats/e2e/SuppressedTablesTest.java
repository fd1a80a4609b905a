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
    assertThat(page.select(".warning").text()).as("the tables have the disclosure-control shape")
        .doesNotContain("has not been applied");
  }

  @Test
  void chartsLeaveOutSuppressedPointsAndSayHowMany() {
    for (ChartPoints chart : ChartPoints.of(db, copy.resolve("publish"), LATEST_COMPLETE_YEAR)) {
      assertSkipped(chart);
    }
  }

  @Test
  void showPrintsCForSuppressedCellsAndExplainsIt() {
    Cli.Result result = Cli.run("show", copy.toString(), "charge_rates", "--where", "scope=Rape", "--limit", "0");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    assertThat(shown.header()).noneMatch(c -> c.endsWith("_suppressed"));
    Path rates = copy.resolve("publish/charge_rates.parquet");
    ShowCommandTest.assertSameRows(shown, ExpectedCells.read(db, rates, "scope = 'Rape'", 0));
    List<List<Object>> expected = Duck.rows(db, "SELECT crimes_recorded_suppressed FROM read_parquet(" + Duck.literal(rates)
        + ", file_row_number = true) WHERE scope = 'Rape' ORDER BY file_row_number");
    for (int r = 0; r < expected.size(); r++) {
      boolean suppressed = (Boolean) expected.get(r).get(0);
      assertThat(shown.rows().get(r).subList(3, 6)).as("row " + r)
          .allMatch(cell -> suppressed == cell.equals("[c]"));
    }
    assertThat(shown.after()).contains("[c] = suppressed to protect confidentiality (disclosure control)");

    Cli.Result onlySuppressed = Cli.run("show", copy.toString(), "charge_rates", "--where", "charge_rate=[c]", "--limit", "0");
    assertThat(onlySuppressed.exitCode()).as(onlySuppressed.describe()).isZero();
    assertThat(TextTableOutput.parse(onlySuppressed.stdout()).rows()).hasSize((int) count("charge_rates", "charge_rate_suppressed"));
  }

  private static void assertSkipped(ChartPoints chart) {
    assertThat(chart.skipped()).as(chart.figure() + ": the rule suppresses some of its cells").isPositive();
    Element figure = page.getElementById(chart.figure());
    assertThat(figure.selectFirst("figcaption").text()).as(chart.figure()).contains(chart.sentence());
    Element svg = figure.selectFirst("svg");
    assertThat(page.getElementById(svg.attr("aria-labelledby").split(" ")[1]).text()).as(chart.figure()).contains(chart.sentence());
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
