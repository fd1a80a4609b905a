package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offstats run --progress=lines}: a line a stage on stderr with counts from the job's
 * metrics, and a closing summary whose counts are the manifest's; no identifier in either.
 */
class RunProgressOutputTest {
  @TempDir static Path temp;
  private static Path input;
  private static Path run;
  private static Cli.Result result;

  @BeforeAll
  static void runWithProgressLines() {
    input = temp.resolve("input");
    Synthetic.write(input, 300, 9, true);
    run = temp.resolve("runs").resolve("out");
    result = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31",
        "--max-reject-rate", "1", "--progress=lines");
  }

  @Test
  void eachExtractHasAReadingLineWithTheRowsTheManifestCounts() {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    for (JsonNode extract : RunFolder.manifest(run).path("extracts")) {
      String name = extract.path("extract").asText();
      if (!extract.path("present").asBoolean()) {
        assertThat(result.stderr()).doesNotContain("reading: " + name + ":");
        continue;
      }
      Matcher line = Pattern.compile("(?m)^offstats run: reading: " + name + ": \\d+ files?, [0-9.]+ k?M?B, ([0-9,]+) rows in [0-9.]+ s \\([0-9,]+ rows/s\\)$")
          .matcher(result.stderr());
      assertThat(line.find()).as(name + " in\n" + result.stderr()).isTrue();
      assertThat(Long.parseLong(line.group(1).replace(",", ""))).as(name).isEqualTo(extract.path("rows_read").asLong());
    }
    assertThat(result.stderr())
        .contains("offstats run: writing tables, headline figures and disclosure control: done in ")
        .contains("offstats run: checking reject rates")
        .contains("offstats run: writing the manifest and report");
  }

  @Test
  void theSummaryHasTheManifestsCountsAndEveryHeadline() throws Exception {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    JsonNode manifest = RunFolder.manifest(run);
    for (JsonNode extract : manifest.path("extracts")) {
      if (extract.path("present").asBoolean()) {
        assertThat(result.stderr()).contains("  " + extract.path("extract").asText() + ": " + grouped(extract.path("rows_read")) + " read, "
            + grouped(extract.path("rows_accepted")) + " accepted, " + grouped(extract.path("rows_rejected")) + " rejected");
      }
    }
    assertThat(manifest.path("extracts").findValues("rows_rejected").stream().mapToLong(JsonNode::asLong).sum()).isPositive();
    JsonNode headlines = new ObjectMapper().readTree(run.resolve("publish").resolve("headlines.json").toFile());
    assertThat(headlines.path("figures").size()).isPositive();
    for (JsonNode figure : headlines.path("figures")) {
      String statement = figure.path("statement").asText("");
      assertThat(result.stderr()).contains("  " + figure.path("figure_id").asText() + ": " + (statement.isBlank() ? "not published" : statement));
    }
    assertThat(result.stderr()).contains("tables and report/index.html to " + run.toAbsolutePath().normalize());
  }

  @Test
  void nothingPrintedHoldsAnInputIdentifier() {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(AuditFixtures.identifiers(input)).hasSizeGreaterThan(100);
    assertThat(AuditFixtures.identifiersIn(result.console(), input)).isEmpty();
  }

  @Test
  void anUnknownProgressModeIsBadUsage() {
    Cli.Result bad = Cli.run("run", "--input", input.toString(), "--output", temp.resolve("other").toString(), "--progress=fancy");
    assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
    assertThat(bad.stderr()).contains("--progress fancy: must be auto, bar, lines or off");
  }

  private static String grouped(JsonNode count) {
    return String.format(java.util.Locale.ROOT, "%,d", count.asLong());
  }
}
