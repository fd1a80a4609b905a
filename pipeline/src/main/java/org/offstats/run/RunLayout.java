package org.offstats.run;

import java.nio.file.Path;
import java.util.List;

/** Names inside a run folder (OUTPUTS.md "Run folder"). */
public final class RunLayout {
  public static final String MANIFEST = "manifest.json";
  public static final String PUBLISH = "publish";
  public static final String RESTRICTED = "restricted";
  public static final String REJECTS = "rejects";
  /**
   * {@code report/index.html}: made from {@code publish/} and the manifest after the manifest is
   * written, so it is not one of the manifest's outputs and {@code verify} does not compare it.
   */
  public static final String REPORT = "report";
  public static final String REPORT_PAGE = "index.html";
  /** Pipeline facts (counts, as-at) on their way to the manifest; removed before the rename. */
  public static final String WORK = ".work";
  /** Temporary sibling folders are named {@code .offstats-tmp-<run name>-<random>}. */
  public static final String TEMP_PREFIX = ".offstats-tmp-";
  /** In a temporary folder: which process is writing it ({@link StrayFolders}); removed before the rename. */
  public static final String LOCK = ".offstats-run.lock";
  public static final String PARQUET = ".parquet";
  /** The same table in other formats, under publish/ only. */
  public static final String ARROW = ".arrow";

  public static final String CSV = ".csv";

  private final Path root;

  public RunLayout(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path publish() {
    return root.resolve(PUBLISH);
  }

  public Path restricted() {
    return root.resolve(RESTRICTED);
  }

  public Path rejects() {
    return restricted().resolve(REJECTS);
  }

  public Path report() {
    return root.resolve(REPORT);
  }

  public Path reportPage() {
    return report().resolve(REPORT_PAGE);
  }

  public Path work() {
    return root.resolve(WORK);
  }

  public Path publishedTable(String table) {
    return publish().resolve(table + PARQUET);
  }

  /** The table as an Arrow IPC file, beside its Parquet file. */
  public Path publishedArrow(String table) {
    return publish().resolve(table + ARROW);
  }

  /** The table as CSV for spreadsheets, beside its Parquet file. */
  public Path publishedCsv(String table) {
    return publish().resolve(table + CSV);
  }

  public Path restrictedTable(String table) {
    return restricted().resolve(table + PARQUET);
  }

  public Path rejectsFile(String extract) {
    return rejects().resolve(extract + CSV);
  }

  /**
   * The table a file holds, from its path relative to the run folder: {@code charge_rates} for
   * {@code publish/charge_rates.parquet}, {@code .arrow} or {@code .csv} and for {@code
   * restricted/charge_rates.parquet}; null for any other file (headlines.json, rejects).
   */
  public static String tableOf(String relative) {
    String[] parts = relative.split("/");
    if (parts.length != 2) {
      return null;
    }
    List<String> formats = parts[0].equals(PUBLISH) ? List.of(PARQUET, ARROW, CSV) : parts[0].equals(RESTRICTED) ? List.of(PARQUET) : List.of();
    for (String format : formats) {
      if (parts[1].endsWith(format)) {
        return parts[1].substring(0, parts[1].length() - format.length());
      }
    }
    return null;
  }
}
