package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXTRACTS.md and issue 8: {@code --max-reject-rate R} applies to each extract over all its files
 * (not to each file, nor to all extracts together), and the message names the extract, the share
 * and the commonest reasons. Shares and messages worked out by hand from the hand-worked fixture
 * (10 arrests, 17 crimes, 10 protection order events, none rejected).
 */
class RejectRatePolicyTest {
  @TempDir Path dir;

  @Test
  void theMessageNamesTheExtractTheShareAndTheThreeCommonestReasons() throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    append(input.resolve("arrests.csv"),
        "ARR-0011,PER-0011,2023-01-05,CE,RESP1,99Z,N,,M,30-39,W1\n" // UNKNOWN_CODE: no offence 99Z
            + "ARR-0012,PER-0012,2023-01-05,CE,RESP1,99Y,N,,M,30-39,W1\n" // UNKNOWN_CODE
            + "ARR-0013,PER-0013,2023-01-05,CE,RESP1,8N,N,,Q,30-39,W1\n" // BAD_FORMAT: sex Q
            + "ARR-0014,,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n" // MISSING_VALUE: person_ref
            + "ARR-0015,PER-0015,1999-12-31,CE,RESP1,8N,N,,M,30-39,W1\n"); // OUT_OF_RANGE: before 2000

    Cli.Result result = run(input);

    // 5 of 15 rejected: 33.33%; ties of one are listed by name, and only three reasons are named
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr().lines().filter(l -> !l.startsWith("offstats run: ")).toList()).containsExactly(
        "offstats: error: arrests: 33.33% of its 15 records were rejected (5), more than --max-reject-rate 0.01; commonest reasons:"
            + " UNKNOWN_CODE 2, BAD_FORMAT 1, MISSING_VALUE 1; see the reasons with --max-reject-rate 1 in restricted/rejects/arrests.csv");
    assertNothingLeft();
  }

  @Test
  void theShareIsTakenOverAllTheFilesOfTheExtract() throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    // arrests.csv: the fixture's 10, none rejected; arrests-b.csv: 1 rejected of 7 (14.3%, over
    // 0.06 on its own); the extract: 1 of 17 (5.88%), within 0.06
    StringBuilder second = new StringBuilder(Files.readString(input.resolve("arrests.csv")).lines().findFirst().orElseThrow() + "\n");
    second.append("ARR-0011,PER-0011,2023-01-05,CE,RESP1,99Z,N,,M,30-39,W1\n");
    for (int i = 12; i <= 17; i++) {
      second.append("ARR-00").append(i).append(",PER-00").append(i).append(",2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n");
    }
    Files.writeString(input.resolve("arrests-b.csv"), second);

    Cli.Result within = run(input, "--max-reject-rate", "0.06");
    assertThat(within.exitCode()).as(within.describe()).isZero();
    JsonNode manifest = RunFolder.manifest(dir.resolve("runs/out"));
    assertThat(RunFolder.input(manifest, "arrests-b.csv").path("rows_rejected").asLong()).isEqualTo(1);
    assertThat(RunFolder.input(manifest, "arrests-b.csv").path("rows_read").asLong()).isEqualTo(7);

    // 1 of 17 is more than 0.05
    Cli.Result over = run(input, "--max-reject-rate", "0.05", "--overwrite");
    assertThat(over.exitCode()).as(over.describe()).isEqualTo(2);
    assertThat(over.stderr()).contains("offstats: error: arrests: 5.88% of its 17 records were rejected (1), more than"
        + " --max-reject-rate 0.05; commonest reasons: UNKNOWN_CODE 1;");
  }

  @Test
  void oneExtractOverTheMaximumFailsTheRunWhateverTheOthersShare() throws IOException {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    // 1 of 10 protection order events (10%) against 1 of 37 records in all (2.7%)
    Path orders = input.resolve("protection_orders.csv");
    Files.writeString(orders, Files.readString(orders).replace("ORD-0001,DVPN,ISSUED", "ORD-0001,XVPN,ISSUED"));

    Cli.Result result = run(input, "--max-reject-rate", "0.05");

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("offstats: error: protection_orders: 10.00% of its 10 records were rejected (1), more than"
        + " --max-reject-rate 0.05; commonest reasons: BAD_FORMAT 1; see the reasons with --max-reject-rate 1 in"
        + " restricted/rejects/protection_orders.csv");
    assertNothingLeft();
  }

  private Cli.Result run(Path input, String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "run", "--input", input.toString(), "--output", dir.resolve("runs/out").toString(), "--as-at", "2025-10-31"));
    args.addAll(java.util.List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }

  private void assertNothingLeft() throws IOException {
    try (Stream<Path> left = Files.list(dir.resolve("runs"))) {
      assertThat(left.toList()).as("no run folder, no temporary folder").isEmpty();
    }
  }
}
