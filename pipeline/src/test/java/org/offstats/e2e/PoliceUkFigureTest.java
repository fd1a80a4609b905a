package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: headline-style figures over police.uk data, declared like any other figure ("arrests
 * resulting from stop and search in a year, by officer-defined ethnicity"), agree with DuckDB
 * counting the raw public files with the same filters.
 */
class PoliceUkFigureTest {
  private static final List<String> FILES =
      List.of("2015-04-metropolitan-stop-and-search.csv", "2015-08-metropolitan-stop-and-search.csv", "2016-04-city-of-london-stop-and-search.csv");
  private static final String ARREST_OUTCOMES = "('Arrest', 'Suspect arrested', 'Offender arrested')";

  @Test
  void stopAndSearchArrestsByEthnicityMatchTheRawFiles(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    Path data = PoliceUkMatchesSqlTest.sharedData().resolve("lukovnikov__berlinhack");
    for (String file : FILES) {
      Files.copy(data.resolve(file), input.resolve(file));
    }
    Path figures = dir.resolve("figures.json");
    Files.writeString(figures, """
        {"version": 1, "figures": [
          {"id": "met_searches_fy2015", "unit": "searches", "source": "policeuk_stop_search",
           "filters": {"force": "metropolitan"}, "period": {"from": "2015-04-01", "to": "2016-03-31"},
           "rounding": {"method": "exact"}, "statement": "{published} searches (as at {as_at})."},
          {"id": "met_search_arrests_black_fy2015", "unit": "arrests", "source": "policeuk_stop_search",
           "filters": {"force": "metropolitan", "outcome": ["Arrest", "Suspect arrested", "Offender arrested"],
                       "officer_defined_ethnicity": "Black"},
           "period": {"from": "2015-04-01", "to": "2016-03-31"},
           "rounding": {"method": "exact"}, "statement": "{published} arrests (as at {as_at})."},
          {"id": "met_search_arrests_april_2015", "unit": "arrests", "source": "policeuk_stop_search",
           "filters": {"outcome": ["Arrest", "Suspect arrested", "Offender arrested"]},
           "period": {"from": "2015-04-01", "to": "2015-04-30"},
           "rounding": {"method": "exact"}, "statement": "{published} arrests (as at {as_at})."}
        ]}""");
    Path out = dir.resolve("run");

    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", out.toString(), "--figures", figures.toString());
    assertThat(result.exitCode()).as(result.stderr()).isZero();

    long searches;
    long blackArrests;
    long aprilArrests;
    try (Connection db = Duck.open()) {
      // independent: the raw files, month and force from the file name, as EXTRACTS.md says
      Duck.execute(db, "CREATE TABLE raw AS SELECT *, regexp_extract(filename, '(\\d{4}-\\d{2})-', 1) AS file_month,"
          + " regexp_extract(filename, '\\d{4}-\\d{2}-([a-z0-9-]+)-stop-and-search', 1) AS file_force FROM read_csv("
          + "[" + String.join(",", FILES.stream().map(f -> Duck.literal(input.resolve(f))).toList()) + "],"
          + " header=true, all_varchar=true, filename=true)");
      searches = Duck.count(db, "SELECT count(*) FROM raw WHERE file_force = 'metropolitan' AND file_month BETWEEN '2015-04' AND '2016-03'");
      blackArrests = Duck.count(db, "SELECT count(*) FROM raw WHERE file_force = 'metropolitan' AND file_month BETWEEN '2015-04' AND '2016-03'"
          + " AND \"Outcome\" IN " + ARREST_OUTCOMES + " AND \"Officer-defined ethnicity\" = 'Black'");
      aprilArrests = Duck.count(db, "SELECT count(*) FROM raw WHERE file_month = '2015-04' AND \"Outcome\" IN " + ARREST_OUTCOMES);
    }
    assertThat(blackArrests).isPositive();

    JsonNode headlines = new ObjectMapper().readTree(out.resolve("publish/headlines.json").toFile());
    assertThat(published(headlines, "met_searches_fy2015")).isEqualTo(searches);
    assertThat(published(headlines, "met_search_arrests_black_fy2015")).isEqualTo(blackArrests);
    assertThat(published(headlines, "met_search_arrests_april_2015")).isEqualTo(aprilArrests);
    assertThat(Files.readString(out.resolve("manifest.json"))).contains(figures.toString());
  }

  @Test
  void aPeriodEndingAtAsAtLeavesOutLaterPoliceUkMonths(@TempDir Path dir) throws Exception {
    // police.uk records have no as-at bound of their own: a figure "to as_at" must stop there.
    // Two street files, October (3 records) and December (2 records) 2025; as-at 31 October 2025.
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    String header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
        + "Last outcome category,Context\n";
    String row = ",%s,City of London Police,City of London Police,,,,,,Anti-social behaviour,,\n";
    Files.writeString(input.resolve("2025-10-city-of-london-street.csv"), header + row.formatted("2025-10").repeat(3));
    Files.writeString(input.resolve("2025-12-city-of-london-street.csv"), header + row.formatted("2025-12").repeat(2));
    Path figures = dir.resolve("figures.json");
    Files.writeString(figures, """
        {"version": 1, "figures": [
          {"id": "asb_to_as_at", "unit": "crimes", "source": "policeuk_street_by_type", "filters": {},
           "period": {"from": "2025-01-01", "to": "as_at"}, "rounding": {"method": "exact"},
           "statement": "{published} records (as at {as_at})."}
        ]}""");
    Path out = dir.resolve("run");

    Cli.Result result =
        Cli.run("run", "--input", input.toString(), "--output", out.toString(), "--figures", figures.toString(), "--as-at", "2025-10-31");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    // the exact count: 3 records up to as-at (restricted/); 3 is under the disclosure threshold of
    // 10, so publish/ withholds it
    try (java.sql.Connection db = Duck.open()) {
      assertThat(Duck.rows(db, "SELECT value FROM " + Duck.parquet(out.resolve("restricted/headlines.parquet")) + " WHERE figure_id = 'asb_to_as_at'"))
          .containsExactly(List.of(3.0));
    }
    JsonNode headlines = new ObjectMapper().readTree(out.resolve("publish/headlines.json").toFile());
    JsonNode figure = figure(headlines, "asb_to_as_at");
    assertThat(figure.get("published_value").isNull()).isTrue();
    assertThat(figure.get("statement").asText()).startsWith("Not published: it counts fewer than 10 crimes");
  }

  private static long published(JsonNode headlines, String id) {
    return figure(headlines, id).get("published_value").asLong();
  }

  private static JsonNode figure(JsonNode headlines, String id) {
    for (JsonNode figure : headlines.get("figures")) {
      if (figure.get("figure_id").asText().equals(id)) {
        return figure;
      }
    }
    throw new AssertionError("no figure " + id);
  }
}
