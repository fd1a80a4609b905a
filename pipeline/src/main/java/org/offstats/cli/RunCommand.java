package org.offstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.offstats.audit.RunManifest;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.InputException;
import org.offstats.run.RunCommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code offstats run}: the main job (OUTPUTS.md "Command line"). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the force extracts and reference data in --input, and writes the run folder:",
      "published and restricted tables, headline figures, rejects and the manifest.",
      "Other --name=value options are Beam pipeline options, e.g. --runner=DirectRunner --targetParallelism=4."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR", description = "input folder (default: the bundled synthetic sample-data)")
  Path input;

  @Option(names = "--output", paramLabel = "DIR", description = "run folder to write (default: runs/<UTC yyyyMMdd-HHmmss>)")
  Path output;

  @Option(names = "--as-at", paramLabel = "DATE", description = "as-at date YYYY-MM-DD (default: the latest date in the extracts, up to today)")
  String asAt;

  @Option(names = "--overwrite", description = "replace an existing non-empty output folder")
  boolean overwrite;

  @Option(names = "--max-reject-rate", paramLabel = "R", defaultValue = "0.01",
      description = "fail when an extract rejects more than this share of its records (default: ${DEFAULT-VALUE})")
  double maxRejectRate;

  @Option(names = "--max-field-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "a field longer than this many bytes rejects its record as FIELD_TOO_LONG (default: ${DEFAULT-VALUE})")
  long maxFieldBytes;

  @Option(names = "--max-record-bytes", paramLabel = "N", defaultValue = "8388608",
      description = "a record (all its fields and line breaks) longer than this many bytes is rejected as RECORD_TOO_LONG"
          + " without being held in memory; at most 67108864 (default: ${DEFAULT-VALUE})")
  long maxRecordBytes;

  @Option(names = "--figures", paramLabel = "FILE",
      description = "headline figure definitions (default: the bundled figures/headlines.json)")
  Path figures;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "progress on stderr: auto (a bar when stderr is a terminal, else a line a stage), bar, lines or off"
          + " (default: ${DEFAULT-VALUE})")
  String progress;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (maxRejectRate < 0 || maxRejectRate > 1 || Double.isNaN(maxRejectRate)) {
      throw new InputException("--max-reject-rate " + maxRejectRate + ": must be between 0 and 1");
    }
    if (maxFieldBytes < 1) {
      throw new InputException("--max-field-bytes " + maxFieldBytes + ": must be at least 1");
    }
    if (maxRecordBytes < 1 || maxRecordBytes > CsvRecordReader.MAX_RECORD_LIMIT_BYTES) {
      throw new InputException("--max-record-bytes " + maxRecordBytes + ": must be from 1 to " + CsvRecordReader.MAX_RECORD_LIMIT_BYTES);
    }
    if (!List.of("auto", "bar", "lines", "off").contains(progress)) {
      throw new InputException("--progress " + progress + ": must be auto, bar, lines or off");
    }
    for (String arg : beamArgs) {
      if (!arg.startsWith("--")) {
        throw new InputException("unexpected argument '" + arg + "' (Beam options are written --name=value)");
      }
    }
    try (BundledSample sample = input == null ? BundledSample.extract() : null) {
      Path inputFolder = sample == null ? input : sample.folder();
      String label = sample == null ? input.toString() : RunManifest.BUNDLED_SAMPLE_LABEL;
      new RunCommandRunner(System.err, progress)
          .run(new RunCommandRunner.Request(
              inputFolder,
              label,
              output == null ? RunCommandRunner.defaultOutput(Instant.now()) : output,
              parseAsAt(),
              overwrite,
              maxRejectRate,
              maxFieldBytes,
              maxRecordBytes,
              List.copyOf(beamArgs),
              Optional.ofNullable(figures)));
    }
    return OffstatsCli.OK;
  }

  private Optional<LocalDate> parseAsAt() {
    if (asAt == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(asAt));
    } catch (DateTimeParseException e) {
      throw new InputException("--as-at '" + asAt + "': not a calendar date in the form YYYY-MM-DD");
    }
  }
}
