package org.offstats.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.offstats.domain.NumberFormats;
import org.offstats.extract.ReadProgress;

/**
 * What {@code offstats run} shows on stderr while it works (OUTPUTS.md: "Long work shows progress
 * on stderr when it is a terminal"). It polls the job's {@link ReadProgress} counters from the
 * {@link PipelineResult}: a bar redrawn on one line for a terminal, else one line a stage. It
 * shows counts and sizes only, never a row.
 */
final class RunProgress {
  /** {@code --progress}: {@code auto} is a bar on a terminal and lines elsewhere. */
  enum Mode {
    AUTO,
    BAR,
    LINES,
    OFF;

    Mode resolve(boolean terminal) {
      return this != AUTO ? this : terminal ? BAR : LINES;
    }
  }

  /**
   * An extract's files as scanned before the run: how many and their size on disk; {@code counted}
   * when the job counts them as it reads them (the force extracts, not police.uk files).
   */
  record Extract(String name, int files, long bytes, boolean counted) {
    Extract(String name, int files, long bytes) {
      this(name, files, bytes, true);
    }
  }

  /** How far the job has read an extract. */
  record Read(long rows, long bytes, long files) {
    static final Read NONE = new Read(0, 0, 0);
  }

  private static final Duration POLL = Duration.ofMillis(500);
  private static final int BAR_WIDTH = 24;

  private final Mode mode;
  private final PrintStream err;
  private final List<Extract> extracts;
  private final LongSupplier nanoTime;
  private final Runnable whenAllRead;
  private final Set<String> reported = new TreeSet<>();
  private boolean allReadSignalled;
  private int barLength;

  RunProgress(Mode mode, PrintStream err, List<Extract> extracts, LongSupplier nanoTime) {
    this(mode, err, extracts, nanoTime, () -> {});
  }

  /** {@code whenAllRead} runs once, as soon as the counters show every counted extract's files read. */
  RunProgress(Mode mode, PrintStream err, List<Extract> extracts, LongSupplier nanoTime, Runnable whenAllRead) {
    this.mode = mode;
    this.err = err;
    this.extracts = List.copyOf(extracts);
    this.nanoTime = nanoTime;
    this.whenAllRead = whenAllRead;
  }

  /** A line saying a stage has begun or ended, unless progress is off. */
  void stage(String what) {
    if (mode != Mode.OFF) {
      clearBar();
      err.println("offstats run: " + what);
    }
  }

