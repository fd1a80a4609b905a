package org.offstats.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.offstats.domain.NumberFormats;
import org.offstats.extract.InputException;
import org.offstats.figures.FigureDefinition;
import org.offstats.run.BuildInfo;
import org.offstats.run.OwnerOnly;
import org.offstats.run.RunLayout;

/**
 * {@code offstats explain} (OUTPUTS.md; issue 5): one headline figure of a run, traced. Its
 * definition in words with the period resolved against the run's as-at date, its exact value
 * ({@code restricted/}) and published value, the rounding and suppression applied, and the records
 * behind it per input file, recounted from the inputs independently of the Beam job. With {@code
 * --rows} the contributing records' identifiers go to {@code restricted/explain/<figure>.csv}
 * (owner-only), never to the console.
 */
public final class FigureExplainer {
  /** Up to this many input files are each listed; beyond it, only those with contributing records. */
  static final int FILES_LISTED = 20;

  private final PrintWriter out;

  public FigureExplainer(PrintWriter out) {
    this.out = out;
  }

  /** The figure's definition, from the definitions the run used. */
  public static FigureDefinition definition(RunManifest manifest, RunFigures definitions, String figureId) {
    return definitions.definitions().figures().stream()
        .filter(f -> f.id().equals(figureId))
        .findFirst()
        .orElseThrow(() -> new InputException("no headline figure '" + figureId + "' in " + manifest.runDir() + "; its figures are "
            + String.join(", ", definitions.definitions().figures().stream().map(FigureDefinition::id).toList())));
  }

  /**
   * Explains the figure; returns 0 when the recount agrees with the run's exact value, 1 when not.
   *
   * @param writeRows whether to write the contributing identifiers under {@code restricted/explain/}
   */
  public int explain(RunManifest manifest, FigureDefinition figure, Path inputFolder, String inputDescription, boolean writeRows)
      throws IOException {
    BuildInfo build = BuildInfo.current();
    Path restrictedHeadlines = new RunLayout(manifest.runDir()).restrictedTable(HeadlineValues.TABLE);
    Path publishedHeadlines = new RunLayout(manifest.runDir()).publishedTable(HeadlineValues.TABLE);
    HeadlineValues.Figure exact = HeadlineValues.of(readTable(restrictedHeadlines)).figure(figure.id())
        .orElseThrow(() -> new InputException(restrictedHeadlines + ": no row for figure " + figure.id()));
    ParquetTables.Table published = readTable(publishedHeadlines);
    List<Object> publishedRow = published.rows().stream()
        .filter(r -> figure.id().equals(r.get(published.column("figure_id"))))
        .findFirst()
        .orElse(null);

    out.println("offstats explain " + manifest.runDir() + " " + figure.id());
    if (!manifest.toolVersion().equals(build.version()) || !manifest.gitCommit().equals(build.gitCommit())) {
      out.println("  note: the run was made by offstats " + manifest.toolVersion() + " (git " + manifest.gitCommit()
          + "), this is " + build.version() + " (git " + build.gitCommit() + "); the headline definitions are the same");
    }
    out.println("Definition (" + manifest.figuresLocation() + ", SHA-256 " + Sha256.shortForm(manifest.figuresSha256()) + "):");
    out.println("  unit of count: " + FigureWords.unit(figure));
    out.println("  source records: " + figure.source() + (FigureWords.overPoliceUk(figure)
        ? " (police.uk " + ContributingRecords.extractOf(figure) + " files, record by record)"
        : " (the " + ContributingRecords.extractOf(figure) + " extract)"));
    out.println("  filters: " + FigureWords.filters(figure.filters()));
    if (!figure.numerator().isEmpty()) {
      out.println("  numerator: " + FigureWords.filters(figure.numerator()));
    }
    out.println("  period: " + FigureWords.period(figure, manifest.asAt()));
    out.println("  as at: " + NumberFormats.longDate(manifest.asAt()) + manifest.asAtSource().map(s -> " (" + s + ")").orElse(""));
    out.println("Values:");
    out.println("  exact value: " + show(figure, exact.value()) + " (restricted/headlines.parquet; not for publication)");
    Double publishedValue = publishedRow == null || !(publishedRow.get(published.column("published_value")) instanceof Number n)
        ? null
        : n.doubleValue();
    boolean withheld = withheld(published, publishedRow, exact.statement());
    out.println("  published value: " + (withheld ? WITHHELD : show(figure, publishedValue)) + " (publish/headlines.parquet)"
        + (Objects.equals(publishedValue, exact.publishedValue()) ? "" : "; restricted/headlines.parquet says " + show(figure, exact.publishedValue())));
    out.println("  rounding: " + figure.rounding().describe() + " (" + figure.rounding() + ")"
        + (exact.value() == null ? "" : withheld ? "; not applied: the figure is withheld" : checkRounding(figure, exact.value(), publishedValue)));
    out.println("  suppression: " + suppression(published, publishedRow, exact.statement(), manifest));
    if (exact.statement() != null) {
      out.println("  statement: " + exact.statement());
    }

    boolean bundledReference = manifest.reference().stream().allMatch(RunManifest.ReferenceEntry::bundled);
    String extract = ContributingRecords.extractOf(figure);
    List<String> files = manifest.inputs().stream().filter(i -> i.extract().equals(extract)).map(RunManifest.InputEntry::path).toList();
    ContributingRecords.Result recount = ContributingRecords.count(
        inputFolder, files, ContributingRecords.reference(inputFolder, bundledReference), figure, manifest.asAt(), manifest.fieldLimitBytes(),
        manifest.recordLimitBytes());
    out.println("Contributing records, re-read from the inputs (" + inputDescription + ") record by record, independently of the job:");
    if (recount.files().isEmpty()) {
      out.println("  no " + extract + " file in the run's inputs");
    }
    // many monthly police.uk files: list those that contribute, and count the others
    boolean collapse = recount.files().size() > FILES_LISTED;
    List<ContributingRecords.FileCount> silent = new ArrayList<>();
    for (ContributingRecords.FileCount file : recount.files()) {
      if (collapse && file.contributing() == 0) {
        silent.add(file);
        continue;
      }
      out.println("  " + file.file() + ": " + NumberFormats.grouped(file.read()) + " records read, " + NumberFormats.grouped(file.accepted())
          + " accepted" + acceptedCheck(manifest, file) + "; " + contributing(figure, file));
    }
    if (!silent.isEmpty()) {
      out.println("  " + silent.size() + " other file(s), " + NumberFormats.grouped(silent.stream().mapToLong(ContributingRecords.FileCount::read).sum())
          + " records read: none of their records contribute");
    }
    out.println("  total: " + total(figure, recount));
    boolean agrees = agrees(recount.value(), exact.value());
    out.println("  recounted value: " + show(figure, recount.value()) + (agrees ? ": agrees with the exact value" : ": DISAGREES with the exact value "
        + show(figure, exact.value())));
    if (writeRows) {
      Path file = writeRows(manifest.runDir(), figure, recount);
      out.println("  identifiers of the " + NumberFormats.grouped(recount.contributors().size()) + " contributing records: written to " + file
          + " (owner-only; restricted, not for publication)");
    }
    out.flush();
    return agrees ? 0 : 1;
  }

