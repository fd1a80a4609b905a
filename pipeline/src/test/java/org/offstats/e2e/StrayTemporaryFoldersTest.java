package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.SyntheticExtracts;
import org.offstats.run.RunLayout;

/**
 * Issue 8: {@code kill -9} skips every clean-up, so a run killed that way can leave its temporary
 * {@code .offstats-tmp-*} folder. The next run in the same output parent removes it, saying so in
 * one line naming the folder and the killed process, and leaves alone the folder of a run that is
 * still going. The runs killed are real ones in child JVMs, as in {@link KilledRunTest}.
 */
class StrayTemporaryFoldersTest {

  @Test
  void aRunKilledWithSigkillAtAnyMomentLeavesAFolderTheNextRunRemovesAndReports(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 2000, 21, true);
    Path quickInput = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("quick-input"));

    List<KilledRunTest.Moment> moments =
        List.of(
            new KilledRunTest.Moment("as soon as its temporary folder exists", 60_000, runs -> !KilledRunTest.temporaryFolders(runs).isEmpty()),
            new KilledRunTest.Moment("2 s after the start", 2000, runs -> false),
            new KilledRunTest.Moment("as soon as a table is being written", 60_000, runs -> KilledRunTest.filesNamed(runs, ".parquet") >= 1),
            new KilledRunTest.Moment("5 s after the start", 5000, runs -> false));
    List<String> leftAStray = new ArrayList<>();
    for (int i = 0; i < moments.size(); i++) {
      KilledRunTest.Moment moment = moments.get(i);
      Path runs = Files.createDirectories(dir.resolve("runs-" + i));
      Path output = runs.resolve("out");
      Path log = dir.resolve("killed-" + i + ".log");
      Process process = KilledRunTest.start(input, output, log);
      long started = System.nanoTime();
      while (process.isAlive()
          && !moment.ready().test(runs)
          && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(moment.afterMillis())) {
        Thread.sleep(10);
      }
      assertThat(process.isAlive()).as("the run was still going %s; it printed:%n%s", moment.name(), Files.readString(log)).isTrue();
      process.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

      assertThat(output).as("no run folder after kill -9 %s", moment.name()).doesNotExist();
      List<String> strays = KilledRunTest.temporaryFolders(runs);
      List<String> expectedLines = new ArrayList<>();
      for (String stray : strays) {
        Path folder = runs.resolve(stray);
        // the next run comes later: a folder of the last minute without a lock may be a run starting
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minusSeconds(120)));
        if (Files.exists(folder.resolve(RunLayout.LOCK))) {
          assertThat(Files.readString(folder.resolve(RunLayout.LOCK)))
              .as("the lock of %s names the killed process", stray)
              .startsWith("pid=" + process.pid() + "\n");
          expectedLines.add("offstats: removed stray temporary folder " + folder + " left by an interrupted run (pid " + process.pid() + ")");
          leftAStray.add(moment.name());
        } else {
          // killed in the instant between making the folder and writing its lock: it is empty
          try (Stream<Path> inside = Files.list(folder)) {
            assertThat(inside.map(p -> p.getFileName().toString())).as("%s, without a lock", stray).allMatch(n -> n.endsWith(".partial"));
          }
          expectedLines.add("offstats: removed empty temporary folder " + folder + " left by a run stopped as it started");
        }
      }

      Cli.Result later = Cli.run("run", "--input", quickInput.toString(), "--output", output.toString(), "--as-at", KilledRunTest.AS_AT);
      assertThat(later.exitCode()).as(later.describe()).isZero();
      assertThat(later.stderr().lines().filter(l -> l.startsWith("offstats: ") && l.contains("temporary folder")).toList())
          .as("the later run says what it removed (killed %s)", moment.name())
          .containsExactlyElementsOf(expectedLines);
      try (Stream<Path> left = Files.list(runs)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList()).as("killed %s", moment.name()).containsExactly("out");
      }
    }
    assertThat(leftAStray).as("moments at which kill -9 left a folder with its lock behind").contains("as soon as a table is being written");
  }

  @Test
  void theFolderOfARunStillGoingIsLeftAlone(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 2000, 21, true);
    Path quickInput = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("quick-input"));
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Process running = KilledRunTest.start(input, runs.resolve("a"), dir.resolve("running.log"));
    try {
      long started = System.nanoTime();
      while (running.isAlive() && !hasLock(runs) && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(1)) {
        Thread.sleep(10);
      }
      // stopped (SIGSTOP), the run is alive but cannot finish while the other run looks at its folder
      signal(running, "-STOP");
      List<String> folders = KilledRunTest.temporaryFolders(runs);
      assertThat(folders).as("the running run's temporary folder").hasSize(1);

      Cli.Result other = Cli.run("run", "--input", quickInput.toString(), "--output", runs.resolve("b").toString(), "--as-at",
          KilledRunTest.AS_AT);

      assertThat(other.exitCode()).as(other.describe()).isZero();
      assertThat(other.stderr()).doesNotContain("temporary folder");
      assertThat(runs.resolve(folders.get(0)).resolve(RunLayout.LOCK)).exists();
      signal(running, "-CONT");
      assertThat(running.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(running.exitValue()).as(Files.readString(dir.resolve("running.log"))).isZero();
      try (Stream<Path> left = Files.list(runs)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("a", "b");
      }
    } finally {
      signal(running, "-CONT");
      running.destroy();
    }
  }

  private static boolean hasLock(Path runs) {
    return KilledRunTest.temporaryFolders(runs).stream().anyMatch(f -> Files.exists(runs.resolve(f).resolve(RunLayout.LOCK)));
  }

  private static void signal(Process process, String signal) throws IOException, InterruptedException {
    if (process.isAlive()) {
      new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }
  }
}
