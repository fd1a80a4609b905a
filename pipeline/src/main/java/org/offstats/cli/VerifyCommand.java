package org.offstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.offstats.audit.RunFigures;
import org.offstats.audit.RunManifest;
import org.offstats.audit.RunVerifier;
import org.offstats.run.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offstats verify}: the auditor's check that a run reproduces (OUTPUTS.md "Command line"). */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that a run folder follows from its inputs with this version of offstats: the inputs'"
          + " SHA-256 against the manifest, then a rerun with the recorded parameters (as-at included)"
          + " into a temporary folder, compared byte for byte with every file under publish/ and restricted/,"
          + " with the manifest's checksums and counts, and with every headline value.",
      "Exit 0 when everything matches; 1 with a list of differences; 2 when the run cannot be verified"
          + " (another version made it, or the manifest or inputs are missing)."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder to verify")
  Path runDir;

  @Mixin RerunInputs rerun = new RerunInputs();

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    RunManifest manifest = RunManifest.read(runDir);
    manifest.requireBuild(BuildInfo.current(), "verify");
    RunFigures definitions = RunFigures.of(manifest, rerun.figures, "verify");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = System.console() != null ? spec.commandLine().getErr() : null;
    try (RunInputs inputs = RunInputs.of(manifest, rerun.input)) {
      return new RunVerifier(out, progress).verify(manifest, definitions, inputs.folder(), inputs.description());
    } finally {
      out.flush();
    }
  }
}
