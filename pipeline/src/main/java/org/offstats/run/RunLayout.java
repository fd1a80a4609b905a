package org.offstats.run;

import java.nio.file.Path;

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

  private final Path root;

  public RunLayout(Path root) {
    this.root = root;
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
    return publish().resolve(table + ".parquet");
  }

  public Path restrictedTable(String table) {
    return restricted().resolve(table + ".parquet");
  }

  public Path rejectsFile(String extract) {
    return rejects().resolve(extract + ".csv");
  }
}
