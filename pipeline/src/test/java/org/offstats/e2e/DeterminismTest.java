package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OUTPUTS.md "Determinism": same inputs and parameters give byte-identical files under publish/
 * and restricted/, whichever parallelism produced them. The input includes bad rows so the rejects
 * files (sorted by file and line) are covered too.
 */
class DeterminismTest {

  @TempDir static Path temp;
  private static Path input;

  @BeforeAll
  static void generate() {
    input = temp.resolve("input");
    // Small on purpose: three full runs must fit the suite's time budget on two cores.
    Synthetic.write(input, 600, 424_242L, true);
  }

  private static Map<String, String> runWith(String name, String parallelism) {
    Path output = temp.resolve("runs").resolve(name);
    Cli.Result result =
        Cli.run(
            "run",
            "--input", input.toString(),
            "--output", output.toString(),
            "--as-at", "2025-10-31",
            "--max-reject-rate", "1",
            "--targetParallelism=" + parallelism);
    assertThat(result.exitCode()).as(name + ": " + result.describe()).isZero();
    Map<String, String> sums = RunFolder.checksums(output);
    assertThat(sums.keySet()).as(name + " wrote tables").anyMatch(f -> f.endsWith(".parquet"));
    assertThat(sums.keySet()).as(name + " wrote rejects").anyMatch(f -> f.contains("rejects/"));
    return sums;
  }

  @Test
  void sameInputGivesByteIdenticalFilesWhateverTheParallelism() {
    Map<String, String> first = runWith("first", "1");
    Map<String, String> again = runWith("again", "1");
    Map<String, String> parallel = runWith("parallel", "4");
    assertThat(differences(first, again)).as("two runs, --targetParallelism=1").isEmpty();
    assertThat(differences(first, parallel))
        .as("--targetParallelism=1 against --targetParallelism=4")
        .isEmpty();
  }

  private static List<String> differences(Map<String, String> a, Map<String, String> b) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> files = new TreeSet<>(a.keySet());
    files.addAll(b.keySet());
    for (String file : files) {
      if (!a.containsKey(file) || !b.containsKey(file)) {
        differences.add(file + " is in only one run");
      } else if (!a.get(file).equals(b.get(file))) {
        differences.add(file + " differs (sha256 " + a.get(file) + " vs " + b.get(file) + ")");
      }
    }
    return differences;
  }
}
