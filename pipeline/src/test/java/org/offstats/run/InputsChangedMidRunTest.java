package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.extract.InputException;
import org.offstats.generate.SyntheticExtracts;

/**
 * Issue 8: an input that changes while the run reads it fails the run, naming the file, and
 * leaves no run folder. The changes are made at fixed points of the run ({@link
 * RunCommandRunner.Checkpoint}), not by racing a writer against the job: after the job has read
 * everything (the check after the job sees it), and before the job reads and put back after it
 * (only the readers' own digest of what they read can see it).
 */
class InputsChangedMidRunTest {
  @TempDir Path dir;
  Path input;
  Path runs;
  Path output;
  Path arrests;

  @BeforeEach
  void input() throws IOException {
    input = dir.resolve("input");
    SyntheticExtracts.write(input, 100, 3, false);
    runs = Files.createDirectories(dir.resolve("runs"));
    output = runs.resolve("out");
    arrests = input.resolve("arrests.csv");
  }

  @Test
  void aFileAppendedToAfterTheJobReadItFailsTheRunNamingIt() throws IOException {
    long size = Files.size(arrests);
    byte[] appended = "A-APPENDED,P-APPENDED,2024-01-01,CE,RESP1,8N,N,,M,30-39,W1\n".getBytes(StandardCharsets.UTF_8);

    InputException failure = runFailing((stage, folder) -> {
      if (stage == RunCommandRunner.Stage.INPUTS_READ) {
        Files.write(arrests, appended, StandardOpenOption.APPEND);
      }
    });

    assertThat(failure.getMessage())
        .startsWith("arrests.csv: changed while it was being read (its size went from " + size + " to " + (size + appended.length) + " bytes")
        .contains("its SHA-256 changed")
        .endsWith("); nothing was written: run again once the file is complete and nothing is writing to it");
    assertNothingLeft();
  }

  @Test
  void aFileRewrittenToTheSameSizeAndTimeIsCaughtByItsChecksum() throws IOException {
    FileTime modified = Files.getLastModifiedTime(arrests);

    InputException failure = runFailing((stage, folder) -> {
      if (stage == RunCommandRunner.Stage.INPUTS_READ) {
        replaceLastDigit(arrests);
        Files.setLastModifiedTime(arrests, modified);
      }
    });

    assertThat(failure.getMessage()).startsWith("arrests.csv: changed while it was being read (its SHA-256 changed);");
    assertNothingLeft();
  }

  @Test
  void aFileChangedBetweenItsChecksumAndTheJobIsCaughtByWhatTheReaderRead() throws IOException {
    // the readers hash the bytes they read: the job itself fails, before the check after it
    // (whose words would be "its SHA-256 changed"), so a file put back later is caught too
    InputException failure = runFailing((stage, folder) -> {
      if (stage == RunCommandRunner.Stage.FOLDER_READY) {
        replaceLastDigit(arrests);
      }
    });

    assertThat(failure.getMessage()).isEqualTo("arrests.csv: changed while it was being read (the bytes read are not those whose"
        + " SHA-256 the run took at the start); nothing was written: run again once the file is complete and nothing is writing"
        + " to it");
    assertNothingLeft();
  }

  @Test
  void aReferenceFileChangedDuringTheRunFailsItToo() throws IOException {
    Path bcus = input.resolve("reference").resolve("bcus.csv");
    assertThat(bcus).exists();

    InputException failure = runFailing((stage, folder) -> {
      if (stage == RunCommandRunner.Stage.INPUTS_READ) {
        Files.writeString(bcus, Files.readString(bcus) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      }
    });

    assertThat(failure.getMessage()).startsWith("reference/bcus.csv: changed while it was being read (its SHA-256 changed);");
    assertNothingLeft();
  }

  @Test
  void whileItRunsTheTemporaryFolderIsOwnerOnlyAndNamesItsProcess() throws IOException {
    String[] seen = new String[2];
    Path done = run((stage, folder) -> {
      if (stage == RunCommandRunner.Stage.FOLDER_READY) {
        seen[0] = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
        seen[1] = Files.readString(folder.resolve(RunLayout.LOCK));
      }
    });

    assertThat(seen[0]).isEqualTo("rwx------");
    assertThat(seen[1]).startsWith("pid=" + ProcessHandle.current().pid() + "\nhost=");
    assertThat(done.resolve(RunLayout.LOCK)).doesNotExist();
    // once in place the run folder opens up as publish/ was made (restricted/ stays owner-only)
    assertThat(Files.getPosixFilePermissions(done)).isEqualTo(Files.getPosixFilePermissions(done.resolve(RunLayout.PUBLISH)));
    // the report is written inside the temporary folder as publish/ is, so it is as readable
    RunLayout layout = new RunLayout(done);
    assertThat(Files.getPosixFilePermissions(layout.report())).isEqualTo(Files.getPosixFilePermissions(layout.publish()));
    assertThat(Files.getPosixFilePermissions(layout.reportPage())).isEqualTo(Files.getPosixFilePermissions(layout.publishedTable("charge_rates")));
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(done.resolve(RunLayout.RESTRICTED))))
        .isEqualTo("rwx------");
  }

  /** Swaps the file's last digit for another: same size, other bytes. */
  static void replaceLastDigit(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] >= '0' && bytes[i] <= '9') {
        bytes[i] = (byte) (bytes[i] == '9' ? '8' : bytes[i] + 1);
        break;
      }
    }
    Files.write(file, bytes);
  }

  private Path run(RunCommandRunner.Checkpoint checkpoint) throws IOException {
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      return new RunCommandRunner(quiet, checkpoint).run(new RunCommandRunner.Request(
          input, input.toString(), output, Optional.of(LocalDate.parse("2025-10-31")), false, 0.01, 1 << 20, 8 << 20, List.of(),
          Optional.empty()));
    }
  }

  /** The InputException the run ends with, however deep Beam wrapped it. */
  private InputException runFailing(RunCommandRunner.Checkpoint checkpoint) {
    Throwable thrown = catchThrowable(() -> run(checkpoint));
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InputException input) {
        return input;
      }
    }
    throw new AssertionError("the run did not fail with an InputException", thrown);
  }

  private void assertNothingLeft() throws IOException {
    assertThat(output).as("no run folder").doesNotExist();
    try (Stream<Path> left = Files.list(runs)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary folder").isEmpty();
    }
  }
}
