package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.SyntheticExtracts;

/** Files checksummed side by side come back in their order, and fail as one-by-one reading would. */
class InputScanPerFileTest {
  private static Map<String, Path> files(String... names) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String name : names) {
      files.put(name, Path.of("/nowhere", name));
    }
    return files;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void resultsComeInTheFilesOrderWhateverOrderTheyFinishIn() throws IOException {
    CountDownLatch lastDone = new CountDownLatch(1);
    Map<String, String> results = InputScan.perFile(files("c.csv", "a.csv", "b.csv"), (path, relative) -> {
      if (relative.equals("b.csv")) {
        lastDone.countDown();
      } else if (relative.equals("c.csv")) {
        awaitQuietly(lastDone); // the first file finishes after the last
      }
      return relative + " at " + path;
    }, 2);
    assertThat(results).containsExactly(
        Map.entry("c.csv", "c.csv at /nowhere/c.csv"),
        Map.entry("a.csv", "a.csv at /nowhere/a.csv"),
        Map.entry("b.csv", "b.csv at /nowhere/b.csv"));
  }

  @Test
  void whenSeveralFilesFailTheFirstInOrderIsReported() {
    CountDownLatch laterFailed = new CountDownLatch(1);
    assertThatThrownBy(() -> InputScan.perFile(files("a.csv", "b.csv", "c.csv"), (path, relative) -> {
      if (relative.equals("c.csv")) {
        laterFailed.countDown();
        throw InputException.in(relative, "changed");
      }
      if (relative.equals("b.csv")) {
        awaitQuietly(laterFailed); // fails after c.csv has
        throw new IOException("b.csv: cannot be read");
      }
      return relative;
    }, 2)).isInstanceOf(IOException.class).hasMessage("b.csv: cannot be read");
  }

  @Test
  void afterTheJobTheFirstFileInOrderThatChangedIsReportedWhateverLaterFilesDo(@TempDir Path dir) throws IOException {
    SyntheticExtracts.write(dir, 100, 3, false);
    InputScan scan = InputScan.of(dir);
    List<String> files = List.copyOf(scan.checksums().keySet());
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    // the first file is rewritten to the same size, a later one is gone
    Path first = dir.resolve(files.get(0));
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == 'x' ? 'y' : 'x');
    Files.write(first, bytes);
    Files.delete(dir.resolve(files.get(2)));

    assertThatThrownBy(scan::confirmUnchanged)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(files.get(0) + ": changed while it was being read (");
  }
}
