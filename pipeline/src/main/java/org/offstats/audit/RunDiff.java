package org.offstats.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.offstats.run.RunLayout;

/**
 * {@code offstats diff} (OUTPUTS.md; issue 5): the revisions between two runs, as a revisions note
 * needs them. First what changed between the runs' inputs, from their manifests: the extracts, the
 * reference data, the headline definitions, the as-at date, the parameters and the tool. Then every
 * published headline figure and every published table cell that differs, old and new value and the
 * change, grouped by table, and the rows found in one run only. Reads {@code publish/} only.
 */
public final class RunDiff {
  private final PrintWriter out;

  public RunDiff(PrintWriter out) {
    this.out = out;
  }

  /** What {@link #diff} found in the published files. */
  public record Summary(int cellsChanged, int rowsOnlyInA, int rowsOnlyInB, int tablesChanged, int otherFilesChanged) {
    public boolean anyChange() {
      return cellsChanged + rowsOnlyInA + rowsOnlyInB + tablesChanged + otherFilesChanged > 0;
    }
  }

  public Summary diff(RunManifest a, RunManifest b) throws IOException {
    out.println("offstats diff: A = " + a.runDir() + ", B = " + b.runDir());
    out.println("What changed between the runs (from their manifests):");
    Causes causes = causes(a, b);
    causes.lines().forEach(line -> out.println("  " + line));
    out.println("  so: " + causes.attribution());

    Path publishA = new RunLayout(a.runDir()).publish();
    Path publishB = new RunLayout(b.runDir()).publish();
    List<String> files = publishedFiles(publishA, publishB);
    int cells = 0;
    int onlyA = 0;
    int onlyB = 0;
    int tables = 0;
    int others = 0;
    List<String> unchanged = new ArrayList<>();
    for (String file : files) {
      Path fileA = publishA.resolve(file);
      Path fileB = publishB.resolve(file);
      if (isOtherFormat(file)) {
        others += otherFormatChange(file, publishA, publishB);
        continue;
      }
      String title = title(file);
      if (!Files.isRegularFile(fileA) || !Files.isRegularFile(fileB)) {
        out.println();
        out.println(title + ": only in " + (Files.isRegularFile(fileA) ? "A" : "B") + rowsNote(Files.isRegularFile(fileA) ? fileA : fileB));
        tables++;
        continue;
      }
      if (Files.mismatch(fileA, fileB) == -1L) {
        unchanged.add(file.endsWith(".parquet") ? ParquetTables.tableName(fileA) : file);
        continue;
      }
      if (!file.endsWith(".parquet")) {
        others++;
        out.println();
        out.println("publish/" + file + ": differs (it restates the headline figures above)");
        continue;
      }
      TableDiff.Changes changes = TableDiff.compare(readPublished(fileA, a), readPublished(fileB, b));
      out.println();
      if (changes.isEmpty()) {
        out.println(title + ": the same rows and values; only the file's bytes differ");
        others++;
        continue;
      }
      out.println(title + ": " + changes.cells().size() + " cell(s) changed, " + changes.onlyInA().size() + " row(s) only in A, "
          + changes.onlyInB().size() + " row(s) only in B");
      changes.columnNotes().forEach(n -> out.println("  " + n.replace("the first", "A").replace("the second", "B")));
      changes.cells().forEach(c -> out.println("  [" + c.row() + "] " + c.column() + ": " + Values.show(c.before()) + " → "
          + Values.show(c.after()) + (Values.change(c.before(), c.after()).isEmpty() ? "" : " (" + Values.change(c.before(), c.after()) + ")")));
      changes.onlyInA().forEach(r -> out.println("  [" + r.row() + "] only in A: " + r.measures()));
      changes.onlyInB().forEach(r -> out.println("  [" + r.row() + "] only in B: " + r.measures()));
      cells += changes.cells().size();
      onlyA += changes.onlyInA().size();
      onlyB += changes.onlyInB().size();
      if (!changes.columnNotes().isEmpty()) {
        tables++;
      }
    }
    out.println();
    if (!unchanged.isEmpty()) {
      out.println("Unchanged: " + String.join(", ", unchanged));
    }
    Summary summary = new Summary(cells, onlyA, onlyB, tables, others);
    out.println("diff: " + (summary.anyChange()
        ? cells + " cell(s) changed, " + onlyA + " row(s) only in A, " + onlyB + " row(s) only in B"
            + (tables > 0 ? ", " + tables + " table(s) or column(s) in one run only" : "")
        : "no published figure or table cell differs"));
    out.flush();
    return summary;
  }

