package org.offstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.offstats.audit.RunDiff;
import org.offstats.audit.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offstats diff}: revisions between two runs (OUTPUTS.md "Command line"). */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every published headline figure and table cell that differs between two runs, with the old"
          + " value (RUN_A), the new value (RUN_B) and the change, grouped by table, and the rows found in"
          + " one run only. Says first whether the extracts, the reference data, the headline definitions,"
          + " the as-at date or the tool changed, as a revisions note needs.",
      "Compares publish/ only: what was published."
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "the earlier run folder")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "the later run folder")
  Path runB;

  @Option(names = "--fail-on-change", description = "exit 1 when any published figure or cell differs")
  boolean failOnChange;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    RunManifest a = RunManifest.read(runA);
    RunManifest b = RunManifest.read(runB);
    PrintWriter out = spec.commandLine().getOut();
    RunDiff.Summary summary = new RunDiff(out).diff(a, b);
    out.flush();
    return failOnChange && summary.anyChange() ? 1 : OffstatsCli.OK;
  }
}
