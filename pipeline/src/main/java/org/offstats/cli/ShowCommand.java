package org.offstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.offstats.audit.ParquetTables;
import org.offstats.audit.RunManifest;
import org.offstats.domain.NumberFormats;
import org.offstats.extract.InputException;
import org.offstats.report.PublishedTable;
import org.offstats.report.TextTable;
import org.offstats.run.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offstats show}: a run's table in the terminal (OUTPUTS.md "Command line"). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a table of a run as aligned text: a header, then the rows in the table's order (sorted by its"
          + " keys), numbers right-aligned and exact. A cell suppressed by disclosure control shows as [c], an"
          + " empty value (null) as [x].",
      "Reads RUN_DIR/publish/TABLE.parquet, or with --restricted RUN_DIR/restricted/TABLE.parquet (exact values,"
          + " not for publication).",
      "Example: offstats show runs/2025-10 charge_rates --where scope_type=vawg --limit 20"
    })
public final class ShowCommand implements Callable<Integer> {
  static final int DEFAULT_LIMIT = 50;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
  Path runDir;

  @Parameters(index = "1", paramLabel = "TABLE", description = "a table name, e.g. charge_rates")
  String table;

  @Option(names = "--where", paramLabel = "COLUMN=VALUE",
      description = "only rows whose COLUMN shows exactly VALUE (as printed: true, 2024-25, 0.125, [c]);"
          + " repeat it for several conditions, all of which must hold")
  List<String> where = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
      description = "print at most N rows, 0 for all (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--restricted", description = "read restricted/ (exact values, no suppression) instead of publish/")
  boolean restricted;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    if (limit < 0) {
      throw new InputException("--limit " + limit + ": give a number of rows, or 0 for all");
    }
    RunManifest.read(runDir);
    RunLayout layout = new RunLayout(runDir);
    Path folder = restricted ? layout.restricted() : layout.publish();
    List<String> tables = tablesIn(folder);
    if (!tables.contains(table)) {
      throw new InputException("no table '" + table + "' in " + folder + " (tables: " + String.join(", ", tables) + ")");
    }
    PublishedTable all = PublishedTable.read(folder.resolve(table + ".parquet"));
    PublishedTable matching = all;
    for (String condition : where) {
      int equals = condition.indexOf('=');
      if (equals <= 0) {
        throw new InputException("--where " + condition + ": write it as COLUMN=VALUE, e.g. --where scope_type=vawg");
      }
      String column = condition.substring(0, equals);
      String value = condition.substring(equals + 1);
      if (!all.hasColumn(column)) {
        throw new InputException("--where " + condition + ": table " + table + " has no column '" + column + "' (columns: "
            + String.join(", ", all.columns()) + ")");
      }
      PublishedTable before = matching;
      matching = before.filter(row -> before.text(row, column).equals(value));
    }
    int matched = matching.rowCount();
    PublishedTable shown = limit == 0 || matched <= limit ? matching : matching.filter(row -> row < limit);

    PrintWriter out = spec.commandLine().getOut();
    if (restricted) {
      spec.commandLine().getErr().println("offstats show: " + folder + ": exact values, not for publication");
    }
    TextTable.lines(shown).forEach(out::println);
    if (shown.rowCount() < matched) {
      out.println("(" + NumberFormats.grouped(matched - shown.rowCount()) + " more rows not shown: --limit 0 shows all "
          + NumberFormats.grouped(matched) + ")");
    } else {
      out.println("(" + NumberFormats.grouped(matched) + (matched == 1 ? " row" : " rows")
          + (where.isEmpty() ? "" : " matching --where, of " + NumberFormats.grouped(all.rowCount())) + ")");
    }
    if (shown.anySuppressed()) {
      out.println(PublishedTable.SUPPRESSED_NOTE);
    }
    if (shown.anyNotAvailable()) {
      out.println(PublishedTable.NOT_AVAILABLE_NOTE);
    }
    out.flush();
    return OffstatsCli.OK;
  }

  /** The Parquet tables in a folder, by name, in order. */
  private static List<String> tablesIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new InputException(folder + ": missing (is this a complete run folder?)");
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .map(ParquetTables::tableName)
          .sorted()
          .toList();
    }
  }
}
