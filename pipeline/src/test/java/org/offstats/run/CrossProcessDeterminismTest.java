package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.extract.InputScan;
import org.offstats.generate.SyntheticExtracts;

/**
 * Byte-identity across processes, not only across runs in one JVM: anything that depends on
 * identity hash codes, default locale or time zone (parquet-mr's encoding sets were one such
 * thing) differs only between JVMs. Two separate JVMs at different parallelisms and time zones
 * must write the same bytes.
 */
class CrossProcessDeterminismTest {

  @Test
  void twoJvmsWriteIdenticalFiles(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 800, 11, true);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    runInNewJvm(input, first, "UTC", "--targetParallelism=1");
    runInNewJvm(input, second, "Asia/Tokyo", "--targetParallelism=3");

    Map<String, String> firstFiles = checksums(first);
    assertThat(firstFiles).containsKeys("publish/headlines.parquet", "restricted/rejects/arrests.csv");
    assertThat(checksums(second)).isEqualTo(firstFiles);
  }

  private static void runInNewJvm(Path input, Path output, String timeZone, String parallelism) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Duser.timezone=" + timeZone,
                // as offstats.jar's manifest does, for Arrow Java (ArrowTableWriter)
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "org.offstats.cli.OffstatsCli",
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--as-at",
                "2025-10-31",
                parallelism)
            .redirectErrorStream(true)
            .redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(output.resolveSibling(output.getFileName() + ".log")))
        .isZero();
  }

  /** SHA-256 of every file under publish/ and restricted/, by path relative to the run folder. */
  private static Map<String, String> checksums(Path run) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    for (String folder : new String[] {RunLayout.PUBLISH, RunLayout.RESTRICTED}) {
      try (Stream<Path> files = Files.walk(run.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String relative = run.relativize(file).toString();
          sums.put(relative, InputScan.checksum(file, relative).sha256());
        }
      }
    }
    return sums;
  }
}
