package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.junit.jupiter.api.Test;
import org.offstats.extract.ReadProgress;

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

  @Test
  void whenAllReadRunsOnceAtThePollThatSeesEveryCountedFileRead() {
    // what six polls see: nothing; arrests 1 of 2 files; arrests 2 of 2 and outcomes 0 of 1; then all
    // read. police.uk files are read in steps that count nothing: they are not waited for
    List<Map<String, Long>> polls =
        List.of(
            Map.of(),
            Map.of("arrests", 1L),
            Map.of("arrests", 2L, "outcomes", 0L),
            Map.of("arrests", 2L, "outcomes", 1L),
            Map.of("arrests", 2L, "outcomes", 1L),
            Map.of("arrests", 2L, "outcomes", 1L));
    RunProgress.Extract policeUk = new RunProgress.Extract("policeuk_street", 3, 9_000, false);
    FakeJob job = new FakeJob(polls);
    List<Integer> calledAt = new ArrayList<>();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new RunProgress(RunProgress.Mode.OFF, err, List.of(ARRESTS, OUTCOMES, ORDERS, policeUk), () -> 0L, () -> calledAt.add(job.polls.get()))
        .follow(job);
    assertThat(calledAt).containsExactly(4);
  }

  /** A job that runs for as many polls as it has counts of files read, then is done. */
  private static final class FakeJob implements PipelineResult {
    final AtomicInteger polls = new AtomicInteger();
    private final List<Map<String, Long>> filesRead;

    FakeJob(List<Map<String, Long>> filesRead) {
      this.filesRead = filesRead;
    }

    @Override
    public State getState() {
      return polls.get() < filesRead.size() ? State.RUNNING : State.DONE;
    }

    @Override
    public State cancel() {
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(org.joda.time.Duration duration) {
      polls.incrementAndGet();
      return getState();
    }

    @Override
    public State waitUntilFinish() {
      return State.DONE;
    }

    @Override
    public MetricResults metrics() {
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          List<MetricResult<Long>> counters = new ArrayList<>();
          filesRead.get(Math.min(polls.get(), filesRead.size()) - 1).forEach((extract, files) ->
              counters.add(MetricResult.attempted(
                  MetricKey.create("ReadExtracts", MetricName.named(ReadProgress.NAMESPACE, ReadProgress.name(ReadProgress.FILES_READ, extract))),
                  files)));
          return MetricQueryResults.create(counters, List.of(), List.of(), List.of());
        }
      };
    }
  }

  private static String stageLines(RunProgress.Mode mode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new RunProgress(mode, err, List.of(ARRESTS), () -> 0L).stage("checking reject rates");
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
