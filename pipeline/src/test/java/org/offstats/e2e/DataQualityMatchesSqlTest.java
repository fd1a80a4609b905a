package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's {@code quality} (issue 9 item 6) against counts made by DuckDB from the input
 * CSV files: on a clean synthetic input, where every record is accepted, the counts per extract,
 * financial year and measure; on one with bad rows, the rejects per extract and reason against the
 * rejects files, and the accepted records per extract against the inputs' counts.
 */
class DataQualityMatchesSqlTest {
  @TempDir static Path temp;
  private static Path clean;
  private static Path cleanRun;
  private static Path badRun;
  private static Cli.Result cleanResult;
  private static Cli.Result badResult;
  private static Connection db;

  @BeforeAll
  static void runPipeline() {
    clean = temp.resolve("clean");
    Synthetic.write(clean, 1_500, 23, false);
    cleanRun = temp.resolve("clean-run");
    cleanResult = Cli.run("run", "--input", clean.toString(), "--output", cleanRun.toString(), "--as-at", "2025-10-31");
    Path bad = temp.resolve("bad");
    Synthetic.write(bad, 600, 29, true);
    badRun = temp.resolve("bad-run");
    badResult = Cli.run("run", "--input", bad.toString(), "--output", badRun.toString(), "--as-at", "2025-10-31",
        "--max-reject-rate", "1");
    db = Duck.open();
    Duck.execute(db, "CREATE MACRO fy_start(d) AS CASE WHEN month(d) >= 4 THEN year(d) ELSE year(d) - 1 END");
    Duck.execute(db, "CREATE MACRO fy(d) AS printf('%d-%02d', fy_start(d), (fy_start(d) + 1) % 100)");
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static String csv(Path input, String extract) {
    return "read_csv(" + SqlOracle.extractFiles(input, extract).stream().map(Duck::literal).collect(Collectors.joining(", ", "[", "]"))
        + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', union_by_name = true)";
  }

  /** year → [accepted, measure counts...] by SQL over the clean input. */
  private static Map<String, List<Long>> expected(String extract, String dateColumn, List<String> conditions) {
    String measures = conditions.stream().map(c -> ", count(*) FILTER (WHERE " + c + ")").collect(Collectors.joining());
    Map<String, List<Long>> byYear = new TreeMap<>();
    for (List<Object> row : Duck.rows(db, "SELECT fy(CAST(" + dateColumn + " AS DATE)) AS y, count(*)" + measures + " FROM "
        + csv(clean, extract) + " GROUP BY y ORDER BY y")) {
      byYear.put((String) row.get(0), row.subList(1, row.size()).stream().map(v -> ((Number) v).longValue()).toList());
    }
    return byYear;
  }

  private static Map<String, List<Long>> actual(String extract, List<String> measures) {
    JsonNode years = RunFolder.manifest(cleanRun).path("quality").path(extract).path("years");
    Map<String, List<Long>> byYear = new TreeMap<>();
    years.fields().forEachRemaining(year -> {
      long accepted = year.getValue().path("accepted").asLong();
      List<Long> counts = new ArrayList<>(List.of(accepted));
      for (String measure : measures) {
        JsonNode node = year.getValue().path(measure);
        long count = node.path("count").asLong(-1);
        counts.add(count);
        assertThat(node.path("share").asDouble()).as(extract + " " + year.getKey() + " " + measure + " share")
            .isCloseTo((double) count / accepted, within(0.00005));
      }
      byYear.put(year.getKey(), counts);
    });
    return byYear;
  }

  @Test
  void arrestsPerYearMatchSql() {
    assertThat(cleanResult.exitCode()).as(cleanResult.describe()).isZero();
    Map<String, List<Long>> expected = expected("arrests", "arrest_date",
        List.of("coalesce(nullif(ethnicity, ''), 'NS') = 'NS'", "coalesce(nullif(sex, ''), 'U') = 'U'",
            "coalesce(nullif(age_band, ''), 'U') = 'U'"));
    assertThat(expected).isNotEmpty();
    assertThat(expected.values().stream().mapToLong(v -> v.get(1) + v.get(2) + v.get(3)).sum()).as("the fixture has gaps").isPositive();
    assertThat(actual("arrests", List.of("ethnicity_not_stated", "sex_unknown", "age_band_unknown"))).isEqualTo(expected);
  }

  @Test
  void outcomesPerYearMatchSql() {
    assertThat(cleanResult.exitCode()).as(cleanResult.describe()).isZero();
    Map<String, List<Long>> expected = expected("outcomes", "recorded_date", List.of("coalesce(outcome_type, '') = ''"));
    assertThat(expected.values().stream().mapToLong(v -> v.get(1)).sum()).as("some crimes have no outcome").isPositive();
    assertThat(actual("outcomes", List.of("no_outcome_yet"))).isEqualTo(expected);
  }

  @Test
  void protectionOrdersPerYearMatchSql() {
    assertThat(cleanResult.exitCode()).as(cleanResult.describe()).isZero();
    assertThat(actual("protection_orders", List.of())).isEqualTo(expected("protection_orders", "event_date", List.of()));
  }

  @Test
  void cleanInputHasNoRejects() {
    JsonNode quality = RunFolder.manifest(cleanRun).path("quality");
    for (String extract : SqlOracle.EXTRACTS) {
      assertThat(quality.path(extract).path("rows_rejected").asLong(-1)).as(extract).isZero();
      assertThat(quality.path(extract).path("rejects_by_reason").isEmpty()).as(extract).isTrue();
    }
  }

  @Test
  void rejectsPerExtractMatchTheRejectsFiles() {
    assertThat(badResult.exitCode()).as(badResult.describe()).isZero();
    JsonNode manifest = RunFolder.manifest(badRun);
    long all = 0;
    for (String extract : SqlOracle.EXTRACTS) {
      Map<String, Long> expected = new TreeMap<>();
      for (List<Object> row : Duck.rows(db, "SELECT reason_code, count(*) FROM read_csv("
          + Duck.literal(badRun.resolve("restricted/rejects/" + extract + ".csv"))
          + ", header = true, all_varchar = true) GROUP BY reason_code")) {
        expected.put((String) row.get(0), ((Number) row.get(1)).longValue());
      }
      JsonNode quality = manifest.path("quality").path(extract);
      assertThat(RunFolder.rejectsByReason(quality)).as(extract + " rejects_by_reason").isEqualTo(expected);
      long rejected = expected.values().stream().mapToLong(Long::longValue).sum();
      assertThat(quality.path("rows_rejected").asLong()).as(extract + " rows_rejected").isEqualTo(rejected);
      all += rejected;

      long acceptedInInputs = 0;
      for (JsonNode input : manifest.path("inputs")) {
        if (input.path("extract").asText().equals(extract)) {
          acceptedInInputs += input.path("rows_accepted").asLong();
        }
      }
      long acceptedInYears = 0;
      for (JsonNode year : quality.path("years")) {
        acceptedInYears += year.path("accepted").asLong();
      }
      assertThat(acceptedInYears).as(extract + " accepted over the years").isEqualTo(acceptedInInputs);
    }
    assertThat(all).as("the fixture has bad rows").isPositive();
  }
}
