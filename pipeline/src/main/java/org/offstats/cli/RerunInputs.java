package org.offstats.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a run's inputs are when a command re-reads them (verify, explain): shared options. */
final class RerunInputs {
  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "the run's inputs, if not where the run read them (default: the folder recorded in the manifest,"
          + " or the bundled sample-data for a run made on it)")
  Path input;

  @Option(
      names = "--figures",
      paramLabel = "FILE",
      description = "the headline definitions file the run was given with run --figures, if not where the run read it")
  Path figures;
}
