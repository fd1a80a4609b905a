package org.offstats.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.offstats.domain.NumberFormats;
import org.offstats.extract.InputException;
import org.offstats.extract.InputScan;
import org.offstats.figures.FigureDefinitions;
import org.offstats.report.RunReport;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * Runs {@code offstats run}: checks the inputs and options, runs {@link OffstatsJob} into a
 * temporary sibling of the output folder, checks the reject rates, writes the manifest and renames
 * the folder into place. A run that fails at any point leaves no run folder.
 */
public final class RunCommandRunner {
  /** The run's parameters as given on the command line. */
  public record Request(
      Path input,
      String inputLabel,
      Path output,
      Optional<LocalDate> asAt,
      boolean overwrite,
      double maxRejectRate,
      long fieldLimitBytes,
      List<String> beamArgs,
      Optional<Path> figures) {

    /** A run with the bundled headline definitions. */
    public Request(
        Path input, String inputLabel, Path output, Optional<LocalDate> asAt, boolean overwrite, double maxRejectRate,
        long fieldLimitBytes, List<String> beamArgs) {
      this(input, inputLabel, output, asAt, overwrite, maxRejectRate, fieldLimitBytes, beamArgs, Optional.empty());
    }
  }

  private static final Map<String, List<String>> TABLES_OF_EXTRACT =
      Map.of(
          "arrests", List.of("arrests_by_offence", "arrests_by_bcu", "arrests_by_demographics", "arrest_outcomes"),
          "outcomes", List.of("outcomes_by_offence", "charge_rates", "time_to_outcome"),
          "protection_orders", List.of("protection_orders"));

  private final PrintStream console;

  public RunCommandRunner(PrintStream console) {
    this.console = console;
  }

  public static Path defaultOutput(Instant now) {
    return Path.of("runs", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
  }

  public Path run(Request request) throws IOException {
    Instant startedAt = Instant.now();
    LocalDate runDay = LocalDate.ofInstant(startedAt, ZoneId.of("Europe/London"));
    Path output = request.output().toAbsolutePath().normalize();
    checkOutputFolder(output, request.overwrite());
    PipelineOptions options = beamOptions(request.beamArgs());
    InputScan scan = InputScan.of(request.input());
    FigureDefinitions figures = request.figures().isPresent() ? FigureDefinitions.load(request.figures().get()) : FigureDefinitions.bundled();

    try {
      Files.createDirectories(output.getParent());
    } catch (IOException e) {
      throw cannotCreate(output, e);
    }
    Path temp = output.getParent().resolve(RunLayout.TEMP_PREFIX + output.getFileName() + "-" + UUID.randomUUID());
    // a run stopped by Ctrl-C or kill (not kill -9) removes its temporary folder on the way out
    Thread cleanUp = new Thread(() -> deleteQuietly(temp), "offstats-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    try {
      RunLayout layout;
      try {
        layout = new RunLayout(Files.createDirectory(temp));
      } catch (IOException e) {
        throw cannotCreate(output, e);
      }
      Files.createDirectory(layout.publish());
      OwnerOnly.createDirectory(layout.restricted());
      OwnerOnly.createDirectory(layout.rejects());
      OwnerOnly.createDirectory(layout.work());

      JobPlan plan = new JobPlan(scan, figures, request.asAt(), runDay, request.fieldLimitBytes(), temp.toString());
      Pipeline pipeline = Pipeline.create(options);
      OffstatsJob.build(pipeline, plan);
      console.println("offstats run: reading " + scan.files().size() + " extract files and " + scan.policeUkFiles().size()
          + " police.uk files from " + request.inputLabel());
      pipeline.run().waitUntilFinish();

      RunFacts facts = RunFacts.read(layout.work());
      checkRejectRates(scan, facts, request.maxRejectRate());
      FileTrees.deleteTree(layout.work());
      LocalDate asAt = LocalDate.ofEpochDay(facts.get(RunFacts.AS_AT));
      ObjectNode manifest = manifest(request, options, scan, figures, facts, asAt, startedAt, temp);
      Manifest.write(manifest, temp);
      // after the manifest, which therefore does not list it: the report is a view of publish/, not an output
      RunReport.write(temp);
      moveIntoPlace(temp, output, request.overwrite());
      summarise(scan, facts, asAt, output);
      return output;
    } finally {
      if (Files.exists(temp)) {
        FileTrees.deleteTree(temp);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanUp);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it does the same clean-up
      }
    }
  }

