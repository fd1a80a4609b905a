package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress lines, from fixed counts and times. */
class RunProgressTest {
  private static final RunProgress.Extract ARRESTS = new RunProgress.Extract("arrests", 2, 4_000_000);
  private static final RunProgress.Extract OUTCOMES = new RunProgress.Extract("outcomes", 1, 1_000_000);
  private static final RunProgress.Extract ORDERS = new RunProgress.Extract("protection_orders", 0, 0);

  @Test
  void anExtractsLineHasFilesSizeRowsAndRate() {
    assertThat(RunProgress.extractLine(ARRESTS, new RunProgress.Read(25_017, 4_000_000, 2), Duration.ofMillis(2_500)))
        .isEqualTo("arrests: 2 files, 4.0 MB, 25,017 rows in 2.5 s (10,007 rows/s)");
    assertThat(RunProgress.extractLine(OUTCOMES, new RunProgress.Read(3, 812, 1), Duration.ofSeconds(1)))
        .isEqualTo("outcomes: 1 file, 812 B, 3 rows in 1.0 s (3 rows/s)");
  }

  @Test
  void theBarGoesByBytesAndLeavesOutExtractsWithNoFiles() {
    Map<String, RunProgress.Read> read =
        Map.of("arrests", new RunProgress.Read(12_000, 2_000_000, 1), "outcomes", new RunProgress.Read(500, 500_000, 0));
    // 2.5 MB of 5 MB in 5 s: 0.5 MB/s, 5 s to go
    assertThat(RunProgress.barLine(List.of(ARRESTS, OUTCOMES, ORDERS), read, Duration.ofSeconds(5)))
        .isEqualTo("[############------------] 50% 2.5 MB of 5.0 MB, 500.0 kB/s, ETA 0:05; arrests 12,000 rows, outcomes 500 rows");
  }

  @Test
  void theEtaIsTheTimeLeftAtTheRateSoFar() {
    assertThat(RunProgress.eta(0, 100, Duration.ofSeconds(3))).isEqualTo("--:--");
    assertThat(RunProgress.eta(100, 100, Duration.ofSeconds(3))).isEqualTo("0:00");
    assertThat(RunProgress.eta(1, 4, Duration.ofSeconds(30))).isEqualTo("1:30");
    assertThat(RunProgress.eta(1, 1_000, Duration.ofSeconds(10))).isEqualTo("2:46:30");
  }

  @Test
  void sizesAreInDecimalUnits() {
    assertThat(RunProgress.size(999)).isEqualTo("999 B");
    assertThat(RunProgress.size(1_000)).isEqualTo("1.0 kB");
    assertThat(RunProgress.size(999_960)).isEqualTo("1.0 MB");
    assertThat(RunProgress.size(25_017_000_000L)).isEqualTo("25.0 GB");
  }

  @Test
  void stagesArePrintedUnlessProgressIsOff() {
    assertThat(stageLines(RunProgress.Mode.LINES)).isEqualTo("offstats run: checking reject rates\n");
    assertThat(stageLines(RunProgress.Mode.OFF)).isEmpty();
  }

  @Test
  void autoIsABarOnATerminalOnly() {
    assertThat(RunProgress.Mode.AUTO.resolve(true)).isEqualTo(RunProgress.Mode.BAR);
    assertThat(RunProgress.Mode.AUTO.resolve(false)).isEqualTo(RunProgress.Mode.LINES);
    assertThat(RunProgress.Mode.OFF.resolve(true)).isEqualTo(RunProgress.Mode.OFF);
  }

  private static String stageLines(RunProgress.Mode mode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new RunProgress(mode, err, List.of(ARRESTS), () -> 0L).stage("checking reject rates");
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