  /** Waits for the job, showing how far it has read; whatever the job threw comes out of here. */
  PipelineResult.State follow(PipelineResult result) {
    long started = nanoTime.getAsLong();
    try {
      while (true) {
        PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.millis(POLL.toMillis()));
        if (state != null && state.isTerminal()) {
          break;
        }
        Map<String, Read> read = read(result);
        if (!allReadSignalled && extracts.stream().allMatch(e -> !e.counted() || read.getOrDefault(e.name(), Read.NONE).files() >= e.files())) {
          allReadSignalled = true;
          whenAllRead.run();
        }
        show(read, Duration.ofNanos(nanoTime.getAsLong() - started), false);
      }
      PipelineResult.State state = result.waitUntilFinish();
      show(read(result), Duration.ofNanos(nanoTime.getAsLong() - started), true);
      return state;
    } finally {
      // a failed job's one-line error must start a line of its own
      clearBar();
    }
  }

  private void show(Map<String, Read> read, Duration elapsed, boolean finished) {
    if (mode == Mode.OFF) {
      return;
    }
    for (Extract extract : extracts) {
      Read done = read.getOrDefault(extract.name(), Read.NONE);
      if (extract.files() > 0 && (finished || done.files() >= extract.files()) && reported.add(extract.name())) {
        stage("reading: " + extractLine(extract, done, elapsed));
      }
    }
    if (mode == Mode.BAR && !finished) {
      boolean allRead = extracts.stream().allMatch(e -> e.files() == 0 || reported.contains(e.name()));
      // the tables are made after the reading, with no count to show: the time so far says the job is alive
      String bar = allRead ? "writing tables, headline figures and disclosure control ... " + seconds(elapsed) : barLine(extracts, read, elapsed);
      err.print("\r" + bar + " ".repeat(Math.max(0, barLength - bar.length())));
      err.flush();
      barLength = bar.length();
    }
  }

  private void clearBar() {
    if (barLength > 0) {
      err.print("\r" + " ".repeat(barLength) + "\r");
      barLength = 0;
    }
  }

  /** The progress counters as the runner has them now (attempted: not every runner commits metrics). */
  static Map<String, Read> read(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(ReadProgress.NAMESPACE)).build());
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (MetricResult<Long> counter : metrics.getCounters()) {
      String[] name = counter.getName().getName().split(":", 2);
      if (name.length < 2 || counter.getAttempted() == null) {
        continue;
      }
      long[] sum = sums.computeIfAbsent(name[1], k -> new long[3]);
      switch (name[0]) {
        case ReadProgress.ROWS_READ -> sum[0] += counter.getAttempted();
        case ReadProgress.BYTES_READ -> sum[1] += counter.getAttempted();
        case ReadProgress.FILES_READ -> sum[2] += counter.getAttempted();
        default -> { }
      }
    }
    Map<String, Read> read = new LinkedHashMap<>();
    sums.forEach((extract, sum) -> read.put(extract, new Read(sum[0], sum[1], sum[2])));
    return read;
  }

  /** One extract's line, e.g. {@code arrests: 2 files, 3.4 MB, 25,017 rows in 2.1 s (11,913 rows/s)}. */
  static String extractLine(Extract extract, Read read, Duration elapsed) {
    return extract.name() + ": " + extract.files() + (extract.files() == 1 ? " file, " : " files, ") + size(read.bytes()) + ", "
        + NumberFormats.grouped(read.rows()) + " rows in " + seconds(elapsed) + " (" + rate(read.rows(), elapsed) + " rows/s)";
  }

  /**
   * The bar over all extracts, e.g. {@code [######------] 50% 1.2 MB of 2.4 MB, 0.6 MB/s, ETA 0:02;
   * arrests 12,000 rows, outcomes 0 rows}: the share and ETA go by bytes, which are known before
   * the job starts, where rows are not.
   */
  static String barLine(List<Extract> extracts, Map<String, Read> read, Duration elapsed) {
    long total = 0;
    long done = 0;
    List<String> rows = new ArrayList<>();
    for (Extract extract : extracts) {
      if (extract.files() == 0) {
        continue;
      }
      Read r = read.getOrDefault(extract.name(), Read.NONE);
      total += extract.bytes();
      done += Math.min(r.bytes(), extract.bytes());
      rows.add(extract.name() + " " + NumberFormats.grouped(r.rows()) + " rows");
    }
    double share = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(share * BAR_WIDTH);
    return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + Math.round(share * 100) + "% " + size(done) + " of "
        + size(total) + ", " + size(Math.round(done / Math.max(secondsOf(elapsed), 1e-9))) + "/s, ETA " + eta(done, total, elapsed) + "; "
        + String.join(", ", rows);
  }

  /** The time left at the rate so far, as m:ss (h:mm:ss past an hour); {@code --:--} before anything is read. */
  static String eta(long done, long total, Duration elapsed) {
    if (done >= total) {
      return "0:00";
    }
    if (done == 0 || elapsed.isZero()) {
      return "--:--";
    }
    long left = (long) Math.ceil((total - done) * secondsOf(elapsed) / done);
    return left >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
        : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
  }

  /** Rows a second so far, grouped, e.g. {@code 11,913}. */
  static String rate(long rows, Duration elapsed) {
    return NumberFormats.grouped(Math.round(rows / Math.max(secondsOf(elapsed), 1e-3)));
  }

  /** A size in decimal units with one decimal: {@code 812 B}, {@code 3.4 kB}, {@code 25.0 MB}. */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes / 1000.0;
    int unit = 0;
    while (value >= 999.95 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String seconds(Duration elapsed) {
    return String.format(Locale.ROOT, "%.1f s", secondsOf(elapsed));
  }

  private static double secondsOf(Duration elapsed) {
    return elapsed.toNanos() / 1e9;
  }
}
