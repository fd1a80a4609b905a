package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How a file system's refusal becomes one line naming the path: a write on a full disk fails
 * with a bare {@code IOException("No space left on device")}, which names no file, so the writer's
 * path is put to it; a {@link FileSystemException} names its own file first, which the reason
 * leaves out.
 */
class CannotWriteExceptionTest {
  static final Path TEMP = Path.of("/data/runs/.offstats-tmp-out-1234");
  static final Path FILE = TEMP.resolve("publish/charge_rates.parquet");

  @Test
  void aFullDiskNamesTheFileBeingWritten() {
    assertThat(CannotWriteException.of(FILE, new IOException("No space left on device")).getMessage())
        .isEqualTo("/data/runs/.offstats-tmp-out-1234/publish/charge_rates.parquet: cannot be written (No space left on device);"
            + " free some space on that disk, or choose another --output");
  }

  @Test
  void fromTheRunsSideItNamesTheOutputAndTheFileInsideIt() {
    CannotWriteException failure = CannotWriteException.of(FILE, new FileSystemException(FILE.toString(), null, "No space left on device"));
    assertThat(failure.within(TEMP, Path.of("/data/runs/out")).getMessage())
        .isEqualTo("/data/runs/out: the run could not write publish/charge_rates.parquet (No space left on device); nothing was"
            + " written: free some space on that disk, or choose another --output");
    assertThat(CannotWriteException.of(TEMP, new AccessDeniedException(TEMP.toString())).within(TEMP, Path.of("/data/runs/out")).getMessage())
        .isEqualTo("/data/runs/out: the run could not write its folder (permission denied); nothing was written: check the folder's"
            + " permissions, or choose another --output");
  }

  @Test
  void theReasonLeavesOutThePathAFileSystemExceptionStartsWith() {
    assertThat(CannotWriteException.reason(new FileSystemException("/x/y", null, "Read-only file system"))).isEqualTo("Read-only file system");
    assertThat(CannotWriteException.reason(new AccessDeniedException("/x/y"))).isEqualTo("permission denied");
    assertThat(CannotWriteException.reason(new UncheckedIOException(new IOException("Disk quota exceeded")))).isEqualTo("Disk quota exceeded");
  }

  @Test
  void onlyIoFailuresAreTheDisksOthersStayInternalErrors() {
    // parquet-mr wraps a failed page write in a runtime exception of its own
    RuntimeException wrapped = new RuntimeException("could not write page", new IOException("No space left on device"));
    assertThat(CannotWriteException.writing(FILE, wrapped)).isInstanceOf(CannotWriteException.class);
    IllegalStateException bug = new IllegalStateException("two rows for one key");
    assertThat(CannotWriteException.writing(FILE, bug)).isSameAs(bug);
  }

  @Test
  void outsideTheRunsWritersOnlyAFullReadOnlyOrForbiddenDiskIsExitTwo() {
    assertThat(CannotWriteException.fromFileSystem(new RuntimeException(new FileSystemException("/tmp/x", null, "No space left on device"))))
        .hasValueSatisfying(e -> assertThat(e.getMessage())
            .isEqualTo("/tmp/x: cannot be written (No space left on device); free some space on that disk, or choose another --output"));
    assertThat(CannotWriteException.fromFileSystem(new RuntimeException(new NoSuchFileException("/tmp/x")))).isEmpty();
    assertThat(CannotWriteException.fromFileSystem(new IllegalStateException("a bug"))).isEmpty();
  }
}