  /** {@code publish/<table>.arrow} and {@code .csv}: the table of {@code <table>.parquet} in another format. */
  private static boolean isOtherFormat(String file) {
    return RunLayout.tableOf(RunLayout.PUBLISH + "/" + file) != null && !file.endsWith(RunLayout.PARQUET);
  }

  /**
   * The cells of a table in another format are those listed for its Parquet file: such a file is
   * named only when it is in one run alone, or differs while the Parquet file does not (its format
   * changed with the tool). Returns 1 when it is named.
   */
  private int otherFormatChange(String file, Path publishA, Path publishB) throws IOException {
    String table = RunLayout.tableOf(RunLayout.PUBLISH + "/" + file);
    Path fileA = publishA.resolve(file);
    Path fileB = publishB.resolve(file);
    Path parquetA = publishA.resolve(table + RunLayout.PARQUET);
    Path parquetB = publishB.resolve(table + RunLayout.PARQUET);
    String change;
    if (!Files.isRegularFile(fileA) || !Files.isRegularFile(fileB)) {
      change = "only in " + (Files.isRegularFile(fileA) ? "A" : "B") + " (table " + table + " in another format)";
    } else if (Files.mismatch(fileA, fileB) == -1L
        || Files.isRegularFile(parquetA) && Files.isRegularFile(parquetB) && Files.mismatch(parquetA, parquetB) != -1L) {
      return 0;
    } else {
      change = "differs, but publish/" + table + RunLayout.PARQUET + " does not: the file's format changed, not its cells";
    }
    out.println();
    out.println("publish/" + file + ": " + change);
    return 1;
  }

  private static ParquetTables.Table readPublished(Path file, RunManifest run) {
    try {
      return ParquetTables.read(file);
    } catch (ParquetTables.UnreadableException e) {
      throw new org.offstats.extract.InputException(run.runDir().resolve(RunLayout.PUBLISH).resolve(file.getFileName()) + ": "
          + e.getMessage());
    }
  }

  /** Headlines first: they are what a revisions note leads with. */
  private static List<String> publishedFiles(Path a, Path b) throws IOException {
    Set<String> files = new LinkedHashSet<>();
    files.add(HeadlineValues.TABLE + ".parquet");
    for (Path folder : List.of(a, b)) {
      if (Files.isDirectory(folder)) {
        for (String file : InputCheck.files(folder)) {
          files.add(file);
        }
      }
    }
    return files.stream().filter(f -> Files.isRegularFile(a.resolve(f)) || Files.isRegularFile(b.resolve(f))).toList();
  }

  private static String title(String file) {
    return file.equals(HeadlineValues.TABLE + ".parquet")
        ? "Headline figures (publish/" + file + ")"
        : file.endsWith(".parquet") ? "Table " + file.substring(0, file.length() - ".parquet".length()) + " (publish/" + file + ")" : "publish/" + file;
  }

  private static String rowsNote(Path file) {
    if (!file.toString().endsWith(".parquet")) {
      return "";
    }
    try {
      return " (" + ParquetTables.read(file).rows().size() + " rows)";
    } catch (ParquetTables.UnreadableException e) {
      return " (" + e.getMessage() + ")";
    }
  }

  /** What the manifests say changed, and so where the revisions below can come from. */
  record Causes(List<String> lines, String attribution) {}

