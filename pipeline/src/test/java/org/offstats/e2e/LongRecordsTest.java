package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, resource limits: a record larger than {@code --max-record-bytes} is rejected as
 * {@code RECORD_TOO_LONG} without being held in memory, and reading goes on with the next record;
 * a quote left open near the start of a large file stops the run naming the line and column where
 * it opened and how far it ran, instead of swallowing the rest of the file. Memory is shown bounded
 * by running the command in a child JVM with a 256 MB heap on a 50 MB record.
 */
class LongRecordsTest {

  static final String AS_AT = "2025-10-31";

  /** The arrests fixture's first three lines: the header and records on lines 2 and 3. */
  static List<String> fixtureArrests(Path input) throws IOException {
    return Files.readAllLines(input.resolve("arrests.csv"), StandardCharsets.UTF_8);
  }

  @Test
  void aFiftyMegabyteRecordIsRejectedInASmallHeapAndTheRecordsAfterItAreRead(@TempDir Path dir) throws Exception {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    List<String> lines = fixtureArrests(input);
    // a record on line 4 whose quoted operation field holds 50 lines of 1 MiB each (a line break
    // closes each): lines 4 to 54; the fixture's records from its line 4 on move to line 55 on
    String start = "ARR-HUGE,PER-HUGE,2023-01-05,CE,RESP1,8N,N,\"";
    String end = "\",M,30-39,W1";
    String chunk = "x".repeat(1024 * 1024 - 1) + "\n";
    Path arrests = input.resolve("arrests.csv");
    try (BufferedWriter out = Files.newBufferedWriter(arrests, StandardCharsets.UTF_8)) {
      for (String line : lines.subList(0, 3)) {
        out.write(line + "\n");
      }
      out.write(start);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write(end + "\n");
      for (String line : lines.subList(3, lines.size())) {
        out.write(line + "\n");
      }
    }
    // 44 characters before the quote's contents, 50 x 1,048,576, and 12 after them
    long recordBytes = start.length() + 50L * chunk.length() + end.length();
    assertThat(recordBytes).isEqualTo(44 + 52_428_800 + 12);
    Path output = dir.resolve("out");

    Process process = new ProcessBuilder(ChildJvm.offstats(List.of("-Xmx256m"),
            "run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT, "--max-reject-rate", "1"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile())
        .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("run.log"))).isZero();

    Csv.Table rejects = Csv.read(output.resolve("restricted/rejects/arrests.csv"));
    assertThat(rejects.rows()).hasSize(1);
    Csv.Row reject = rejects.rows().get(0);
    assertThat(reject.get("line")).isEqualTo("4");
    assertThat(reject.get("reason_code")).isEqualTo("RECORD_TOO_LONG");
    assertThat(reject.get("message")).isEqualTo("the record is 52,428,856 bytes over lines 4 to 54, over the limit of 8,388,608"
        + " (--max-record-bytes); it was skipped without being read whole, and raw holds its first characters only");
    assertThat(reject.get("raw")).isEqualTo((start + chunk).substring(0, 1024));
    JsonNode counts = RunFolder.input(RunFolder.manifest(output), "arrests.csv");
    assertThat(counts.path("rows_read").asLong()).isEqualTo(11);
    assertThat(counts.path("rows_accepted").asLong()).as("the 10 fixture records, after it too").isEqualTo(10);
    assertThat(RunFolder.rejectsByReason(counts)).containsExactly(java.util.Map.entry("RECORD_TOO_LONG", 1L));
  }

  @Test
  void aQuoteLeftOpenInAFileLargerThanTheLimitNamesWhereItOpenedAndHowFarItRan(@TempDir Path dir) throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    Extract extract = withOpenQuote(input.resolve("arrests.csv"), fixtureArrests(input), 2_000);

    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", dir.resolve("out").toString(), "--as-at", AS_AT,
        "--max-record-bytes", "4096");

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(errorLines(result.stderr())).containsExactly(extract.expectedError());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** The same on a file of some 200 MB with the default limit, in a 256 MB heap: the soak run only. */
  @Test
  @Tag("soak")
  void aQuoteLeftOpenNearTheStartOfA200MegabyteExtract(@TempDir Path dir) throws Exception {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    Extract extract = withOpenQuote(input.resolve("arrests.csv"), fixtureArrests(input), 3_800_000);
    assertThat(extract.bytesFromRecordStart()).isGreaterThan(200_000_000L);

    Process process = new ProcessBuilder(ChildJvm.offstats(List.of("-Xmx256m"),
            "run", "--input", input.toString(), "--output", dir.resolve("out").toString(), "--as-at", AS_AT))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertThat(process.exitValue()).as(stderr).isEqualTo(2);
    assertThat(errorLines(stderr)).containsExactly(extract.expectedError());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** What a run printed on stderr other than its progress lines. */
  static java.util.List<String> errorLines(String stderr) {
    return stderr.lines().filter(l -> !l.startsWith("offstats run: ")).toList();
  }

  /** An arrests file with an unbalanced quote on line 3; what the error must say, counted while writing. */
  record Extract(long quoteColumn, long bytesFromRecordStart, long lastLine) {
    String expectedError() {
      return "offstats: error: arrests.csv, line 3: a quoted field is still open at the end of the file: it opened at column "
          + quoteColumn + " of this line and runs on for " + String.format(java.util.Locale.UK, "%,d", bytesFromRecordStart) + " bytes, past"
          + " --max-record-bytes, to line " + lastLine + ", the end of the file (rule: RFC 4180 quoting); the rest of the file"
          + " cannot be read: look for an unbalanced quote on line 3";
    }
  }

  /**
   * Writes the header and the first record of the fixture, then on line 3 a record whose
   * operation opens a quote that never closes, then {@code records} well-formed records.
   */
  static Extract withOpenQuote(Path file, List<String> fixture, int records) throws IOException {
    String opening = "ARR-0003,PER-ALPHA-01,2022-07-20,CE,POU2,8N,N,\"unbalanced,M,30-39,W1\n";
    long bytes = opening.length();
    long line = 3;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(fixture.get(0) + "\n" + fixture.get(1) + "\n");
      out.write(opening);
      for (int i = 0; i < records; i++) {
        String record = String.format("ARR-%07d,PER-%07d,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n", i, i);
        out.write(record);
        bytes += record.length();
        line++;
      }
    }
    // the quote is the 47th character of line 3 (9 + 13 + 11 + 3 + 5 + 3 + 2 characters of fields
    // and commas before it); every byte from the record's start to the end of the file is inside
    // the record, the final line feed too
    assertThat(opening.indexOf('"')).isEqualTo(46);
    return new Extract(47, bytes, line);
  }
}