  /**
   * The job's writers may still be creating files in the folder while the JVM shuts down, which
   * made deleting it fail (a folder not empty any more). Renamed first, nothing new can appear in
   * it: the writers create files by path, never folders.
   */
  private static Path moveAside(Path folder) {
    try {
      return Files.move(folder, folder.resolveSibling(folder.getFileName() + "-removing"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      return folder; // gone already, or it cannot move: delete it where it is
    }
  }

  /** An output the run cannot create its folder in is bad usage (exit 2 naming it), not an internal error. */
  private static InputException cannotCreate(Path output, IOException e) {
    String why =
        e instanceof java.nio.file.FileAlreadyExistsException exists ? exists.getFile() + " exists and is not a folder"
            : e instanceof java.nio.file.AccessDeniedException denied ? "permission denied on " + denied.getFile()
            : String.valueOf(e.getMessage()).split("\n")[0];
    return new InputException(output + ": cannot create the run folder (" + why + "); choose another --output");
  }

  private static void deleteQuietly(Path folder) {
    try {
      FileTrees.deleteTree(moveAside(folder));
    } catch (IOException | RuntimeException e) {
      System.err.println("offstats: could not remove the temporary folder " + folder + ": " + e.getMessage());
    }
  }

  private static void checkOutputFolder(Path output, boolean overwrite) throws IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new InputException(output + ": the output exists and is not a folder");
    }
    if (Files.isDirectory(output) && !overwrite) {
      try (Stream<Path> entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          throw new InputException(output + ": the output folder exists and is not empty; choose another --output or add --overwrite");
        }
      }
    }
  }

  private static PipelineOptions beamOptions(List<String> beamArgs) {
    try {
      return PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).withValidation().create();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage()).split("\n")[0];
      java.util.regex.Matcher unknown = java.util.regex.Pattern.compile("missing a property named '([^']+)'").matcher(message);
      if (unknown.find()) {
        throw new InputException("unknown option --" + unknown.group(1) + " (offstats run --help lists the options; any other"
            + " --name=value must be a pipeline option of the chosen --runner)");
      }
      throw new InputException("Beam options " + String.join(" ", beamArgs) + ": " + message);
    }
  }

  /** EXTRACTS.md: a run fails when an extract rejects more than R of its records, over all its files. */
  static void checkRejectRates(InputScan scan, RunFacts facts, double maxRejectRate) {
    for (CsvContract extract : Schemas.recordSources()) {
      long read = 0;
      Map<String, Long> reasons = new LinkedHashMap<>();
      for (String path : scan.pathsOf(extract.name())) {
        Manifest.FileCounts counts = Manifest.counts(facts, path);
        read += counts.read();
        counts.rejectedByReason().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
      }
      long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
      if (read > 0 && (double) rejected / read > maxRejectRate) {
        String commonest =
            String.join(", ", reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> e.getKey() + " " + e.getValue())
                .toList());
        throw new InputException(
            extract.name() + ": " + NumberFormats.percent((double) rejected / read, 2) + " of its " + NumberFormats.grouped(read)
                + " records were rejected (" + NumberFormats.grouped(rejected) + "), more than --max-reject-rate "
                + maxRejectRate + "; commonest reasons: " + commonest + "; see the reasons with --max-reject-rate 1 in restricted/rejects/"
                + extract.name() + ".csv");
      }
    }
  }

  private ObjectNode manifest(
      Request request, PipelineOptions options, InputScan scan, FigureDefinitions figures, RunFacts facts, LocalDate asAt,
      Instant startedAt, Path temp) throws IOException {
    BuildInfo build = BuildInfo.current();
    ObjectNode manifest = Manifest.JSON.createObjectNode();
    manifest.put("tool_version", build.version());
    manifest.put("git_commit", build.gitCommit());
    manifest.put("runner", options.getRunner().getSimpleName());
    manifest.put("parallelism", parallelism(request.beamArgs(), options));
    manifest.put("started_at", startedAt.toString());
    manifest.put("finished_at", Instant.now().toString());
    manifest.put("status", "succeeded");
    manifest.put("as_at", asAt.toString());
    manifest.put("as_at_source", request.asAt().isPresent() ? "--as-at" : "latest date in the extracts on or before the run day");
    ObjectNode parameters = manifest.putObject("parameters");
    parameters.put("input", request.inputLabel());
    parameters.put("as_at", request.asAt().map(LocalDate::toString).orElse(null));
    parameters.put("max_reject_rate", request.maxRejectRate());
    parameters.put("field_limit_bytes", request.fieldLimitBytes());
    parameters.put("overwrite", request.overwrite());
    parameters.put("figures", request.figures().map(Path::toString).orElse(null));
    ArrayNode beam = parameters.putArray("beam_options");
    request.beamArgs().forEach(beam::add);
    manifest.set("inputs", Manifest.inputs(scan, facts));
    ArrayNode extracts = manifest.putArray("extracts");
    List<String> warnings = new ArrayList<>(scan.warnings());
    for (CsvContract extract : Schemas.recordSources()) {
      ObjectNode node = extracts.addObject();
      node.put("extract", extract.name());
      node.put("present", scan.hasExtract(extract.name()));
      long read = 0;
      long rejected = 0;
      for (String path : scan.pathsOf(extract.name())) {
        read += Manifest.counts(facts, path).read();
        rejected += Manifest.counts(facts, path).rejected();
      }
      node.put("rows_read", read);
      node.put("rows_accepted", read - rejected);
      node.put("rows_rejected", rejected);
      if (!scan.hasExtract(extract.name()) && TABLES_OF_EXTRACT.containsKey(extract.name())) {
        String why = "no " + extract.name() + "*.csv file in the input folder: "
            + String.join(", ", TABLES_OF_EXTRACT.getOrDefault(extract.name(), List.of())) + " have no rows from it";
        node.put("note", why);
        warnings.add(why);
      }
    }
    for (String path : scan.checksums().keySet()) {
      List<Long> blank = facts.blankLines(path);
      if (!blank.isEmpty()) {
        warnings.add(path + ": " + blank.size() + " empty line(s) skipped (not records): lines " + blank);
      }
    }
    ArrayNode ignored = manifest.putArray("ignored_files");
    scan.ignoredFiles().forEach(ignored::add);
    ArrayNode warningList = manifest.putArray("warnings");
    warnings.forEach(warningList::add);
    ArrayNode reference = manifest.putArray("reference");
    scan.reference().sources().forEach(s -> reference.addObject().put("name", s.name()).put("path", s.path()).put("sha256", s.sha256()));
    manifest.putObject("figures").put("path", figures.location()).put("sha256", figures.sha256());
    manifest.set("outputs", Manifest.outputs(temp, facts, scan));
    return manifest;
  }

  /**
   * The parallelism the run asked for: {@code --targetParallelism} (DirectRunner) or {@code
   * --parallelism} (Flink) as given, else the DirectRunner's default, else the runner's default.
   */
  static String parallelism(List<String> beamArgs, PipelineOptions options) {
    for (String arg : beamArgs) {
      for (String option : new String[] {"--targetParallelism=", "--parallelism="}) {
        if (arg.startsWith(option)) {
          return arg.substring(option.length());
        }
      }
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      return Integer.toString(options.as(org.apache.beam.runners.direct.DirectOptions.class).getTargetParallelism());
    }
    return "runner default";
  }

  /**
   * Renames the finished temporary folder to the output. Without {@code --overwrite} an output
   * that appeared meanwhile (another run) is never replaced: the rename of a folder onto a
   * non-empty folder fails. With it, the old output goes only once the new one is in.
   */
  private static void moveIntoPlace(Path temp, Path output, boolean overwrite) throws IOException {
    Path old = null;
    if (!overwrite) {
      try {
        Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        throw new InputException(output + ": the output folder was filled by something else during the run; nothing was written");
      }
      return;
    }
    if (Files.exists(output)) {
      old = output.getParent().resolve(RunLayout.TEMP_PREFIX + output.getFileName() + "-old-" + UUID.randomUUID());
      Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      FileTrees.deleteTree(old);
    }
  }

  private void summarise(InputScan scan, RunFacts facts, LocalDate asAt, Path output) {
    console.println("offstats run: as at " + asAt);
    for (CsvContract extract : Schemas.recordSources()) {
      if (!scan.hasExtract(extract.name())) {
        console.println("  " + extract.name() + ": no files");
        continue;
      }
      long read = 0;
      long rejected = 0;
      for (String path : scan.pathsOf(extract.name())) {
        read += Manifest.counts(facts, path).read();
        rejected += Manifest.counts(facts, path).rejected();
      }
      console.println("  " + extract.name() + ": " + NumberFormats.grouped(read) + " read, " + NumberFormats.grouped(read - rejected)
          + " accepted, " + NumberFormats.grouped(rejected) + " rejected");
    }
    console.println("offstats run: wrote " + Schemas.tables().size() + " tables and " + RunLayout.REPORT + "/" + RunLayout.REPORT_PAGE
        + " to " + output);
  }

}
