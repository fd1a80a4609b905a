package org.offstats.run;

import java.nio.file.Path;

/** Names inside a run folder (OUTPUTS.md "Run folder"). */
public final class RunLayout {
  public static final String MANIFEST = "manifest.json";
  public static final String PUBLISH = "publish";
  public static final String RESTRICTED = "restricted";
  public static final String REJECTS = "rejects";
  /** Pipeline facts (counts, as-at) on their way to the manifest; removed before the rename. */
  public static final String WORK = ".work";
  /** Temporary sibling folders are named {@code .offstats-tmp-<run name>-<random>}. */
  public static final String TEMP_PREFIX = ".offstats-tmp-";
  /** In a temporary folder: which process is writing it ({@link StrayFolders}); removed before the rename. */
  public static final String LOCK = ".offstats-run.lock";

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
