package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.SyntheticExtracts;

/**
 * Issue 8: {@code verify} reruns the job into a temporary folder; stopped with SIGTERM (Ctrl-C, a
 * scheduler's kill) at any moment, it removes that folder on the way out, as {@code run} does. The
 * verify runs in a child JVM whose temporary folder is a fresh one of the test's, so that what it
 * leaves there can be seen.
 */
class VerifyInterruptedTest {

  record Moment(String name, Predicate<Path> ready) {}

  @Test
  void aVerifyStoppedWithSigtermLeavesNoTemporaryFolder(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 2000, 21, true);
    Path run = dir.resolve("run");
    Cli.Result made = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", KilledRunTest.AS_AT);
    assertThat(made.exitCode()).as(made.describe()).isZero();

    List<Moment> moments = List.of(
        new Moment("as soon as its temporary folder exists", tmp -> !ours(tmp).isEmpty()),
        new Moment("as soon as the rerun writes a table", tmp -> KilledRunTest.filesNamed(tmp, ".parquet") >= 1));
    List<String> stopped = new ArrayList<>();
    for (Moment moment : moments) {
      Path tmp = Files.createDirectories(dir.resolve("tmp-" + stopped.size()));
      Path log = dir.resolve("verify-" + stopped.size() + ".log");
      Process verify = new ProcessBuilder(ChildJvm.offstats(List.of("-Djava.io.tmpdir=" + tmp), "verify", run.toString()))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      long started = System.nanoTime();
      while (verify.isAlive() && !moment.ready().test(tmp) && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2)) {
        Thread.sleep(10);
      }
      assertThat(verify.isAlive()).as("verify was still going %s; it printed:%n%s", moment.name(), Files.readString(log)).isTrue();
      assertThat(ours(tmp)).as("%s", moment.name()).singleElement().asString().startsWith("offstats-verify-");
      verify.destroy(); // SIGTERM
      assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();

      String printed = Files.readString(log);
      assertThat(ours(tmp)).as("no folder of ours left after verify was stopped %s; it printed:%n%s", moment.name(), printed).isEmpty();
      assertThat(printed).doesNotContain("\tat ").doesNotContain("could not remove");
      stopped.add(moment.name());
    }
    assertThat(stopped).hasSize(moments.size());
  }

  /** What offstats put in a temporary folder (a library may put its own things there too: Snappy's native code). */
  private static List<String> ours(Path folder) {
    return entries(folder).stream().filter(name -> name.startsWith("offstats-")).toList();
  }

  private static List<String> entries(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