  private static ParquetTables.Table readTable(Path file) {
    try {
      return ParquetTables.read(file);
    } catch (ParquetTables.UnreadableException e) {
      throw new InputException(file + ": " + e.getMessage());
    }
  }

  private static String acceptedCheck(RunManifest manifest, ContributingRecords.FileCount file) {
    for (var input : manifest.json().path("inputs")) {
      if (input.path("path").asText().equals(file.file()) && input.has("rows_accepted")) {
        long recorded = input.path("rows_accepted").asLong();
        return recorded == file.accepted() ? " (as the manifest says)" : " (the manifest says " + NumberFormats.grouped(recorded) + ")";
      }
    }
    return "";
  }

  private static String contributing(FigureDefinition figure, ContributingRecords.FileCount file) {
    return switch (figure.unit()) {
      case FigureDefinition.PERSONS -> NumberFormats.grouped(file.contributing()) + " matching arrests, of "
          + NumberFormats.grouped(file.distinctPersons()) + " distinct persons";
      case FigureDefinition.RATE -> NumberFormats.grouped(file.contributing()) + " matching crimes in the denominator, "
          + NumberFormats.grouped(file.inNumerator()) + " of them in the numerator";
      case FigureDefinition.DAYS -> NumberFormats.grouped(file.contributing()) + " matching crimes with an outcome";
      default -> NumberFormats.grouped(file.contributing()) + " matching " + figure.unit();
    };
  }

