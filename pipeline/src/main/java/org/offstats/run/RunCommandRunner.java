package org.offstats.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.offstats.domain.NumberFormats;
import org.offstats.disclosure.DisclosurePolicy;
import org.offstats.extract.InputException;
import org.offstats.extract.InputScan;
import org.offstats.figures.FigureDefinitions;
import org.offstats.report.ReportPage;
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
      long recordLimitBytes,
      List<String> beamArgs,
      Optional<Path> figures) {}

  /** Where a run stands when tests step in ({@link Checkpoint}). */
  enum Stage {
    /** the temporary folder and its lock are made; nothing is read yet */
    FOLDER_READY,
    /** the job has read every input and written its files; the inputs are not yet checked again */
    INPUTS_READ
  }

  /** A seam for tests: called with the temporary folder at each {@link Stage}. */
  interface Checkpoint {
    void reached(Stage stage, Path temporaryFolder) throws IOException;
  }

  private static final Map<String, List<String>> TABLES_OF_EXTRACT =
      Map.of(
          "arrests", List.of("arrests_by_offence", "arrests_by_bcu", "arrests_by_offence_group", "arrests_by_demographics", "arrest_outcomes"),
          "outcomes", List.of("outcomes_by_offence", "charge_rates", "time_to_outcome"),
          "protection_orders", List.of("protection_orders"));

  private final PrintStream console;
  private final Checkpoint checkpoint;
  private final RunProgress.Mode progress;

  public RunCommandRunner(PrintStream console) {
    this(console, (stage, folder) -> { }, RunProgress.Mode.LINES);
  }

  /**
   * @param progress {@code --progress}: auto, bar, lines or off (a bar when auto and stderr is a
   *     terminal, which is what {@code System.console()} tells)
   */
  public RunCommandRunner(PrintStream console, String progress) {
    this(console, (stage, folder) -> { }, RunProgress.Mode.valueOf(progress.toUpperCase(java.util.Locale.ROOT)).resolve(System.console() != null));
  }

  RunCommandRunner(PrintStream console, Checkpoint checkpoint) {
    this(console, checkpoint, RunProgress.Mode.LINES);
  }

  private RunCommandRunner(PrintStream console, Checkpoint checkpoint, RunProgress.Mode progress) {
    this.console = console;
    this.checkpoint = checkpoint;
    this.progress = progress;
  }

  public static Path defaultOutput(Instant now) {
    return Path.of("runs", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
  }

  public Path run(Request request) throws IOException {
    Instant startedAt = Instant.now();
    LocalDate runDay = LocalDate.ofInstant(startedAt, ZoneId.of("Europe/London"));
    Path output = request.output().toAbsolutePath().normalize();
    checkOutputFolder(output, request.overwrite());
    ArrowTableWriter.checkJavaOptions();
    JitPlan.warmUp();
    // Beam's options registry takes a good half second to load: it loads while the input is scanned
    CompletableFuture<PipelineOptions> beamOptions = CompletableFuture.supplyAsync(() -> beamOptions(request.beamArgs()), RunCommandRunner::onOwnThread);
    InputScan scan;
    try {
      scan = InputScan.of(request.input());
    } catch (IOException | RuntimeException e) {
      joined(beamOptions); // a problem with the Beam options is still the one reported first
      throw e;
    }
    PipelineOptions options = joined(beamOptions);
    FigureDefinitions figures = request.figures().isPresent() ? FigureDefinitions.load(request.figures().get()) : FigureDefinitions.bundled();

    try {
      Files.createDirectories(output.getParent());
    } catch (IOException e) {
      throw cannotCreate(output, e);
    }
    StrayFolders.cleanUp(output.getParent(), console);
    TemporaryFolder temp;
    try {
      // owner-only from the start: it is renamed into place, so it holds everything the run writes
      temp = TemporaryFolder.create(output.getParent().resolve(RunLayout.TEMP_PREFIX + output.getFileName() + "-" + UUID.randomUUID()));
    } catch (IOException e) {
      throw cannotCreate(output, e);
    }
    try (temp) {
      return runInto(temp.path(), request, options, scan, figures, startedAt, runDay, output);
    } catch (CannotWriteException e) {
      throw e.within(temp.path(), output);
    } catch (RuntimeException e) {
      // a writer inside the job failed: Beam wraps what it threw
      for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof CannotWriteException cannot) {
          throw cannot.within(temp.path(), output);
        }
      }
      throw e;
    }
  }

  private Path runInto(
      Path temp, Request request, PipelineOptions options, InputScan scan, FigureDefinitions figures, Instant startedAt, LocalDate runDay,
      Path output) {
    // the plan lasts to the end of the run: the report after the job is code that runs once too
    JitPlan jit = JitPlan.forRun(new RunLayout(temp).work(), options.getRunner().getSimpleName().equals("DirectRunner"));
    try {
      StrayFolders.lock(temp);
      RunLayout layout = new RunLayout(temp);
      Files.createDirectory(layout.publish());
      OwnerOnly.createDirectory(layout.restricted());
      OwnerOnly.createDirectory(layout.rejects());
      OwnerOnly.createDirectory(layout.work());
      checkpoint.reached(Stage.FOLDER_READY, temp);

      JobPlan plan = new JobPlan(scan, figures, request.asAt(), runDay, request.fieldLimitBytes(), request.recordLimitBytes(), temp.toString());
      jit.jobBuilding();
      Pipeline pipeline = Pipeline.create(options);
      OffstatsJob.build(pipeline, plan);
      console.println("offstats run: reading " + scan.files().size() + " extract files and " + scan.policeUkFiles().size()
          + " police.uk files from " + request.inputLabel());
      RunProgress shown = new RunProgress(progress, console, extractsOf(scan), System::nanoTime, jit::extractsRead);
      long jobStarted = System.nanoTime();
      // not blocking on run(), so the progress counters can be polled while the DirectRunner works
      options.as(org.apache.beam.runners.direct.DirectOptions.class).setBlockOnRun(false);
      shown.follow(pipeline.run());
      shown.stage("writing tables, headline figures and disclosure control: done in "
          + RunProgress.seconds(java.time.Duration.ofNanos(System.nanoTime() - jobStarted)));
      if (!jit.applied()) {
        shown.stage("note: the JVM did not take the JIT plan (" + String.join("; ", jit.answers()).replace('\n', ' ')
            + "): the run is slower, its results the same (-D" + JitPlan.PROPERTY + "=off leaves it out)");
      }
      checkpoint.reached(Stage.INPUTS_READ, temp);
      scan.confirmUnchanged();

      RunFacts facts = RunFacts.read(layout.work());
      shown.stage("checking reject rates");
      checkRejectRates(scan, facts, request.maxRejectRate());
      FileTrees.deleteTree(layout.work());
      LocalDate asAt = LocalDate.ofEpochDay(facts.get(RunFacts.AS_AT));
      shown.stage("writing the manifest and report");
      ObjectNode manifest = manifest(request, options, scan, figures, facts, asAt, startedAt, temp);
      Manifest.write(manifest, temp);
      // after the manifest, which therefore does not list it: the report is a view of publish/, not an output;
      // inside the temporary folder, so the rename publishes it with the rest or not at all
      try {
        RunReport.write(temp);
      } catch (IOException e) {
        throw CannotWriteException.of(layout.reportPage(), e);
      }
      moveIntoPlace(layout, output, request.overwrite());
      summarise(scan, facts, asAt, output);
      return output;
    } catch (IOException e) {
      // everything here but the inputs' check (which says so itself) is the run folder's
      Path failed = e instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : temp;
      throw CannotWriteException.of(failed, e);
    } finally {
      jit.close();
    }
  }

  private static List<RunProgress.Extract> extractsOf(InputScan scan) {
    List<RunProgress.Extract> extracts = new ArrayList<>();
    for (CsvContract extract : Schemas.recordSources()) {
      List<String> paths = scan.pathsOf(extract.name());
      long bytes = paths.stream().mapToLong(path -> scan.checksums().get(path).bytes()).sum();
      // the job counts the force extracts' files as it reads them; police.uk files it reads in steps of their own
      boolean counted = Schemas.extracts().contains(extract);
      extracts.add(new RunProgress.Extract(extract.name(), paths.size(), bytes, counted));
    }
    return extracts;
  }

  /** An output the run cannot create its folder in is bad usage (exit 2 naming it), not an internal error. */
  private static InputException cannotCreate(Path output, IOException e) {
    String why;
    if (e instanceof FileAlreadyExistsException exists) {
      why = exists.getFile() + " exists and is not a folder";
    } else {
      String where = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : output.getParent().toString();
      if (Path.of(where).getFileName().toString().startsWith(RunLayout.TEMP_PREFIX)) {
        where = output.getParent().toString(); // the folder it was to be made in is the one to fix
      }
      why = CannotWriteException.reason(e) + " on " + where;
    }
    return new InputException(output + ": cannot create the run folder (" + why + "); choose another --output");
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

  /** Whether {@code --name} or {@code --name=value} is among the Beam options. */
  private static boolean given(List<String> beamArgs, String name) {
    return beamArgs.stream().anyMatch(arg -> arg.equals("--" + name) || arg.startsWith("--" + name + "="));
  }

  /**
   * The DirectRunner's immutability and encodability checks: on in the test suite, which sets this
   * property to {@code true} so that every job the tests run proves its steps never change their
   * inputs; off by default in runs, unless given as Beam options.
   */
  public static final String DIRECT_RUNNER_CHECKS = "offstats.directRunnerChecks";

  /** Runs {@code task} on a new thread that finds classes as this one does (Beam looks up its registrars). */
  private static void onOwnThread(Runnable task) {
    Thread thread = new Thread(task, "offstats-beam-options");
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true);
    thread.start();
  }

  /** What {@code future} computed, or what it threw, as it was thrown. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static PipelineOptions beamOptions(List<String> beamArgs) {
    return beamOptions(beamArgs, Boolean.getBoolean(DIRECT_RUNNER_CHECKS));
  }

  /** The Beam options of a run: as given, with offstats' DirectRunner defaults where not given. */
  static PipelineOptions beamOptions(List<String> beamArgs, boolean directRunnerChecks) {
    try {
      PipelineOptions options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).withValidation().create();
      org.apache.beam.runners.direct.DirectOptions direct = options.as(org.apache.beam.runners.direct.DirectOptions.class);
      // The checks encode every element a step outputs, twice, to catch a step that changes its
      // input: a programming error the tests look for, never a property of the data. On the
      // readers' partial tables they were half of a run's time. Results are the same either way.
      if (!given(beamArgs, "enforceImmutability")) {
        direct.setEnforceImmutability(directRunnerChecks);
      }
      if (!given(beamArgs, "enforceEncodability")) {
        direct.setEnforceEncodability(directRunnerChecks);
      }
      // The DirectRunner's monitor shares the worker threads and loops without pause while another
      // worker is busy, taking a core from the job for its whole length. With one thread it runs
      // only between steps; the job's steps are few and large (a reader per extract), so little
      // is lost: on 2 cores, 2 million arrests took 80 s rather than 156 s, with the same output.
      if (!given(beamArgs, "targetParallelism")) {
        direct.setTargetParallelism(1);
      }
      return options;
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
    parameters.put("record_limit_bytes", request.recordLimitBytes());
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
    manifest.set("quality", Manifest.quality(scan, facts));
    manifest.set("disclosure", Manifest.disclosure(DisclosurePolicy.bundled(), facts));
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
  private static void moveIntoPlace(RunLayout layout, Path output, boolean overwrite) throws IOException {
    Path temp = layout.root();
    // made owner-only; the finished run folder opens up as its publish/ was made (the umask's
    // default), while restricted/ stays owner-only
    OwnerOnly.copyAccess(layout.publish(), temp);
    Files.delete(temp.resolve(RunLayout.LOCK));
    if (!overwrite) {
      try {
        Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        throw new InputException(output + ": the output folder was filled by something else during the run; nothing was written");
      }
      return;
    }
    Path old = null;
    if (Files.exists(output)) {
      old = output.getParent().resolve(RunLayout.TEMP_PREFIX + output.getFileName() + "-old-" + UUID.randomUUID());
      Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
      // a kill -9 before it is deleted leaves it to the next run's clean-up
      StrayFolders.lock(old);
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
    console.println("offstats run: headline figures");
    for (ReportPage.Headline headline : RunReport.headlines(new RunLayout(output).publish())) {
      console.println("  " + headline.figureId() + ": " + (headline.statement().isBlank() ? "not published" : headline.statement()));
    }
    console.println("offstats run: wrote " + Schemas.tables().size() + " tables and " + RunLayout.REPORT + "/" + RunLayout.REPORT_PAGE
        + " to " + output);
  }

}
