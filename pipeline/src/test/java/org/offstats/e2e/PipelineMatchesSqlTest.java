package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check on realistic volume: a clean synthetic input (~3,000 arrests) goes through
 * the real CLI and through {@link SqlOracle}, and every table must agree cell by cell in both
 * directions, with the types and row order OUTPUTS.md fixes.
 */
class PipelineMatchesSqlTest {

  private static final long ARRESTS = 3_000;
  private static final long SEED = 20_251_031L;

  @TempDir static Path temp;
  private static Path input;
  private static Path run;
  private static LocalDate asAt;
  private static SqlOracle oracle;
  private static Cli.Result result;

  @BeforeAll
  static void generateAndRun() {
    input = temp.resolve("input");
    Synthetic.write(input, ARRESTS, SEED, false);
    // An explicit as-at: the latest date in the generated extracts, so nothing is out of range.
    asAt = SqlOracle.latestDate(input);
    oracle = SqlOracle.load(input, asAt);
    run = temp.resolve("runs").resolve("synthetic");
    result =
        Cli.run(
            "run",
            "--input", input.toString(),
            "--output", run.toString(),
            "--as-at", asAt.toString());
  }

  @AfterAll
  static void close() {
    if (oracle != null) {
      oracle.close();
    }
  }

  private static Connection db() {
    return oracle.db();
  }

  private static void assertRunSucceeded() {
    assertThat(result.exitCode()).as(result.describe()).isZero();
  }

  @Test
  void inputIsCleanAndNothingIsRejected() {
    assertThat(oracle.cleanlinessViolations())
        .as("SyntheticExtracts(includeBadRows=false) must write only valid records")
        .isEmpty();
    assertRunSucceeded();
    JsonNode manifest = RunFolder.manifest(run);
    assertThat(manifest.path("as_at").asText()).isEqualTo(asAt.toString());
    long arrestsRead = 0;
    for (JsonNode in : manifest.path("inputs")) {
      assertThat(in.path("rows_rejected").asLong()).as(in.path("path").asText()).isZero();
      assertThat(in.path("rows_accepted").asLong()).isEqualTo(in.path("rows_read").asLong());
      if ("arrests".equals(in.path("extract").asText())) {
        arrestsRead += in.path("rows_read").asLong();
      }
    }
    assertThat(arrestsRead).isEqualTo(Duck.count(db(), "SELECT count(*) FROM raw_arrests"));
  }

