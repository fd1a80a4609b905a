package org.offstats.extract;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The counters a run's progress display polls while the job reads an extract: rows and bytes read
 * so far and files finished. They are progress only; the manifest's counts are computed as data.
 */
public final class ReadProgress {
  /** The namespace of every progress counter. */
  public static final String NAMESPACE = "offstats.progress";

  public static final String ROWS_READ = "rows_read";
  public static final String BYTES_READ = "bytes_read";
  public static final String FILES_READ = "files_read";

  final Counter rowsRead;
  final Counter bytesRead;
  final Counter filesRead;

  ReadProgress(String extract) {
    rowsRead = Metrics.counter(NAMESPACE, name(ROWS_READ, extract));
    bytesRead = Metrics.counter(NAMESPACE, name(BYTES_READ, extract));
    filesRead = Metrics.counter(NAMESPACE, name(FILES_READ, extract));
  }

  /** A counter's name: what it counts and the extract, e.g. {@code rows_read:arrests}. */
  public static String name(String what, String extract) {
    return what + ":" + extract;
  }

  /** Adds the bytes that passed since {@code counted}, and returns the new count. */
  long countBytes(long passed, long counted) {
    if (passed > counted) {
      bytesRead.inc(passed - counted);
    }
    return Math.max(passed, counted);
  }
}
