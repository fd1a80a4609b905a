package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offstats verify} end to end (issue 5): an untouched run verifies; a flipped byte in a
 * Parquet file, an edited manifest value and a changed input are each caught with the file named;
 * a run made by another version cannot be verified (exit 2, naming the version to use). One run is
 * made and copied for each tampering; each verify that reruns costs one run.
 */
class VerifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir static Path temp;
  private static Path input;
  private static Path run;

  @BeforeAll
  static void makeRun() {
    input = temp.resolve("input");
    Synthetic.write(input, 400, 515L, true);
    run = temp.resolve("runs").resolve("original");
    Cli.Result result =
        Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31", "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();
  }

  @Test
  void untouchedRunVerifiesFromACopyOfItsInputsElsewhere() {
    // the report is made after the manifest from publish/: not an output, so not compared
    assertThat(run.resolve("report/index.html")).isRegularFile();
    Path copy = copyTree(input, temp.resolve("elsewhere").resolve("inputs"));
    Cli.Result result = Cli.run("verify", run.toString(), "--input", copy.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isZero();
    assertThat(result.stdout()).contains("verify: OK").contains("headline figures: 5 compared").doesNotContain("Differences");
    assertThat(identifiersIn(result.console())).isEmpty();
  }

  @Test
  void flippedByteInAParquetFileIsNamed() throws IOException {
    Path tampered = copyTree(run, temp.resolve("runs").resolve("flipped"));
    flipMiddleByte(tampered.resolve("restricted/arrests_by_offence.parquet"));

    Cli.Result result = Cli.run("verify", tampered.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("- restricted/arrests_by_offence.parquet: differs from the rerun's")
        .contains("manifest.json outputs[restricted/arrests_by_offence.parquet].sha256")
        .contains("verify: FAILED");
    assertThat(result.stdout()).doesNotContain("- publish/arrests_by_offence.parquet");
    assertThat(identifiersIn(result.console())).isEmpty();
  }

  @Test
  void changedArrowAndCsvExportsAreNamed() throws IOException {
    Path tampered = copyTree(run, temp.resolve("runs").resolve("exports"));
    flipMiddleByte(tampered.resolve("publish/charge_rates.arrow"));
    Path csv = tampered.resolve("publish/arrests_by_bcu.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replaceFirst(",[^,]*$", ",999999"));
    Files.writeString(csv, String.join("\n", lines) + "\n");

    Cli.Result result = Cli.run("verify", tampered.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("- publish/charge_rates.arrow: differs from the rerun's")
        .contains("manifest.json outputs[publish/charge_rates.arrow].sha256")
        .contains("- publish/arrests_by_bcu.csv: differs from the rerun's")
        .contains("first difference on line 2")
        .contains("999999")
        .contains("manifest.json outputs[publish/arrests_by_bcu.csv].sha256")
        .doesNotContain("- publish/charge_rates.parquet")
        .doesNotContain("- publish/arrests_by_bcu.parquet");
  }

  @Test
  void editedManifestValuesAreNamed() throws IOException {
    Path tampered = copyTree(run, temp.resolve("runs").resolve("edited-manifest"));
    ObjectNode manifest = (ObjectNode) JSON.readTree(tampered.resolve("manifest.json").toFile());
    for (var output : manifest.withArray("outputs")) {
      if (output.path("path").asText().equals("publish/charge_rates.parquet")) {
        ((ObjectNode) output).put("sha256", "0".repeat(64));
      }
    }
    ObjectNode arrests = (ObjectNode) manifest.withArray("inputs").get(0);
    assertThat(arrests.path("path").asText()).isEqualTo("arrests.csv");
    arrests.put("rows_accepted", arrests.path("rows_accepted").asLong() + 1);
    Files.writeString(tampered.resolve("manifest.json"), JSON.writeValueAsString(manifest));

    Cli.Result result = Cli.run("verify", tampered.toString(), "--input", input.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("manifest.json outputs[publish/charge_rates.parquet].sha256: 000000000000… in the manifest")
        .contains("manifest.json inputs[arrests.csv].rows_accepted")
        .doesNotContain("- publish/charge_rates.parquet: differs");
  }

  @Test
  void editedAsAtDateIsNamed() throws IOException {
    Path tampered = copyTree(run, temp.resolve("runs").resolve("edited-as-at"));
    ObjectNode manifest = (ObjectNode) JSON.readTree(tampered.resolve("manifest.json").toFile());
    manifest.put("as_at", "2025-09-30");
    ((ObjectNode) manifest.path("parameters")).put("as_at", "2025-09-30");
    Files.writeString(tampered.resolve("manifest.json"), JSON.writeValueAsString(manifest));

    Cli.Result result = Cli.run("verify", tampered.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("manifest.json as_at: '2025-09-30' in the manifest, but publish/headlines.json was written as at '2025-10-31'")
        .contains("- publish/headlines.json: differs from the rerun's");
  }

  @Test
  void changedInputIsNamedWithoutARerun() throws IOException {
    Path changed = copyTree(input, temp.resolve("changed-input"));
    Path outcomes = changed.resolve("outcomes.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(outcomes, StandardCharsets.UTF_8));
    lines.remove(lines.size() - 1);
    Files.write(outcomes, lines, StandardCharsets.UTF_8);
    Files.delete(changed.resolve("protection_orders.csv"));
    Files.writeString(changed.resolve("arrests-late.csv"), Files.readAllLines(changed.resolve("arrests.csv")).get(0) + "\n");

    Cli.Result result = Cli.run("verify", run.toString(), "--input", changed.toString());
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("- outcomes.csv: changed since the run")
        .contains("- protection_orders.csv: disappeared")
        .contains("- arrests-late.csv: appeared since the run")
        .contains("not rerun")
        .doesNotContain("- arrests.csv");
  }

  @Test
  void runMadeByAnotherVersionCannotBeVerified() throws IOException {
    Path other = copyTree(run, temp.resolve("runs").resolve("other-version"));
    ObjectNode manifest = (ObjectNode) JSON.readTree(other.resolve("manifest.json").toFile());
    manifest.put("tool_version", "0.0.1");
    manifest.put("git_commit", "0123456789abcdef0123456789abcdef01234567");
    Files.writeString(other.resolve("manifest.json"), JSON.writeValueAsString(manifest));

    Cli.Result result = Cli.run("verify", other.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip().lines()).hasSize(1);
    assertThat(result.stderr()).contains("offstats 0.0.1").contains("0123456789abcdef0123456789abcdef01234567").contains("verify it with");
  }

  @Test
  void missingOrUnreadableManifestCannotBeVerified() throws IOException {
    Path broken = copyTree(run, temp.resolve("runs").resolve("broken-manifest"));
    Files.writeString(broken.resolve("manifest.json"), "{\"tool_version\": ");
    Cli.Result unreadable = Cli.run("verify", broken.toString());
    assertThat(unreadable.exitCode()).isEqualTo(2);
    assertThat(unreadable.stderr()).contains("manifest.json: unreadable");

    Files.delete(broken.resolve("manifest.json"));
    Cli.Result missing = Cli.run("verify", broken.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).contains("manifest.json: missing");
  }

  private static void flipMiddleByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }

  private static List<String> identifiersIn(String console) {
    return AuditFixtures.identifiersIn(console, input);
  }

  private static Path copyTree(Path from, Path to) {
    return AuditFixtures.copyTree(from, to);
  }
}
