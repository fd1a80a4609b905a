package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disclosure control in {@code publish/} (issue 4, OUTPUTS.md "Suppression in publish/"), checked
 * from the outside: every published force table is compared with its exact twin in {@code
 * restricted/} by SQL, with the threshold of the policy file in the repository.
 */
class DisclosureControlTest {
  private static final long THRESHOLD = 10;

  /** Each force table's count measures, and the rates or quantiles computed from them. */
  private static final Map<String, List<String>> COUNTS =
      Map.of(
          "arrests_by_offence", List.of("arrests", "persons"),
          "arrests_by_bcu", List.of("arrests"),
          "arrests_by_offence_group", List.of("arrests"),
          "arrests_by_demographics", List.of("arrests"),
          "arrest_outcomes", List.of("arrests", "arrests_charged"),
          "outcomes_by_offence", List.of("crimes"),
          "charge_rates", List.of("crimes_recorded", "charged_summonsed"),
          "time_to_outcome", List.of("outcomes"),
          "protection_orders", List.of("events"));

  private static final Map<String, Map<String, List<String>>> DERIVED =
      Map.of(
          "charge_rates", Map.of("charge_rate", List.of("charged_summonsed", "crimes_recorded")),
          "time_to_outcome", Map.of("median_days", List.of("outcomes"), "p25_days", List.of("outcomes"), "p75_days", List.of("outcomes")));

  @TempDir static Path temp;
  private static Path run;
  private static Cli.Result result;
  private static Connection db;

  @BeforeAll
  static void runPipeline() {
    Path input = temp.resolve("input");
    Synthetic.write(input, 3_000, 11, false);
    run = temp.resolve("run");
    result = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31");
    db = Duck.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static String join(String table) {
    return Duck.parquet(run.resolve("publish").resolve(table + ".parquet")) + " p JOIN "
        + Duck.parquet(run.resolve("restricted").resolve(table + ".parquet")) + " r USING (" + String.join(", ", keys(table)) + ")";
  }

  private static List<String> keys(String table) {
    return org.offstats.schema.Schemas.table(table).keys();
  }

  @Test
  void publishedTablesHaveTheRestrictedRowsAndKeys() {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    for (String table : COUNTS.keySet()) {
      long published = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("publish").resolve(table + ".parquet")));
      long restricted = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("restricted").resolve(table + ".parquet")));
      assertThat(published).as(table).isEqualTo(restricted);
      assertThat(Duck.count(db, "SELECT count(*) FROM " + join(table))).as(table + " joined on its keys").isEqualTo(restricted);
    }
  }

  @Test
  void smallCountsAreNullAndFlaggedAndOthersExact() {
    for (var entry : COUNTS.entrySet()) {
      String table = entry.getKey();
      for (String m : entry.getValue()) {
        String small = "r." + m + " BETWEEN 1 AND " + (THRESHOLD - 1);
        assertThat(Duck.count(db, "SELECT count(*) FROM " + join(table) + " WHERE " + small + " AND NOT (p." + m + " IS NULL AND p." + m + "_suppressed)"))
            .as(table + "." + m + ": small counts withheld").isZero();
        // every other count is published exactly or withheld (secondary suppression), never altered
        assertThat(Duck.count(db, "SELECT count(*) FROM " + join(table) + " WHERE NOT (" + small + ") AND NOT (p." + m + " IS NULL AND p." + m + "_suppressed)"
            + " AND (p." + m + " IS DISTINCT FROM r." + m + " OR p." + m + "_suppressed)"))
            .as(table + "." + m + ": other counts exact or withheld").isZero();
        assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("publish").resolve(table + ".parquet")) + " WHERE " + m + " BETWEEN 1 AND " + (THRESHOLD - 1)))
            .as(table + "." + m + ": no published count below the threshold").isZero();
      }
    }
  }

  @Test
  void ratesAndQuantilesGoWithTheirCounts() {
    DERIVED.forEach((table, measures) -> measures.forEach((measure, from) -> {
      String anySuppressed = String.join(" OR ", from.stream().map(c -> "p." + c + "_suppressed").toList());
      assertThat(Duck.count(db, "SELECT count(*) FROM " + join(table) + " WHERE (" + anySuppressed + ") AND NOT (p." + measure + " IS NULL AND p." + measure + "_suppressed)"))
          .as(table + "." + measure + " withheld with its counts").isZero();
      assertThat(Duck.count(db, "SELECT count(*) FROM " + join(table) + " WHERE NOT (" + anySuppressed + ") AND (p." + measure + " IS DISTINCT FROM r." + measure + " OR p." + measure + "_suppressed)"))
          .as(table + "." + measure + " exact otherwise").isZero();
    }));
  }

  @Test
  void somethingIsSuppressedInThisFixture() {
    // 3,000 arrests over several years: many small cells, so the checks above are not vacuous
    assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("publish").resolve("charge_rates.parquet")) + " WHERE charge_rate_suppressed"))
        .isPositive();
    assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("publish").resolve("time_to_outcome.parquet")) + " WHERE median_days_suppressed"))
        .isPositive();
  }

  @Test
  void restrictedHasNoSuppressionColumns() {
    for (String table : COUNTS.keySet()) {
      assertThat(Duck.describe(db, run.resolve("restricted").resolve(table + ".parquet"))).noneMatch(c -> c.contains("_suppressed"));
    }
  }

  @Test
  void manifestRecordsThePolicyAndTheCounts() throws Exception {
    JsonNode disclosure = RunFolder.manifest(run).path("disclosure");
    Path policyFile = Path.of("..", "disclosure", "policy.json");
    assertThat(disclosure.path("policy").path("sha256").asText()).isEqualTo(RunFolder.sha256(policyFile));
    assertThat(disclosure.path("policy").path("threshold").asLong()).isEqualTo(THRESHOLD);
    assertThat(disclosure.path("relations").size()).isPositive();
    for (var entry : COUNTS.entrySet()) {
      String table = entry.getKey();
      long small = 0;
      long others = 0;
      for (String m : entry.getValue()) {
        small += Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("restricted").resolve(table + ".parquet")) + " WHERE " + m + " BETWEEN 1 AND " + (THRESHOLD - 1));
        others += Duck.count(db, "SELECT count(*) FROM " + join(table) + " WHERE NOT (r." + m + " BETWEEN 1 AND " + (THRESHOLD - 1) + ") AND p." + m + "_suppressed");
      }
      assertThat(disclosure.path("tables").path(table).path("primary").asLong()).as(table).isEqualTo(small);
      assertThat(disclosure.path("tables").path(table).path("secondary").asLong()).as(table).isEqualTo(others);
    }
  }
}
