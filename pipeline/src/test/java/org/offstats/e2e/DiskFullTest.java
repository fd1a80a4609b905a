package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: a disk that fills up during a run, or a read-only one, ends the run with exit 2 and
 * one line naming the output and the file that could not be written, with no stack trace, no run
 * folder and no temporary folder. The disks are real: a small tmpfs mounted in a private mount
 * namespace ({@code unshare}) in which a child JVM runs the command, so nothing is mounted on the
 * machine itself. Skipped where the machine allows no such namespace.
 */
class DiskFullTest {

  /**
   * The hand-worked fixture's run folder holds 58 files of about 0.5 MB on a tmpfs, which gives
   * every file whole pages of 4 KiB: the tables in three formats (about 260 KiB with the manifest)
   * and, written last, report/index.html (about 230 KiB), and a page each for the facts and the
   * lock while the run goes. Any smaller disk must fill up; these fill up at different steps, 400k
   * at the report.
   */
  static final List<String> TOO_SMALL = List.of("4k", "32k", "96k", "136k", "400k");

  static final String ENOUGH = "1m";

  /** Files of a run folder, as the message names them inside the output. */
  static final String RUN_FILE = "(\\.offstats-run\\.lock|\\.work/facts\\.tsv|manifest\\.json|publish/[a-z_]+\\.(parquet|arrow|csv|json|md)"
      + "|restricted/[a-z_]+\\.parquet|restricted/rejects/[a-z_]+\\.csv|report/index\\.html)";

  record Outcome(int exitCode, String stderr, List<String> leftOnDisk) {}

  /** The command to run in a private mount namespace, the fixture input, and the folder to mount a disk on. */
  record Setup(List<String> unshare, Path input, Path disk) {
    static Setup in(Path dir) throws IOException, InterruptedException {
      Optional<List<String>> unshare = PrivateMount.command(dir);
      Assumptions.assumeTrue(unshare.isPresent(), "no private mount namespace here (unshare)");
      return new Setup(unshare.get(), Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input")),
          Files.createDirectory(dir.resolve("disk")));
    }
  }

  @Test
  void aDiskThatFillsUpDuringTheRunIsExitTwoNamingTheFileAndLeavesNothing(@TempDir Path dir) throws Exception {
    Setup setup = Setup.in(dir);
    Path disk = setup.disk();

    for (String size : TOO_SMALL) {
      Outcome outcome = runOn(setup.unshare(), "size=" + size, disk, setup.input(), disk.resolve("out"), dir);
      assertThat(outcome.exitCode()).as("%s disk: %s", size, outcome.stderr()).isEqualTo(2);
      List<String> errors = outcome.stderr().lines().filter(l -> !l.startsWith("offstats run: ")).toList();
      assertThat(errors).as("%s disk: one line, no stack trace", size).hasSize(1);
      assertThat(errors.get(0)).as("%s disk", size).matches(
          "offstats: error: " + java.util.regex.Pattern.quote(disk.resolve("out").toString()) + ": the run could not write " + RUN_FILE
              + " \\(No space left on device\\); nothing was written: free some space on that disk, or choose another --output");
      assertThat(outcome.leftOnDisk()).as("%s disk: no run folder, no temporary folder", size).isEmpty();
    }

    Outcome enough = runOn(setup.unshare(), "size=" + ENOUGH, disk, setup.input(), disk.resolve("out"), dir);
    assertThat(enough.exitCode()).as("a disk large enough: %s", enough.stderr()).isZero();
    assertThat(enough.leftOnDisk()).containsExactly("out");
  }

  @Test
  void aReadOnlyDiskIsExitTwoNamingTheFolder(@TempDir Path dir) throws Exception {
    Setup setup = Setup.in(dir);
    Path disk = setup.disk();

    // read-only even for root, unlike a folder's permission bits
    Outcome outcome = runOn(setup.unshare(), "ro,size=64k", disk, setup.input(), disk.resolve("out"), dir);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
    assertThat(outcome.stderr().strip()).isEqualTo("offstats: error: " + disk.resolve("out") + ": cannot create the run folder"
        + " (Read-only file system on " + disk + "); choose another --output");
    assertThat(outcome.leftOnDisk()).isEmpty();
  }

  /** Runs {@code offstats run} in a child JVM with a tmpfs of {@code options} mounted on {@code disk}. */
  static Outcome runOn(List<String> unshare, String options, Path disk, Path input, Path output, Path dir) throws Exception {
    Path listing = dir.resolve("listing.txt");
    Path stderr = dir.resolve("stderr.txt");
    Files.deleteIfExists(listing);
    List<String> command = new ArrayList<>(unshare);
    command.addAll(List.of("sh", "-c",
        "options=$1; disk=$2; listing=$3; shift 3; mount -t tmpfs -o \"$options\" tmpfs \"$disk\" || exit 99; \"$@\"; code=$?;"
            + " ls -A \"$disk\" > \"$listing\"; exit $code",
        "sh", options, disk.toString(), listing.toString()));
    command.addAll(ChildJvm.offstats(List.of(), "run", "--input", input.toString(), "--output", output.toString(), "--as-at", "2025-10-31"));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("the tmpfs was mounted").isNotEqualTo(99);
    return new Outcome(process.exitValue(), Files.readString(stderr), Files.readAllLines(listing));
  }

  /** The way to run a command in a private mount namespace here, if there is one. */
  static final class PrivateMount {
    private PrivateMount() {}

    static Optional<List<String>> command(Path dir) throws IOException, InterruptedException {
      Path probe = Files.createDirectories(dir.resolve("probe"));
      for (List<String> unshare : List.of(List.of("unshare", "--user", "--map-root-user", "--mount"), List.of("unshare", "--mount"))) {
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", probe.toString()));
        try {
          Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
            return Optional.of(unshare);
          }
        } catch (IOException noUnshare) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
  }
}
