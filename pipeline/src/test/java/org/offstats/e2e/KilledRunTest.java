package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.SyntheticExtracts;

/**
 * Issue 8, faults: a run killed at any moment (SIGTERM, as a scheduler or Ctrl-C does) leaves no
 * run folder and no temporary {@code .offstats-tmp-*} folder, and a later run into the same output
 * succeeds; an output that cannot be created is bad input (exit 2) naming the path. The killed runs
 * are real ones in a child JVM, as {@link org.offstats.run.CrossProcessDeterminismTest} starts them.
 */
class KilledRunTest {

  static final String AS_AT = "2025-10-31";

  /** A moment to kill the run at: a time after the start, or a sign the run is under way. */
  record Moment(String name, long afterMillis, Predicate<Path> ready) {}

  @Test
  void aRunKilledAtAnyMomentLeavesNothingAndALaterRunSucceeds(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 2000, 21, true);
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Path output = runs.resolve("out");

    List<Moment> moments =
        List.of(
            new Moment("0.5 s after the start", 500, runsDir -> false),
            new Moment("2 s after the start", 2000, runsDir -> false),
            new Moment("5 s after the start", 5000, runsDir -> false),
            // the job's writers are busy in the temporary folder as the clean-up runs: deleting it
            // used to fail now and then ("could not remove the temporary folder"), leaving it behind
            new Moment("as soon as a table is being written", 60_000, runsDir -> filesNamed(runsDir, ".parquet") >= 1));
    List<String> killedWhileRunning = new ArrayList<>();
    for (Moment moment : moments) {
      Path log = dir.resolve("killed.log");
      Process process = start(input, output, log);
      long started = System.nanoTime();
      while (process.isAlive()
          && !moment.ready().test(runs)
          && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(moment.afterMillis())) {
        Thread.sleep(10);
      }
      boolean alive = process.isAlive();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the killed run stops (%s)", moment.name()).isTrue();
      String printed = Files.readString(log);
      assertThat(alive).as("the run was still going when killed %s; it printed:%n%s", moment.name(), printed).isTrue();
      killedWhileRunning.add(moment.name());

      assertThat(output).as("no run folder after a run killed %s; it printed:%n%s", moment.name(), printed).doesNotExist();
      assertThat(temporaryFolders(runs)).as("no temporary folder after a run killed %s; it printed:%n%s", moment.name(), printed).isEmpty();
      assertThat(printed).as("killed %s", moment.name()).doesNotContain("\tat ").doesNotContain("could not remove");
    }
    assertThat(killedWhileRunning).hasSize(moments.size());

    Cli.Result later = Cli.run("run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT);
    assertThat(later.exitCode()).as(later.describe()).isZero();
    assertThat(output.resolve("manifest.json")).exists();
    try (Stream<Path> left = Files.list(runs)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
  }

  @Test
  void anOutputUnderARegularFileIsBadInputNamingThePath(@TempDir Path dir) throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    Path notAFolder = Files.writeString(dir.resolve("some-file"), "not a folder\n");
    Path output = notAFolder.resolve("run");

    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT);

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr().strip()).startsWith("offstats: error: ").contains(notAFolder.toString()).doesNotContain("\n");
    assertThat(Files.readString(notAFolder)).isEqualTo("not a folder\n");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".offstats-tmp-"));
    }
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsBadInputNamingThePath(@TempDir Path dir) throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    try {
      Path probe = locked.resolve("probe");
      boolean writableAnyway;
      try {
        Files.createDirectory(probe);
        Files.delete(probe);
        writableAnyway = true;
      } catch (IOException e) {
        writableAnyway = false;
      }
      // root writes through 0500: anOutputUnderARegularFileIsBadInputNamingThePath covers it then
      Assumptions.assumeFalse(writableAnyway, "running as root: a 0500 folder is still writable");

      Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", locked.resolve("run").toString(), "--as-at", AS_AT);

      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      assertThat(result.stderr().strip()).startsWith("offstats: error: ").contains(locked.toString()).doesNotContain("\n");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  static Process start(Path input, Path output, Path log) throws IOException {
    return new ProcessBuilder(
            ChildJvm.offstats(List.of(), "run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  static List<String> temporaryFolders(Path runs) {
    try (Stream<Path> entries = Files.list(runs)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".offstats-tmp-")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static long filesNamed(Path root, String suffix) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // a folder vanished under the walk
    }
  }
}
