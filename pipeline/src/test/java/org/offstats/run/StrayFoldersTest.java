package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: what a later run makes of the temporary folders it finds beside its output, judged by
 * the lock each run writes: removed when the process that made it is gone (a PID now used by
 * another process counts as gone), left alone when it is alive, on another host, or unknown.
 */
class StrayFoldersTest {
  @TempDir Path parent;

  static final String HOST = StrayFolders.hostName();

  /** A PID that no process has any more: a child that has ended. */
  static long endedPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  static String lock(long pid, String host, Optional<Instant> started) {
    return new StrayFolders.Owner(pid, host, started).text();
  }

  static Optional<StrayFolders.Owner> owner(String lock) {
    return StrayFolders.Owner.parse(lock);
  }

  @Test
  void theVerdictFollowsTheProcessNamedInTheLock() throws Exception {
    StrayFolders.Owner self = StrayFolders.Owner.current();
    assertThat(StrayFolders.verdict(Optional.of(self), HOST)).isEqualTo(StrayFolders.Verdict.LIVE);
    assertThat(StrayFolders.verdict(owner(self.text()), HOST)).as("read back from its text").isEqualTo(StrayFolders.Verdict.LIVE);
    assertThat(StrayFolders.verdict(owner(lock(endedPid(), HOST, Optional.empty())), HOST)).isEqualTo(StrayFolders.Verdict.GONE);
    // this JVM's PID, but a process started an hour before it: the PID was reused
    Instant anHourEarlier = self.processStarted().orElseThrow().minusSeconds(3600);
    assertThat(StrayFolders.verdict(owner(lock(self.pid(), HOST, Optional.of(anHourEarlier))), HOST)).isEqualTo(StrayFolders.Verdict.GONE);
    assertThat(StrayFolders.verdict(owner(lock(self.pid(), "another-host", self.processStarted())), HOST))
        .isEqualTo(StrayFolders.Verdict.ELSEWHERE);
    assertThat(StrayFolders.verdict(Optional.empty(), HOST)).isEqualTo(StrayFolders.Verdict.UNKNOWN);
    assertThat(owner("not a lock\n")).isEmpty();
    assertThat(owner("pid=12x\nhost=h\n")).isEmpty();
  }

  @Test
  void aLaterRunRemovesOnlyTheFoldersOfRunsThatAreGoneAndSaysWhatItLeft() throws Exception {
    StrayFolders.Owner self = StrayFolders.Owner.current();
    long ended = endedPid();
    Path live = temporary("a-live", self.text());
    Path gone = temporary("b-gone", lock(ended, HOST, Optional.empty()));
    Path elsewhere = temporary("c-elsewhere", lock(4242, "another-host", Optional.empty()));
    Path unknown = temporary("d-unknown", null);
    Files.setLastModifiedTime(unknown, FileTime.from(Instant.now().minusSeconds(120)));
    // a folder just made, whose lock is not written yet, is most likely a run starting: no word of it
    Path young = temporary("d-young", null);
    // an empty one older than that was left by a run killed as it started
    Path empty = Files.createDirectory(parent.resolve(RunLayout.TEMP_PREFIX + "d-zempty"));
    Files.setLastModifiedTime(empty, FileTime.from(Instant.now().minusSeconds(120)));
    Path removing = temporary("e-gone-removing", lock(ended, HOST, Optional.empty()));
    Path finished = Files.createDirectory(parent.resolve("out"));
    Path notAFolder = Files.writeString(parent.resolve(RunLayout.TEMP_PREFIX + "f-file"), "a file\n");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      StrayFolders.cleanUp(parent, console);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "offstats: removed stray temporary folder " + gone + " left by an interrupted run (pid " + ended + ")",
        "offstats: left temporary folder " + elsewhere + " alone: it belongs to a run on host another-host (pid 4242), which"
            + " cannot be checked from here; delete it once that run is over",
        "offstats: left temporary folder " + unknown + " alone: it does not say which run made it (an older offstats, or a run"
            + " stopped just as it finished); delete it once no run is using it",
        "offstats: removed empty temporary folder " + empty + " left by a run stopped as it started",
        "offstats: removed stray temporary folder " + removing + " left by an interrupted run (pid " + ended + ")");
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left.toList()).containsExactlyInAnyOrder(live, elsewhere, unknown, young, finished, notAFolder);
    }
    assertThat(live.resolve("publish").resolve("table.parquet")).exists();
  }

  /** A temporary run folder with a file in it and, unless {@code lock} is null, its lock. */
  private Path temporary(String name, String lock) throws IOException {
    Path folder = Files.createDirectories(parent.resolve(RunLayout.TEMP_PREFIX + name).resolve("publish")).getParent();
    Files.writeString(folder.resolve("publish").resolve("table.parquet"), "rows\n");
    if (lock != null) {
      Files.writeString(folder.resolve(RunLayout.LOCK), lock);
    }
    return folder;
  }
}
