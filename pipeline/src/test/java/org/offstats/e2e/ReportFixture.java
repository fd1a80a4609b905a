package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One run shared by the report, browser and show tests: synthetic extracts with bad rows, run
 * through the real command line once per test JVM (a run costs about ten seconds). Tests that
 * change a run folder change a copy of it.
 */
final class ReportFixture {
  static final String AS_AT = "2025-10-31";
  private static Path folder;

  private ReportFixture() {}

  /** The input folder the run read. */
  static synchronized Path input() {
    make();
    return folder.resolve("input");
  }

  /** The run folder. */
  static synchronized Path run() {
    make();
    return folder.resolve("run");
  }

  /** A new empty folder beside the run, removed with it when the JVM ends. */
  static synchronized Path scratch(String name) {
    make();
    try {
      return Files.createTempDirectory(folder, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void make() {
    if (folder != null) {
      return;
    }
    Path made;
    try {
      made = Files.createTempDirectory("offstats-report-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
    Path input = made.resolve("input");
    Synthetic.write(input, 3000, 909L, true);
    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", made.resolve("run").toString(), "--as-at", AS_AT,
        "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    folder = made;
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up eventually
    }
  }
}