  @TestFactory
  Stream<DynamicTest> everyTableMatchesTheSqlOracle() {
    return TableSpec.FORCE_TABLES.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.name(),
                    () -> {
                      assertRunSucceeded();
                      Path parquet = run.resolve("restricted").resolve(spec.name() + ".parquet");
                      assertThat(parquet).exists();
                      List<String> differences = new ArrayList<>();
                      differences.addAll(TableCompare.schemaDifferences(db(), spec, parquet));
                      if (differences.isEmpty()) {
                        differences.addAll(
                            TableCompare.cellDifferences(
                                db(), spec, "expected_" + spec.name(), parquet));
                        differences.addAll(TableCompare.orderDifferences(db(), spec, parquet));
                      }
                      long expectedRows =
                          Duck.count(db(), "SELECT count(*) FROM expected_" + spec.name());
                      assertThat(differences)
                          .as(spec.name() + " (" + expectedRows + " expected rows)")
                          .isEmpty();
                      assertThat(expectedRows).as("the oracle found rows for " + spec.name()).isPositive();
                    }));
  }

  @Test
  void headlineValuesMatchTheSqlOracle() {
    assertRunSucceeded();
    Path parquet = run.resolve("restricted").resolve("headlines.parquet");
    List<String> columns = Duck.describe(db(), parquet);
    assertThat(columns)
        .as("restricted/headlines.parquet columns")
        .contains("figure_id VARCHAR", "unit VARCHAR", "value DOUBLE", "statement VARCHAR");
    assertThat(columns.stream().map(c -> c.split(" ")[0]).toList())
        .as("restricted/headlines.parquet column names")
        .containsExactly("figure_id", "unit", "value", "published_value", "statement");
    Map<String, Double> actual = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (List<Object> row :
        Duck.rows(db(), "SELECT figure_id, unit, value FROM " + Duck.parquet(parquet))) {
      actual.put((String) row.get(0), row.get(2) == null ? null : ((Number) row.get(2)).doubleValue());
      units.put((String) row.get(0), (String) row.get(1));
    }
    List<String> failures = new ArrayList<>();
    oracle
        .headlineValues()
        .forEach(
            (id, expected) -> {
              Double value = actual.get(id);
              boolean same =
                  expected == null
                      ? value == null
                      : value != null && Math.abs(value - expected) <= TableCompare.TOLERANCE;
              if (!same) {
                failures.add(id + ": SQL " + expected + ", pipeline " + value);
              }
              if (!SqlOracle.HEADLINE_UNITS.get(id).equals(units.get(id))) {
                failures.add(id + ": unit should be " + SqlOracle.HEADLINE_UNITS.get(id) + ", is " + units.get(id));
              }
            });
    assertThat(failures)
        .as("headlines at as-at " + asAt + " (latest complete FY "
            + SqlOracle.latestCompleteFinancialYear(asAt) + ")")
        .isEmpty();
    Path published = run.resolve("publish").resolve("headlines.parquet");
    if (Files.exists(published)) {
      assertThat(Duck.describe(db(), published))
          .as("OUTPUTS.md: `value` (DOUBLE) only in restricted/")
          .noneMatch(c -> c.startsWith("value "));
    }
  }

  @Test
  void publishHoldsNoIdentifier() {
    assertRunSucceeded();
    List<String> ids = oracle.identifiers();
    assertThat(ids).hasSizeGreaterThan((int) ARRESTS);
    assertThat(RunFolder.identifiersInPublish(db(), run, ids)).isEmpty();
    assertThat(RunFolder.identifiersInText(run.resolve("manifest.json"), "manifest.json", ids)).isEmpty();
    assertThat(RunFolder.identifiersInText(result.console(), "console output", ids)).isEmpty();
  }

  @Test
  void manifestOutputsDescribeTheFilesWritten() {
    assertRunSucceeded();
    JsonNode manifest = RunFolder.manifest(run);
    List<String> failures = new ArrayList<>();
    int parquetOutputs = 0;
    for (JsonNode output : manifest.path("outputs")) {
      Path file = run.resolve(output.path("path").asText());
      if (!Files.isRegularFile(file)) {
        failures.add("outputs[] names a missing file " + output.path("path").asText());
        continue;
      }
      if (!RunFolder.sha256(file).equals(output.path("sha256").asText())) {
        failures.add(output.path("path").asText() + ": sha256 in the manifest is not the file's");
      }
      if (file.toString().endsWith(".parquet")) {
        parquetOutputs++;
        long rows = Duck.count(db(), "SELECT count(*) FROM " + Duck.parquet(file));
        if (output.path("rows").asLong(-1) != rows) {
          failures.add(output.path("path").asText() + ": manifest rows " + output.path("rows") + ", file " + rows);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(parquetOutputs).isGreaterThanOrEqualTo(2 * TableSpec.FORCE_TABLES.size());
  }

  @Test
  void runFolderIsPrivateWhereRestrictedAndHasNoSideFiles() throws IOException {
    assertRunSucceeded();
    Path restricted = run.resolve("restricted");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted)))
        .as("restricted/ is created 0700")
        .isEqualTo("rwx------");
    for (Path file : RunFolder.files(restricted)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(run.relativize(file) + " is 0600")
          .isEqualTo("rw-------");
    }
    List<String> names = new ArrayList<>();
    for (String part : List.of("publish", "restricted")) {
      for (Path file : RunFolder.files(run.resolve(part))) {
        names.add(run.relativize(file).toString());
      }
    }
    assertThat(names)
        .as("no .crc, _SUCCESS or hidden side files")
        .noneMatch(n -> n.endsWith(".crc") || n.contains("_SUCCESS") || n.contains("/."));
    try (Stream<Path> siblings = Files.list(run.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList())
          .as("no temporary sibling left next to the run folder")
          .containsExactly(run.getFileName().toString());
    }
  }
}