  static Causes causes(RunManifest a, RunManifest b) {
    List<String> lines = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Map<String, String> inputsA = new LinkedHashMap<>();
    a.inputs().forEach(i -> inputsA.put(i.path(), i.sha256()));
    Map<String, String> inputsB = new LinkedHashMap<>();
    b.inputs().forEach(i -> inputsB.put(i.path(), i.sha256()));
    List<String> extractChanges = changes(inputsA, inputsB);
    lines.add("extracts: " + (extractChanges.isEmpty() ? "unchanged (" + inputsA.size() + " file(s))" : String.join("; ", extractChanges)));
    if (!extractChanges.isEmpty()) {
      sources.add("changed extracts");
    }
    Map<String, String> referenceA = new LinkedHashMap<>();
    a.reference().forEach(r -> referenceA.put(r.name(), r.sha256()));
    Map<String, String> referenceB = new LinkedHashMap<>();
    b.reference().forEach(r -> referenceB.put(r.name(), r.sha256()));
    List<String> referenceChanges = changes(referenceA, referenceB);
    lines.add("reference data: " + (referenceChanges.isEmpty() ? "unchanged" : String.join("; ", referenceChanges)));
    if (!referenceChanges.isEmpty()) {
      sources.add("changed reference data");
    }
    boolean figuresChanged = !a.figuresSha256().equals(b.figuresSha256());
    lines.add("headline definitions: " + (figuresChanged
        ? "changed (figures.sha256 " + Sha256.shortForm(a.figuresSha256()) + " → " + Sha256.shortForm(b.figuresSha256())
            + "): they shape the headline figures only"
        : "unchanged"));
    if (figuresChanged) {
      sources.add("changed headline definitions (headline figures only)");
    }
    boolean asAtChanged = !a.asAt().equals(b.asAt());
    lines.add("as-at date: " + (asAtChanged ? a.asAt() + " → " + b.asAt() : a.asAt() + " in both"));
    if (asAtChanged) {
      sources.add("the later as-at date");
    }
    List<String> parameters = new ArrayList<>();
    if (a.maxRejectRate() != b.maxRejectRate()) {
      parameters.add("--max-reject-rate " + a.maxRejectRate() + " → " + b.maxRejectRate());
    }
    if (a.fieldLimitBytes() != b.fieldLimitBytes()) {
      parameters.add("--max-field-bytes " + a.fieldLimitBytes() + " → " + b.fieldLimitBytes());
      sources.add("the field size limit");
    }
    if (a.recordLimitBytes() != b.recordLimitBytes()) {
      parameters.add("--max-record-bytes " + a.recordLimitBytes() + " → " + b.recordLimitBytes());
      sources.add("the record size limit");
    }
    lines.add("parameters: " + (parameters.isEmpty() ? "the same" : String.join("; ", parameters)));
    boolean toolChanged = !a.toolVersion().equals(b.toolVersion()) || !a.gitCommit().equals(b.gitCommit());
    lines.add("tool: " + (toolChanged
        ? "offstats " + a.toolVersion() + " (git " + a.gitCommit() + ") → " + b.toolVersion() + " (git " + b.gitCommit() + ")"
        : "offstats " + a.toolVersion() + " (git " + a.gitCommit() + ") for both"));
    if (toolChanged) {
      sources.add("the change of tool version");
    }
    String attribution = switch (sources.size()) {
      case 0 -> "the inputs, parameters and tool are the same: no published value should differ";
      case 1 -> "every difference below comes from " + sources.get(0);
      default -> "the differences below come from " + String.join(", ", sources)
          + "; one cell cannot be attributed to one of them without rerunning one run's extracts with the other's settings";
    };
    return new Causes(lines, attribution);
  }

  private static List<String> changes(Map<String, String> a, Map<String, String> b) {
    List<String> changes = new ArrayList<>();
    a.forEach((name, sha) -> {
      if (!b.containsKey(name)) {
        changes.add(name + " only in A");
      } else if (!Objects.equals(sha, b.get(name))) {
        changes.add(name + " changed (SHA-256 " + Sha256.shortForm(sha) + " → " + Sha256.shortForm(b.get(name)) + ")");
      }
    });
    b.keySet().stream().filter(name -> !a.containsKey(name)).forEach(name -> changes.add(name + " only in B"));
    return changes;
  }
}
