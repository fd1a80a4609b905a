package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report/index.html} end to end (issue 9): written by {@code offstats run} into the run
 * folder but not listed among its outputs, and by {@code offstats report} from {@code publish/}
 * and the manifest alone. The page is parsed with jsoup and checked against what the run
 * published, read independently (headlines.json with Jackson, tables with DuckDB, the manifest).
 */
class ReportTest {
  private static final List<String> FORCE_TABLES = List.of("arrests_by_offence", "arrests_by_bcu", "arrests_by_offence_group", "arrests_by_demographics",
      "arrest_outcomes", "outcomes_by_offence", "charge_rates", "time_to_outcome", "protection_orders");
  private static final String LATEST_COMPLETE_YEAR = "2024-25";

  private static Path run;
  private static String html;
  private static Document page;
  private static JsonNode manifest;
  private static Connection db;

  @BeforeAll
  static void readReport() throws IOException {
    run = ReportFixture.run();
    html = Files.readString(run.resolve("report/index.html"), StandardCharsets.UTF_8);
    page = Jsoup.parse(html);
    manifest = RunFolder.manifest(run);
    db = Duck.open();
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void writtenByTheRunButNotAmongItsOutputs() {
    assertThat(run.resolve("report/index.html")).isRegularFile();
    List<String> outputs = new ArrayList<>();
    manifest.path("outputs").forEach(o -> outputs.add(o.path("path").asText()));
    assertThat(outputs).isNotEmpty().allMatch(p -> p.startsWith("publish/") || p.startsWith("restricted/"));
    assertThat(run.resolve("report")).isDirectoryContaining(p -> p.getFileName().toString().equals("index.html"));
    try (var files = Files.list(run.resolve("report"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).as("nothing but the page").containsExactly("index.html");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void titleAsAtDateAndHeadings() {
    assertThat(page.select("html").attr("lang")).isEqualTo("en-GB");
    assertThat(page.title()).isEqualTo("Offender-activity statistics as at 31 October 2025");
    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.select("time[datetime=" + ReportFixture.AS_AT + "]").text()).isEqualTo("31 October 2025");
    assertThat(page.select("h2").eachText())
        .containsExactly("Headline figures", "Charts", "Tables", "Data quality", "Notes and definitions", "Provenance");
  }

  @Test
  void saysNearTheTopWhatTheBundledPolicyWithholds() {
    JsonNode policy = manifest.path("disclosure").path("policy");
    assertThat(policy.path("secondary_suppression").asBoolean(false)).as("the bundled policy").isTrue();
    assertThat(page.select(".warning")).isEmpty();
    assertThat(page.select("header p.notice").text())
        .startsWith("Counts from 1 to " + (policy.path("threshold").asInt() - 1) + " are withheld and shown as [c]")
        .contains("Secondary suppression is on: further cells are withheld so that none can be worked out from published totals");
  }

  @Test
  void theBannerFollowsTheTablesAndTheManifestsPolicy() throws IOException {
    // secondary suppression off: a withheld count may be recoverable, so a warning
    Document off = reportOfACopy("secondary-off", disclosure -> {
      ((ObjectNode) disclosure.path("policy")).put("secondary_suppression", false);
    });
    Element warning = off.selectFirst("header p.warning");
    assertThat(warning).as("a warning in the page's header").isNotNull();
    assertThat(warning.text())
        .startsWith("Counts from 1 to 9 are withheld and shown as [c]")
        .contains("Secondary suppression is off, so a withheld count may in places be recoverable from published totals")
        .endsWith("check the tables before publication.")
        .doesNotContain("has not been applied");
    assertThat(off.select(".warning")).hasSize(1);

    // no policy in the manifest: the tables' shape still says control was applied, but not how
    Document unrecorded = reportOfACopy("no-policy", disclosure -> disclosure.removeAll());
    assertThat(unrecorded.select("header p.warning").text()).contains("does not record the disclosure policy")
        .doesNotContain("has not been applied");
    assertThat(unrecorded.select("table#provenance-disclosure tbody tr").eachText()).containsExactly("policy none");

    // tables without the suppressed shape (the exact ones of restricted/): not to be published as they are
    Path exact = AuditFixtures.copyTree(run, ReportFixture.scratch("exact").resolve("run"));
    for (String table : FORCE_TABLES) {
      Files.copy(run.resolve("restricted").resolve(table + ".parquet"), exact.resolve("publish").resolve(table + ".parquet"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Cli.Result result = Cli.run("report", exact.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    Document exactPage = Jsoup.parse(exact.resolve("report/index.html").toFile(), "UTF-8");
    assertThat(exactPage.select("header p.warning").text()).startsWith("Disclosure control has not been applied")
        .contains("Do not publish this report as it is");
  }

  @Test
  void headlineStatementsExactlyAsInHeadlinesJson() throws IOException {
    JsonNode headlines = new ObjectMapper().readTree(run.resolve("publish/headlines.json").toFile());
    List<String> statements = new ArrayList<>();
    headlines.path("figures").forEach(f -> statements.add(f.path("statement").asText()));
    assertThat(statements).hasSize(5);
    List<String> shown = page.select("ul.headlines > li").stream().map(Element::wholeText).toList();
    assertThat(shown).containsExactlyElementsOf(statements);
  }

  @Test
  void everyChartIsAFigureWithAnSvgItsTitleDescriptionAndCaption() {
    Map<String, ChartPoints> points = new LinkedHashMap<>();
    ChartPoints.of(db, run.resolve("publish"), LATEST_COMPLETE_YEAR).forEach(p -> points.put(p.figure(), p));
    List<Element> figures = page.select("figure");
    assertThat(figures).extracting(f -> f.id())
        .containsExactly("chart-arrests", "chart-charge-rates", "chart-time-to-outcome", "chart-protection-orders");
    for (Element figure : figures) {
      Element svg = figure.selectFirst("svg");
      assertThat(svg).as(figure.id()).isNotNull();
      assertThat(svg.attr("role")).isEqualTo("img");
      String[] labels = svg.attr("aria-labelledby").split(" ");
      assertThat(labels).hasSize(2);
      Element title = page.getElementById(labels[0]);
      Element description = page.getElementById(labels[1]);
      assertThat(title.tagName()).isEqualTo("title");
      assertThat(description.tagName()).isEqualTo("desc");
      assertThat(title.text()).isNotBlank();
      assertThat(description.text()).hasSizeGreaterThan(80);
      assertThat(svg.select("rect, path, line, polyline").size()).as(figure.id() + " draws something").isGreaterThan(10);
      assertThat(svg.select("text").size()).as(figure.id() + " has axis labels as text").isGreaterThan(3);
      assertThat(figure.select("figcaption").text()).startsWith("Figure ").contains("Source: publish/");
      // points from suppressed cells are left out, and the caption and description say how many
      String sentence = points.get(figure.id()).sentence();
      if (sentence == null) {
        assertThat(figure.select("figcaption").text()).as(figure.id()).doesNotContain("not drawn");
        assertThat(description.text()).as(figure.id()).doesNotContain("not drawn");
      } else {
        assertThat(figure.select("figcaption").text()).as(figure.id()).contains(sentence);
        assertThat(description.text()).as(figure.id()).contains(sentence);
      }
    }
  }

  @Test
  void chartDescriptionsSayWhatTheDataShow() {
    String arrests = description("chart-arrests");
    List<Object> span = Duck.rows(db, "SELECT min(month), max(month) FROM " + published("arrests_by_offence")).get(0);
    assertThat(arrests).contains("from " + monthWords(span.get(0)) + " to " + monthWords(span.get(1)));
    // arrests drawn per group: the months whose cells for the group are all published; "none drawn" when there are none
    List<List<Object>> drawn = Duck.rows(db, "SELECT offence_group, sum(arrests) FILTER (WHERE NOT suppressed) FROM (SELECT month,"
        + " offence_group, sum(arrests) AS arrests, bool_or(arrests_suppressed) AS suppressed FROM " + published("arrests_by_offence")
        + " GROUP BY ALL) GROUP BY ALL");
    assertThat(drawn).hasSizeGreaterThan(3);
    for (List<Object> group : drawn) {
      String total = group.get(1) == null || (Long) group.get(1) == 0 ? "none drawn" : String.format(Locale.UK, "%,d", (Long) group.get(1));
      assertThat(arrests).containsPattern("(: |; )" + Pattern.quote(group.get(0) + " " + total) + "[;.]");
    }

    String rates = description("chart-charge-rates");
    List<Object> years = Duck.rows(db, "SELECT min(financial_year), max(financial_year) FROM " + published("charge_rates")).get(0);
    assertThat(rates).contains(years.get(0) + " to " + years.get(1)).contains("In " + LATEST_COMPLETE_YEAR + ", the latest complete year: ");
    Map<String, String> labels = Map.of("offence_subgroup", "Rape", "domestic_abuse", "Domestic abuse", "vawg",
        "Violence against women and girls (VAWG)");
    List<List<Object>> latestRates = Duck.rows(db, "SELECT scope_type, charge_rate, charge_rate_suppressed FROM " + published("charge_rates")
        + " WHERE " + ChartPoints.CHARTED_SCOPES + " AND financial_year = " + Duck.literal(LATEST_COMPLETE_YEAR));
    assertThat(latestRates).hasSize(3);
    for (List<Object> rate : latestRates) {
      String label = labels.get(rate.get(0).toString());
      assertThat(rates).contains((Boolean) rate.get(2) ? label + " withheld ([c])"
          : label + " " + new BigDecimal(rate.get(1).toString()).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
              + "%");
    }

    String times = description("chart-time-to-outcome");
    assertThat(times).contains("crimes recorded in " + LATEST_COMPLETE_YEAR + ", the latest complete financial year");
    List<List<Object>> medians = Duck.rows(db, "SELECT outcome_group, median_days, median_days_suppressed FROM "
        + published("time_to_outcome") + " WHERE scope_type = 'all' AND financial_year = " + Duck.literal(LATEST_COMPLETE_YEAR));
    assertThat(medians).hasSizeGreaterThan(3);
    for (List<Object> median : medians) {
      if ((Boolean) median.get(2)) {
        assertThat(times).contains(median.get(0) + " withheld ([c])");
        continue;
      }
      double days = (Double) median.get(1);
      String number = days == Math.rint(days) ? Long.toString((long) days) : Double.toString(days);
      assertThat(times).contains(median.get(0) + " " + number + " day");
    }

    String orders = description("chart-protection-orders");
    // per order type, each event's total over all months, or withheld when any month's cell of it is suppressed
    for (List<Object> total : Duck.rows(db, "SELECT order_type, event, sum(events), bool_or(events_suppressed) FROM "
        + published("protection_orders") + " GROUP BY ALL")) {
      Matcher type = Pattern.compile(Pattern.quote(total.get(0) + " (") + "[^)]*\\): ([^;]*?)(;|\\. |\\.$)").matcher(orders);
      assertThat(type.find()).as(total.get(0) + " in: " + orders).isTrue();
      String event = total.get(1).toString().toLowerCase(Locale.ROOT);
      assertThat(List.of(type.group(1).split(", "))).as(total.get(0).toString()).contains((Boolean) total.get(3)
          ? event + " withheld ([c])" : String.format(Locale.UK, "%,d", (Long) total.get(2)) + " " + event);
    }
  }

  @Test
  void eachTableHasItsColumnsAsHeadersAndItsRowsOrLatestPeriod() {
    for (String table : FORCE_TABLES) {
      Element heading = page.getElementById("table-" + table);
      assertThat(heading).as(table).isNotNull();
      Element shown = page.selectFirst("h3#table-" + table + " ~ div.scroll table");
      assertThat(shown.selectFirst("caption").text()).isEqualTo(table);
      // every column but the _suppressed companions, which show as [c] in the cells instead
      List<String> columns = ExpectedCells.shownColumns(db, run.resolve("publish").resolve(table + ".parquet"));
      assertThat(columns).as(table).noneMatch(c -> c.endsWith("_suppressed"));
      assertThat(shown.select("thead th[scope=col]").eachText()).as(table).containsExactlyElementsOf(columns);
      long rows = Duck.count(db, "SELECT count(*) FROM " + published(table));
      long expected = rows;
      if (rows > 100) {
        String period = columns.get(0);
        String latest = period.equals("financial_year") ? Duck.literal(LATEST_COMPLETE_YEAR)
            : "(SELECT max(" + period + ") FROM " + published(table) + ")";
        expected = Math.min(100, Duck.count(db, "SELECT count(*) FROM " + published(table) + " WHERE " + period + " = " + latest));
      }
      assertThat(shown.select("tbody tr")).as(table).hasSize((int) expected);
      assertThat(shown.select("tbody tr").first().select("th[scope=row]")).as(table + " keys are row headers").isNotEmpty();
    }
    for (String empty : List.of("policeuk_street_by_type", "policeuk_outcomes_by_type", "policeuk_stop_search")) {
      assertThat(page.selectFirst("h3#table-" + empty + " + p + p").text()).isEqualTo("This table has no rows.");
    }
  }

  @Test
  void chargeRatesTableShowsTheLatestCompleteYearsCounts() {
    Element table = page.selectFirst("h3#table-charge_rates ~ div.scroll table");
    Map<String, List<String>> countsByScope = new LinkedHashMap<>();
    for (Element row : table.select("tbody tr")) {
      List<String> cells = row.select("th, td").eachText();
      assertThat(cells.get(0)).isEqualTo(LATEST_COMPLETE_YEAR);
      countsByScope.put(cells.get(1) + "/" + cells.get(2), cells.subList(3, 5));
      // numbers right-aligned, [c] in place of a number included
      assertThat(row.select("td").eachAttr("class")).as(cells.toString()).containsOnly("num");
    }
    Map<String, List<String>> expected = new LinkedHashMap<>();
    ExpectedCells rows = ExpectedCells.read(db, run.resolve("publish/charge_rates.parquet"),
        "financial_year = " + Duck.literal(LATEST_COMPLETE_YEAR), 0);
    for (List<Object> row : rows.rows()) {
      expected.put(row.get(1) + "/" + row.get(2), List.of(grouped(row.get(3)), grouped(row.get(4))));
    }
    assertThat(rows.suppressedCells()).as("the latest year has suppressed cells").isPositive();
    assertThat(countsByScope).containsExactlyEntriesOf(expected);
    assertThat(page.select("h3#table-charge_rates ~ p.note").eachText())
        .contains("[c] = suppressed to protect confidentiality (disclosure control).");
  }

  @Test
  void notesDefineTheTablesAndTheSuppressionMarker() {
    Element notes = page.selectFirst("section[aria-labelledby=notes]");
    assertThat(notes.text()).contains("[c]").contains("suppressed to protect confidentiality (disclosure control)");
    for (String table : FORCE_TABLES) {
      assertThat(notes.getElementById("definition-" + table)).as(table).isNotNull();
    }
    assertThat(notes.text()).contains("charged_summonsed / crimes_recorded").contains("distinct persons arrested in the cell");
  }

  @Test
  void provenanceValuesAreTheManifests() {
    Map<String, String> facts = facts("provenance-run");
    for (String field : List.of("tool_version", "git_commit", "runner", "parallelism", "as_at", "started_at", "finished_at")) {
      assertThat(facts.get(field)).as(field).isEqualTo(manifest.path(field).asText());
    }
    assertThat(facts.get("figures.sha256")).isEqualTo(manifest.path("figures").path("sha256").asText());
    Map<String, String> parameters = facts("provenance-parameters");
    manifest.path("parameters").fields().forEachRemaining(p -> {
      if (p.getValue().isValueNode()) {
        assertThat(parameters.get(p.getKey())).as(p.getKey()).isEqualTo(p.getValue().isNull() ? "none" : p.getValue().asText());
      }
    });
    assertThat(parameters.get("input")).isEqualTo(ReportFixture.input().toString());

    Map<String, String> policy = facts("provenance-disclosure");
    Map<String, String> expectedPolicy = new LinkedHashMap<>();
    manifest.path("disclosure").path("policy").fields().forEachRemaining(
        p -> expectedPolicy.put(p.getKey(), p.getValue().isNull() ? "none" : p.getValue().asText()));
    assertThat(expectedPolicy).containsKeys("threshold", "rounding_base", "secondary_suppression", "sha256");
    assertThat(policy).containsExactlyEntriesOf(expectedPolicy);
    List<List<String>> withheld = new ArrayList<>();
    manifest.path("disclosure").path("tables").fields().forEachRemaining(t -> withheld.add(List.of(t.getKey(),
        t.getValue().path("primary").asText(), t.getValue().path("secondary").asText())));
    assertThat(withheld).hasSize(FORCE_TABLES.size());
    assertThat(page.select("table#provenance-withheld tbody tr").stream().map(r -> r.select("th, td").eachText()).toList())
        .containsExactlyElementsOf(withheld);

    List<Element> rows = page.select("table#provenance-inputs tbody tr");
    assertThat(rows).hasSize(manifest.path("inputs").size()).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode input = manifest.path("inputs").get(i);
      List<String> cells = rows.get(i).select("th, td").eachText();
      assertThat(cells).containsExactly(input.path("path").asText(), input.path("extract").asText(), input.path("sha256").asText(),
          input.path("bytes").asText(), input.path("rows_read").asText(), input.path("rows_accepted").asText(),
          input.path("rows_rejected").asText());
    }
    assertThat(manifest.path("inputs").get(0).path("rows_rejected").asLong()).as("the fixture has bad rows").isPositive();
  }

  @Test
  void dataQualityShowsTheManifestsCountsAndWithholdsSmallOnes() {
    JsonNode quality = manifest.path("quality");
    int threshold = manifest.path("disclosure").path("policy").path("threshold").asInt();
    assertThat(threshold).isEqualTo(10);
    Element section = page.selectFirst("section:has(h2#quality)");
    assertThat(section).isNotNull();
    assertThat(section.text()).contains("not of people").contains("from 1 to 9 is shown as [c]");
    Map<String, List<String>> measures = Map.of("arrests", List.of("ethnicity_not_stated", "sex_unknown", "age_band_unknown"),
        "outcomes", List.of("no_outcome_yet"), "protection_orders", List.of());
    boolean anyWithheld = false;
    for (String extract : List.of("arrests", "outcomes", "protection_orders")) {
      Element table = section.selectFirst("table#quality-" + extract);
      assertThat(table).as(extract).isNotNull();
      assertThat(table.select("thead th").eachAttr("scope")).as(extract).hasSize(2 + 2 * measures.get(extract).size()).containsOnly("col");
      List<List<String>> expected = new ArrayList<>();
      for (var year : (Iterable<Map.Entry<String, JsonNode>>) () -> quality.path(extract).path("years").fields()) {
        long accepted = year.getValue().path("accepted").asLong();
        List<String> row = new ArrayList<>(List.of(year.getKey(), shown(accepted)));
        for (String measure : measures.get(extract)) {
          long count = year.getValue().path(measure).path("count").asLong(-1);
          row.add(shown(count));
          boolean withheld = (count >= 1 && count <= 9) || (accepted >= 1 && accepted <= 9);
          anyWithheld |= withheld;
          row.add(withheld ? "[c]" : String.format(Locale.UK, "%.4f", year.getValue().path(measure).path("share").asDouble()));
        }
        expected.add(row);
      }
      assertThat(expected).as(extract + " years").isNotEmpty();
      assertThat(table.select("tbody tr").stream().map(r -> r.select("th, td").eachText()).toList()).as(extract)
          .containsExactlyElementsOf(expected);
      assertThat(table.select("tbody th").eachAttr("scope")).containsOnly("row");
    }
    List<List<String>> rejects = new ArrayList<>();
    for (var extract : (Iterable<Map.Entry<String, JsonNode>>) () -> quality.fields()) {
      long total = 0;
      for (var input : manifest.path("inputs")) {
        if (input.path("extract").asText().equals(extract.getKey())) {
          total += input.path("rows_rejected").asLong();
        }
      }
      assertThat(extract.getValue().path("rows_rejected").asLong()).as(extract.getKey()).isEqualTo(total);
      String name = section.selectFirst("table#quality-" + extract.getKey() + " caption").text().split(":")[0];
      rejects.add(List.of(name, "all reasons", shown(total)));
      for (var reason : (Iterable<Map.Entry<String, JsonNode>>) () -> extract.getValue().path("rejects_by_reason").fields()) {
        long count = reason.getValue().asLong();
        anyWithheld |= count >= 1 && count <= 9;
        rejects.add(List.of(name, reason.getKey(), shown(count)));
      }
    }
    assertThat(section.select("table#quality-rejects tbody tr").stream().map(r -> r.select("th, td").eachText()).toList())
        .containsExactlyElementsOf(rejects);
    assertThat(anyWithheld).as("the fixture has small counts, so [c] is checked").isTrue();
    assertThat(section.select("td").eachText()).noneMatch(t -> t.matches("[1-9]"));
  }

  @Test
  void dataQualityWithholdsPlantedSmallCountsAndEscapes() throws IOException {
    Document remade = reportOfAManifest("quality", copied -> {
      ObjectNode arrests = (ObjectNode) copied.path("quality").path("arrests");
      ObjectNode year = ((ObjectNode) arrests.path("years")).putObject("2099-00");
      year.put("accepted", 1234);
      year.putObject("ethnicity_not_stated").put("count", 5).put("share", new BigDecimal("0.0041"));
      year.putObject("sex_unknown").put("count", 0).put("share", new BigDecimal("0.0000"));
      year.putObject("age_band_unknown").put("count", 10).put("share", new BigDecimal("0.0081"));
      ((ObjectNode) arrests.path("rejects_by_reason")).put("<b>X</b>", 3).put("BIG", 1000);
    });
    Element row = remade.select("table#quality-arrests tbody tr").stream()
        .filter(r -> r.selectFirst("th").text().equals("2099-00")).findFirst().orElseThrow();
    assertThat(row.select("th, td").eachText()).containsExactly("2099-00", "1,234", "[c]", "[c]", "0", "0.0000", "10", "0.0081");
    List<List<String>> rejects = remade.select("table#quality-rejects tbody tr").stream().map(r -> r.select("th, td").eachText()).toList();
    assertThat(rejects).contains(List.of("Arrests", "<b>X</b>", "[c]"), List.of("Arrests", "BIG", "1,000"));
    assertThat(remade.select("section b")).isEmpty();
  }

  /** A quality count as the report shows it: 1 to 9 withheld, others grouped. */
  private static String shown(long count) {
    return count >= 1 && count <= 9 ? "[c]" : String.format(Locale.UK, "%,d", count);
  }

  @Test
  void fetchesNothing() {
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
    assertThat(page.select("script, link, iframe, object, embed, img, video, audio, source, base")).isEmpty();
    assertThat(page.select("[src]")).isEmpty();
    assertThat(page.select("[href]").eachAttr("href")).isNotEmpty().allMatch(href -> href.startsWith("#"));
    Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
    while (urls.find()) {
      assertThat(urls.group(1)).startsWith("#");
    }
    assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
  }

  @Test
  void holdsNoIdentifierOfTheInputs() throws IOException {
    List<String> identifiers = PrivacyScanTest.identifiersIn(ReportFixture.input());
    assertThat(identifiers).hasSizeGreaterThan(3000);
    assertThat(RunFolder.identifiersInText(html, "report/index.html", identifiers)).isEmpty();
  }

  @Test
  void reportCommandRemakesTheSamePageFromPublishAndTheManifestAlone() throws IOException {
    Path copy = ReportFixture.scratch("publish-only").resolve("run");
    Files.createDirectories(copy);
    Files.copy(run.resolve("manifest.json"), copy.resolve("manifest.json"));
    AuditFixtures.copyTree(run.resolve("publish"), copy.resolve("publish"));

    Cli.Result result = Cli.run("report", copy.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout().strip()).isEqualTo("offstats report: wrote " + copy.resolve("report/index.html"));
    assertThat(Files.readString(copy.resolve("report/index.html"), StandardCharsets.UTF_8)).as("same bytes").isEqualTo(html);
  }

  @Test
  void everyTextIsEscaped() throws IOException {
    Path copy = AuditFixtures.copyTree(run, ReportFixture.scratch("escaped").resolve("run"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode headlines = (ObjectNode) json.readTree(copy.resolve("publish/headlines.json").toFile());
    String hostile = "<script>alert('x')</script> & <b>\"bold\"</b>";
    ((ObjectNode) headlines.path("figures").get(0)).put("statement", hostile);
    json.writeValue(copy.resolve("publish/headlines.json").toFile(), headlines);

    Cli.Result result = Cli.run("report", copy.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    Document remade = Jsoup.parse(copy.resolve("report/index.html").toFile(), "UTF-8");
    assertThat(remade.select("ul.headlines > li").first().wholeText()).isEqualTo(hostile);
    assertThat(remade.select("script, b")).isEmpty();
  }

  @Test
  void aFolderThatIsNotARunIsBadUsage() {
    Path notARun = ReportFixture.scratch("not-a-run");
    Cli.Result result = Cli.run("report", notARun.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip()).startsWith("offstats: error: ").contains("manifest.json").doesNotContain("\n");
    assertThat(notARun.resolve("report")).doesNotExist();

    Cli.Result help = Cli.run("report", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("RUN_DIR").contains("report/index.html");
  }

  /** A copy of the run with its manifest's {@code disclosure} section changed, and the page {@code offstats report} makes of it. */
  private static Document reportOfACopy(String name, java.util.function.Consumer<ObjectNode> change) throws IOException {
    return reportOfAManifest(name, manifest -> change.accept((ObjectNode) manifest.path("disclosure")));
  }

  /** A copy of the run with its manifest changed, and the page {@code offstats report} makes of it. */
  private static Document reportOfAManifest(String name, java.util.function.Consumer<ObjectNode> change) throws IOException {
    Path copy = AuditFixtures.copyTree(run, ReportFixture.scratch(name).resolve("run"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode copied = (ObjectNode) json.readTree(copy.resolve("manifest.json").toFile());
    change.accept(copied);
    json.writeValue(copy.resolve("manifest.json").toFile(), copied);
    Cli.Result result = Cli.run("report", copy.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return Jsoup.parse(copy.resolve("report/index.html").toFile(), "UTF-8");
  }

  /** A count as the report shows it: thousands separators, or the marker as it is. */
  private static String grouped(Object count) {
    return count instanceof Long n ? String.format(Locale.UK, "%,d", n) : count.toString();
  }

  private static String description(String figure) {
    Element svg = page.getElementById(figure).selectFirst("svg");
    return page.getElementById(svg.attr("aria-labelledby").split(" ")[1]).text();
  }

  private static Map<String, String> facts(String tableId) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (Element row : page.select("table#" + tableId + " tbody tr")) {
      facts.put(row.selectFirst("th[scope=row]").text(), row.selectFirst("td").text());
    }
    return facts;
  }

  private static String published(String table) {
    return Duck.parquet(run.resolve("publish").resolve(table + ".parquet"));
  }

  private static String monthWords(Object month) {
    YearMonth yearMonth = YearMonth.parse(month.toString());
    return yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + yearMonth.getYear();
  }
}
