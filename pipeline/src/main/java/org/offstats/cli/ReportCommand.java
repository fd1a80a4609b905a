package org.offstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.offstats.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offstats report}: (re)writes a run's {@code report/index.html} (OUTPUTS.md "Command line"). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes RUN_DIR/report/index.html again from the run's publish/ folder and manifest.json (never from"
          + " restricted/): the headline statements, a chart per theme, the tables, notes on definitions and"
          + " suppression, and the run's provenance, in one self-contained page that fetches nothing.",
      "offstats run writes the same page; this command makes it again, for example after disclosure control"
          + " has been applied to publish/."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
  Path runDir;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    Path page = RunReport.write(runDir);
    spec.commandLine().getOut().println("offstats report: wrote " + page);
    spec.commandLine().getOut().flush();
    return OffstatsCli.OK;
  }
}
