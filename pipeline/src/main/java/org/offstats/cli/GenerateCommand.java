package org.offstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.offstats.generate.SyntheticExtracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code offstats generate}: writes a synthetic, deterministic input folder (OUTPUTS.md). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic, realistic input folder: arrests.csv, outcomes.csv, protection_orders.csv"
          + " and reference/ (a copy of the bundled reference data).",
      "The same --rows and --seed give byte-identical files. Each extract also holds a few records"
          + " that break one rule each (well under 1%%), so a run has rejects to show."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "folder to write (created if needed; the generated files in it are replaced)")
  private Path output;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "10000",
      description = "number of arrests (default: ${DEFAULT-VALUE})")
  private long rows;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  private long seed;

  @Override
  public Integer call() {
    if (rows < 0 || rows > Integer.MAX_VALUE / 4) {
      throw new ParameterException(
          spec.commandLine(),
          "--rows must be from 0 to " + Integer.MAX_VALUE / 4 + ", not " + rows);
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      SyntheticExtracts.Summary summary = SyntheticExtracts.write(output, rows, seed);
      err.printf(
          "generate: wrote %d arrests (%d persons), %d crimes, %d protection order events and %d"
              + " deliberately bad records to %s (seed %d)%n",
          summary.arrests(),
          summary.persons(),
          summary.crimes(),
          summary.protectionOrderEvents(),
          summary.plannedRejects().size(),
          output,
          seed);
      err.flush();
      return 0;
    } catch (IOException e) {
      err.println("generate: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
