package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real CLI on the hand-worked fixture ({@code fixtures/handworked/}, its own reference
 * data included) and asserts every table cell and headline value against {@link
 * HandWorkedExpectations}, where the working is written out. Rows are compared in the order they
 * are stored in the Parquet file, so this also checks OUTPUTS.md's sort rule on cases chosen to
 * tell code-point order from other orders.
 */
class HandWorkedFixturesTest {

  @TempDir static Path temp;
  private static Path input;
  private static Path run;
  private static Cli.Result result;
  private static Connection db;

  @BeforeAll
  static void runPipeline() {
    input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
    run = temp.resolve("runs").resolve("handworked");
    result =
        Cli.run(
            "run",
            "--input", input.toString(),
            "--output", run.toString(),
            "--as-at", HandWorkedExpectations.AS_AT.toString());
    db = Duck.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static void assertRunSucceeded() {
    assertThat(result.exitCode()).as(result.describe()).isZero();
  }

  @Test
  void runSucceedsWithNoRejects() {
    assertRunSucceeded();
    JsonNode manifest = RunFolder.manifest(run);
    assertThat(manifest.path("as_at").asText()).isEqualTo("2025-10-31");
    Map<String, Long> rowsRead = new LinkedHashMap<>();
    for (String file : List.of("arrests.csv", "outcomes.csv", "protection_orders.csv")) {
      JsonNode in = RunFolder.input(manifest, file);
      rowsRead.put(file, in.path("rows_read").asLong());
      assertThat(in.path("rows_rejected").asLong()).as(file + " rows_rejected").isZero();
      assertThat(in.path("rows_accepted").asLong()).as(file + " rows_accepted")
          .isEqualTo(in.path("rows_read").asLong());
    }
    assertThat(rowsRead)
        .containsExactly(
            Map.entry("arrests.csv", 10L),
            Map.entry("outcomes.csv", 17L),
            Map.entry("protection_orders.csv", 10L));
  }

  @Test
  void everyTableHoldsExactlyTheHandWorkedRowsInKeyOrder() {
    assertRunSucceeded();
    RowAssert.assertAll(
        HandWorkedExpectations.TABLES.keySet(),
        table -> {
          TableSpec spec = TableSpec.of(table);
          Path parquet = run.resolve("restricted").resolve(table + ".parquet");
          assertThat(parquet).as(table).exists();
          assertThat(TableCompare.schemaDifferences(db, spec, parquet)).isEmpty();
          RowAssert.assertSameRows(
              "restricted/" + table + ".parquet, rows in file order",
              Duck.rowsInFileOrder(db, parquet, spec.names()),
              HandWorkedExpectations.TABLES.get(table));
        });
  }

  @Test
  void headlineValuesAreTheHandWorkedOnes() {
    assertRunSucceeded();
    Path parquet = run.resolve("restricted").resolve("headlines.parquet");
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (List<Object> row :
        Duck.rows(db, "SELECT figure_id, unit, value FROM " + Duck.parquet(parquet))) {
      values.put((String) row.get(0), row.get(2) == null ? null : ((Number) row.get(2)).doubleValue());
      units.put((String) row.get(0), (String) row.get(1));
    }
    List<String> failures = new ArrayList<>();
    HandWorkedExpectations.HEADLINES.forEach(
        (id, expected) -> {
          Double actual = values.get(id);
          if (actual == null || Math.abs(actual - expected) > 1e-9) {
            failures.add(id + ": expected " + expected + ", pipeline " + actual);
          }
          if (!SqlOracle.HEADLINE_UNITS.get(id).equals(units.get(id))) {
            failures.add(id + ": unit expected " + SqlOracle.HEADLINE_UNITS.get(id) + ", pipeline " + units.get(id));
          }
        });
    assertThat(failures).as("headline figures " + values).isEmpty();
  }

  @Test
  void noIdentifierLeavesTheRestrictedSide() {
    assertRunSucceeded();
    List<String> ids = HandWorkedExpectations.IDENTIFIERS;
    assertThat(RunFolder.identifiersInPublish(db, run, ids)).isEmpty();
    assertThat(RunFolder.identifiersInText(run.resolve("manifest.json"), "manifest.json", ids)).isEmpty();
    assertThat(RunFolder.identifiersInText(result.console(), "console output", ids)).isEmpty();
  }

  @Test
  void publishHasTheSameTablesForNow() {
    assertRunSucceeded();
    for (String table : HandWorkedExpectations.TABLES.keySet()) {
      assertThat(run.resolve("publish").resolve(table + ".parquet")).exists();
    }
    assertThat(run.resolve("publish").resolve("headlines.json")).exists();
    assertThat(run.resolve("publish").resolve("headlines.md")).exists();
    assertThat(Files.exists(run.resolve("publish").resolve("rejects"))).isFalse();
  }
}
