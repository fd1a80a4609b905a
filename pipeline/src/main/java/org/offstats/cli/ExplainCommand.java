package org.offstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.offstats.audit.FigureExplainer;
import org.offstats.audit.InputCheck;
import org.offstats.audit.RunFigures;
import org.offstats.audit.RunManifest;
import org.offstats.extract.InputException;
import org.offstats.figures.FigureDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offstats explain}: one headline figure of a run, traced to its records (OUTPUTS.md "Command line"). */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains one headline figure of a run: its definition (unit of count, filters, period resolved"
          + " against the run's as-at date), its exact and published value, the rounding and suppression"
          + " applied, and the contributing records per input file, recounted from the inputs"
          + " independently of the pipeline (exit 1 if the recount disagrees with the run's exact value).",
      "With --rows (restricted use) the identifiers of the contributing records are written to"
          + " RUN_DIR/restricted/explain/FIGURE_ID.csv, owner-only; never to the console."
    })
public final class ExplainCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
  Path runDir;

  @Parameters(index = "1", paramLabel = "FIGURE_ID", description = "a headline figure id, e.g. pou_persons_arrested_since_launch")
  String figureId;

  @Option(names = "--rows", description = "write the contributing records' identifiers to RUN_DIR/restricted/explain/FIGURE_ID.csv")
  boolean rows;

  @Mixin RerunInputs rerun = new RerunInputs();

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    RunManifest manifest = RunManifest.read(runDir);
    RunFigures definitions = RunFigures.of(manifest, rerun.figures, "explain");
    if (!definitions.matchesRun()) {
      throw new InputException(definitions.describe() + ": not the run's headline definitions (SHA-256 "
          + definitions.sha256().substring(0, 12) + "…, the manifest says " + manifest.figuresSha256().substring(0, 12)
          + "…); give the run's with --figures FILE");
    }
    FigureDefinition figure = FigureExplainer.definition(manifest, definitions, figureId);
    PrintWriter out = spec.commandLine().getOut();
    try (RunInputs inputs = RunInputs.of(manifest, rerun.input)) {
      InputCheck check = InputCheck.of(manifest, inputs.folder());
      if (check.inputsDiffer()) {
        List<String> files = new ArrayList<>();
        check.changed().forEach(p -> files.add(p.file() + " changed"));
        check.disappeared().forEach(p -> files.add(p.file() + " is missing"));
        throw new InputException("the inputs in " + inputs.description() + " are not the run's (" + String.join(", ", files)
            + "): explain recounts from the run's own inputs; give them with --input DIR");
      }
      return new FigureExplainer(out).explain(manifest, figure, inputs.folder(), inputs.description(), rows);
    } finally {
      out.flush();
    }
  }
}