  private static String total(FigureDefinition figure, ContributingRecords.Result recount) {
    long count = recount.contributors().size();
    return switch (figure.unit()) {
      case FigureDefinition.PERSONS -> NumberFormats.grouped(count) + " matching arrests of " + NumberFormats.grouped(recount.distinctPersons())
          + " distinct persons (a person in several files counts once)";
      case FigureDefinition.RATE -> {
        long numerator = recount.contributors().stream().filter(ContributingRecords.Contributor::inNumerator).count();
        yield NumberFormats.grouped(numerator) + " / " + NumberFormats.grouped(count) + " crimes";
      }
      case FigureDefinition.DAYS -> NumberFormats.grouped(count) + " crimes with an outcome";
      default -> NumberFormats.grouped(count) + " " + figure.unit();
    };
  }

  /** The rounding rule applied again to the exact value gives the published value. */
  private static String checkRounding(FigureDefinition figure, double exact, Double published) {
    if (published == null) {
      return "; nothing is published (a rounded-down figure of " + Values.show(exact) + " cannot read \"more than\")";
    }
    double expected = figure.rounding().apply(exact);
    return expected == published ? "; applied to the exact value it gives the published value"
        : "; applied to the exact value it gives " + Values.show(expected) + ", NOT the published value";
  }

  /**
   * What disclosure control did to the figure: withheld (its statement says why) or published, with
   * the policy the manifest records.
   */
  private static String suppression(ParquetTables.Table published, List<Object> row, String statement, RunManifest manifest) {
    String policy = manifest.disclosurePolicy().map(p -> " (disclosure policy: " + p + ")").orElse("");
    if (withheld(published, row, statement)) {
      return "withheld: " + statement.substring("Not published:".length()).trim() + policy;
    }
    return "none: the counts behind it are not small and it repeats no withheld table cell" + policy;
  }

  private static final String WITHHELD = "none: withheld by disclosure control (see suppression)";

  /** Whether disclosure control withheld the figure: no published value, and a statement saying why. */
  private static boolean withheld(ParquetTables.Table published, List<Object> row, String statement) {
    return row != null && row.get(published.column("published_value")) == null && statement != null && statement.startsWith("Not published:");
  }

  private static boolean agrees(Double recount, Double exact) {
    if (recount == null || exact == null) {
      return recount == null && exact == null;
    }
    return recount.equals(exact) || Math.abs(recount - exact) <= 1e-9 * Math.max(1, Math.abs(exact));
  }

  /** A value as stored; a rate also as a percentage. */
  private static String show(FigureDefinition figure, Double value) {
    if (value == null) {
      return "none (nothing to count in the period)";
    }
    return Values.show(value) + (figure.unit().equals(FigureDefinition.RATE) ? " (" + NumberFormats.percent(value, 2) + ")" : "");
  }

  /** {@code restricted/explain/<figure>.csv}: file, line and identifiers of each contributing record. */
  private static Path writeRows(Path runDir, FigureDefinition figure, ContributingRecords.Result recount) throws IOException {
    if (!figure.id().matches("[A-Za-z0-9_.-]+")) {
      throw new InputException("figure id '" + figure.id() + "' cannot name a file");
    }
    Path restricted = new RunLayout(runDir).restricted();
    if (!Files.isDirectory(restricted)) {
      throw new InputException(restricted + ": missing, so the identifiers have nowhere safe to go");
    }
    Path folder = restricted.resolve("explain");
    if (!Files.isDirectory(folder)) {
      OwnerOnly.createDirectory(folder);
    }
    Path file = folder.resolve(figure.id() + ".csv");
    List<String> header = new ArrayList<>(List.of("file", "line"));
    header.addAll(recount.identifierColumns());
    if (figure.unit().equals(FigureDefinition.RATE)) {
      header.add("in_numerator");
    }
    if (figure.unit().equals(FigureDefinition.DAYS)) {
      header.add("days");
    }
    try (Writer writer = new OutputStreamWriter(OwnerOnly.newFile(file), StandardCharsets.UTF_8)) {
      writer.write(csvLine(header));
      for (ContributingRecords.Contributor c : recount.contributors()) {
        List<String> fields = new ArrayList<>(List.of(c.file(), Long.toString(c.line())));
        fields.addAll(c.identifiers());
        if (figure.unit().equals(FigureDefinition.RATE)) {
          fields.add(c.inNumerator() ? "Y" : "N");
        }
        if (figure.unit().equals(FigureDefinition.DAYS)) {
          fields.add(Integer.toString(c.days()));
        }
        writer.write(csvLine(fields));
      }
    }
    return file;
  }

  private static String csvLine(List<String> fields) {
    List<String> quoted = new ArrayList<>();
    for (String field : fields) {
      String value = field == null ? "" : field;
      quoted.add(value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
          ? "\"" + value.replace("\"", "\"\"") + "\""
          : value);
    }
    return String.join(",", quoted) + "\n";
  }
}
