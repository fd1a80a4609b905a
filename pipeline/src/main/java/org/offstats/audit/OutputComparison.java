package org.offstats.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.offstats.run.RunLayout;

/**
 * Compares a run's output files with a rerun's, byte for byte (OUTPUTS.md "Determinism"), and says
 * where two versions of a file differ: the cells of a Parquet table, the first differing line of a
 * text file (its contents only when it is under {@code publish/}: files under {@code restricted/}
 * hold identifiers).
 */
final class OutputComparison {
  /** Cell changes shown per file; the rest are counted. */
  static final int CELLS_SHOWN = 20;

  private OutputComparison() {}

  /** Returns how many files were compared. */
  static int compare(Path run, Path rerun, Findings findings) throws IOException {
    List<String> runFiles = RunFiles.outputs(run);
    List<String> rerunFiles = RunFiles.outputs(rerun);
    Set<String> inRerun = new HashSet<>(rerunFiles);
    int compared = 0;
    for (String file : runFiles) {
      if (!inRerun.contains(file)) {
        findings.difference(file, "in the run folder, but the rerun did not write it");
        continue;
      }
      compared++;
      Path a = run.resolve(file);
      Path b = rerun.resolve(file);
      if (Files.mismatch(a, b) != -1L) {
        findings.difference(file, "differs from the rerun's", whereTheyDiffer(file, a, b, "in the run", "in the rerun"));
      }
    }
    Set<String> inRun = new HashSet<>(runFiles);
    for (String file : rerunFiles) {
      if (!inRun.contains(file)) {
        findings.difference(file, "missing from the run folder (the rerun wrote it)");
      }
    }
    return compared;
  }

  /** Detail lines saying where two versions of one output file differ. */
  static List<String> whereTheyDiffer(String relative, Path a, Path b, String labelA, String labelB) throws IOException {
    if (relative.endsWith(RunLayout.PARQUET)) {
      return tableDifferences(a, b, labelA, labelB);
    }
    if (relative.endsWith(RunLayout.ARROW)) {
      return List.of("(an Arrow IPC file, binary: the table's .parquet file is written from the same rows and shows their cells)");
    }
    return textDifference(relative, a, b, labelA, labelB);
  }

  private static List<String> tableDifferences(Path a, Path b, String labelA, String labelB) {
    ParquetTables.Table tableA;
    ParquetTables.Table tableB;
    try {
      tableA = ParquetTables.read(a);
    } catch (ParquetTables.UnreadableException e) {
      return List.of(labelA + ": " + e.getMessage());
    }
    try {
      tableB = ParquetTables.read(b);
    } catch (ParquetTables.UnreadableException e) {
      return List.of(labelB + ": " + e.getMessage());
    }
    TableDiff.Changes changes = TableDiff.compare(tableA, tableB);
    List<String> details = new ArrayList<>();
    if (changes.isEmpty()) {
      details.add("table " + tableA.name() + ": the same rows and values (" + tableA.rows().size()
          + " rows); the bytes differ in the file's encoding or metadata");
      return details;
    }
    details.add("table " + tableA.name() + ": " + changes.cells().size() + " cell(s) differ, " + changes.onlyInA().size()
        + " row(s) only " + labelA + ", " + changes.onlyInB().size() + " row(s) only " + labelB);
    changes.columnNotes().forEach(n -> details.add(n.replace("the first", labelA).replace("the second", labelB)));
    int shown = 0;
    for (TableDiff.CellChange cell : changes.cells()) {
      if (shown++ == CELLS_SHOWN) {
        break;
      }
      String change = Values.change(cell.before(), cell.after());
      details.add("[" + cell.row() + "] " + cell.column() + ": " + Values.show(cell.before()) + " " + labelA + ", "
          + Values.show(cell.after()) + " " + labelB + (change.isEmpty() ? "" : " (" + change + ")"));
    }
    for (TableDiff.RowOnly row : changes.onlyInA()) {
      if (shown++ >= CELLS_SHOWN) {
        break;
      }
      details.add("[" + row.row() + "] only " + labelA + ": " + row.measures());
    }
    for (TableDiff.RowOnly row : changes.onlyInB()) {
      if (shown++ >= CELLS_SHOWN) {
        break;
      }
      details.add("[" + row.row() + "] only " + labelB + ": " + row.measures());
    }
    int total = changes.cells().size() + changes.onlyInA().size() + changes.onlyInB().size();
    if (total > CELLS_SHOWN) {
      details.add("... and " + (total - CELLS_SHOWN) + " more");
    }
    return details;
  }

  private static List<String> textDifference(String relative, Path a, Path b, String labelA, String labelB) throws IOException {
    List<String> linesA = lines(a);
    List<String> linesB = lines(b);
    int line = 0;
    while (line < linesA.size() && line < linesB.size() && linesA.get(line).equals(linesB.get(line))) {
      line++;
    }
    List<String> details = new ArrayList<>();
    details.add(linesA.size() + " line(s) " + labelA + ", " + linesB.size() + " " + labelB + "; first difference on line " + (line + 1));
    if (RunFiles.mayShowContents(relative)) {
      details.add(labelA + ": " + shorten(line < linesA.size() ? linesA.get(line) : "(end of file)"));
      details.add(labelB + ": " + shorten(line < linesB.size() ? linesB.get(line) : "(end of file)"));
    } else {
      details.add("(contents not shown: files under restricted/ hold identifiers)");
    }
    return details;
  }

  private static List<String> lines(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  private static String shorten(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
