package org.offstats.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.offstats.extract.InputException;
import org.offstats.run.BuildInfo;
import org.offstats.run.RunCommandRunner;
import org.offstats.run.RunLayout;
import org.offstats.run.TemporaryFolder;

/**
 * {@code offstats verify} (OUTPUTS.md; issue 5): confirms, without trusting the analyst, that a run
 * folder follows from its inputs with this version of the code. In order: the run was made by this
 * build and these headline definitions (else exit 2: say which build to use); every input's
 * SHA-256 matches the manifest (else exit 1, naming each file changed, gone or new, without a
 * rerun); the job is rerun with the recorded parameters into a temporary folder; every file under
 * {@code publish/} and {@code restricted/} is compared byte for byte with the rerun's, the
 * manifest's claims with the files and the rerun's manifest, and every headline value.
 */
public final class RunVerifier {
  private final PrintWriter out;
  private final PrintWriter progress;

  /**
   * @param out where the report goes
   * @param progress where progress goes (the console's stderr when it is a terminal), or null
   */
  public RunVerifier(PrintWriter out, PrintWriter progress) {
    this.out = out;
    this.progress = progress;
  }

  /** Returns 0 when everything matches, 1 when there are differences. */
  public int verify(RunManifest manifest, RunFigures figures, Path inputFolder, String inputDescription) throws IOException {
    BuildInfo build = BuildInfo.current();
    manifest.requireBuild(build, "verify");
    out.println("offstats verify " + manifest.runDir());
    out.println("  build: offstats " + build.version() + " (git " + build.gitCommit() + "), the build that made the run");
    if (build.gitCommit().endsWith("-dirty") || build.gitCommit().equals("unknown")) {
      out.println("  note: this build cannot be traced to a commit (" + build.gitCommit()
          + "): a match shows the outputs follow from the inputs with this jar's code only");
    }
    Findings findings = new Findings();
    ManifestChecks.asAtMatchesHeadlines(manifest, findings);
    InputCheck inputs = InputCheck.of(manifest, inputFolder);
    inputs.changed().forEach(c -> findings.difference(c.file(), c.problem()));
    inputs.disappeared().forEach(d -> findings.difference(d.file(), d.problem()));
    inputs.ignoredGone().forEach(f -> findings.note(f + ": gone since the run, which ignored it, so the outputs do not depend on it"));
    out.println("  inputs (" + inputDescription + "): " + inputs.filesChecked() + " file(s) checked against the manifest's SHA-256"
        + (inputs.inputsDiffer() ? "" : ": all match"));
    out.println("  headline definitions (" + figures.describe() + "): " + (figures.matchesRun() ? "the run's" : "not the run's"));
    if (!figures.matchesRun()) {
      findings.difference(figures.describe(), "changed since the run, or the manifest's record of it was edited (headline definitions;"
          + " SHA-256 " + Sha256.shortForm(manifest.figuresSha256()) + " in the manifest, " + Sha256.shortForm(figures.sha256()) + " now)");
    }
    if (inputs.inputsDiffer() || !figures.matchesRun()) {
      inputs.appeared().forEach(a -> findings.difference(a, "appeared since the run (the manifest does not list it)"));
      out.println("  outputs: not rerun, since the inputs are not the run's");
      return finish(findings);
    }
    out.println("  rerun: as at " + manifest.asAt() + ", --max-reject-rate " + manifest.maxRejectRate() + ", --max-field-bytes "
        + manifest.fieldLimitBytes() + ", --max-record-bytes " + manifest.recordLimitBytes() + figures.file().map(f -> ", --figures " + f).orElse("") + ", Beam options: "
        + (manifest.beamOptions().isEmpty() ? "none" : String.join(" ", manifest.beamOptions())));
    // removed on the way out even when verify is stopped (Ctrl-C, kill), as a run's folder is
    try (TemporaryFolder temp = TemporaryFolder.inSystemTemp("offstats-verify-")) {
      Path rerun = rerun(manifest, figures, inputFolder, temp.path().resolve("rerun"));
      JsonNode rerunManifest = new ObjectMapper().readTree(rerun.resolve(RunLayout.MANIFEST).toFile());
      Set<String> ignoredExpected = ignoredExpected(manifest, inputs, rerunManifest, findings);
      int compared = OutputComparison.compare(manifest.runDir(), rerun, findings);
      out.println("  outputs: " + compared + " file(s) under publish/ and restricted/ compared byte for byte with the rerun's");
      int listed = ManifestChecks.outputsMatchDisk(manifest, findings);
      ManifestChecks.matchRerun(manifest.json(), rerunManifest, ignoredExpected, findings);
      out.println("  manifest: " + listed + " output checksum(s) checked against the files; as-at, counts, rejects, warnings,"
          + " reference and figure checksums checked against the rerun's");
      out.println("  headline figures: " + headlines(manifest.runDir(), rerun));
    }
    if (Files.isDirectory(manifest.runDir().resolve(RunFiles.EXPLAIN))) {
      findings.note(RunFiles.EXPLAIN + "/ was written by offstats explain --rows after the run, so it is not compared");
    }
    return finish(findings);
  }

  private Path rerun(RunManifest manifest, RunFigures figures, Path inputFolder, Path output) throws IOException {
    if (progress != null) {
      progress.println("verify: rerunning the job into a temporary folder (as long as the run took)...");
      progress.flush();
    }
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      return new RunCommandRunner(quiet).run(new RunCommandRunner.Request(
          inputFolder,
          manifest.inputLabel(),
          output,
          Optional.of(manifest.asAt()),
          false,
          manifest.maxRejectRate(),
          manifest.fieldLimitBytes(),
          manifest.recordLimitBytes(),
          manifest.beamOptions(),
          figures.file()));
    } catch (RuntimeException e) {
      // Beam wraps an input problem found inside a transform; the one-line message is the cause's
      for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof InputException input) {
          throw new InputException("the rerun with the manifest's parameters failed, so the run cannot be verified: " + input.getMessage());
        }
      }
      throw e;
    }
  }

  /**
   * New files in the input folder matter only if the rerun read them; the ones it ignored, and
   * ignored files now gone, only change what {@code ignored_files} should say.
   */
  private static Set<String> ignoredExpected(RunManifest manifest, InputCheck inputs, JsonNode rerunManifest, Findings findings) {
    Set<String> readByRerun = new HashSet<>();
    rerunManifest.path("inputs").forEach(i -> readByRerun.add(i.path("path").asText()));
    rerunManifest.path("reference").forEach(r -> readByRerun.add(r.path("path").asText()));
    Set<String> expected = new LinkedHashSet<>(manifest.ignoredFiles());
    for (String file : inputs.appeared()) {
      if (readByRerun.contains(file)) {
        findings.difference(file, "appeared since the run (the manifest does not list it), and the rerun read it");
      } else {
        findings.note(file + ": appeared since the run; the rerun ignored it, so the outputs do not depend on it");
        expected.add(file);
      }
    }
    inputs.ignoredGone().forEach(expected::remove);
    List<String> sorted = new ArrayList<>(expected);
    sorted.sort(org.offstats.domain.CodePointOrder.COMPARATOR);
    return new LinkedHashSet<>(sorted);
  }

  private static String headlines(Path run, Path rerun) {
    HeadlineValues ours;
    HeadlineValues theirs;
    try {
      ours = HeadlineValues.read(run);
      theirs = HeadlineValues.read(rerun);
    } catch (ParquetTables.UnreadableException e) {
      return "cannot compare: " + e.getMessage();
    }
    List<String> differences = ours.differencesFrom(theirs, "in the run", "in the rerun");
    return ours.figures().size() + " compared (exact and published values) with the rerun's: "
        + (differences.isEmpty() ? "all match" : String.join("; ", differences));
  }

  private int finish(Findings findings) {
    findings.print(out);
    if (findings.isEmpty()) {
      out.println("verify: OK: every output reproduces byte for byte from these inputs with this version");
    } else {
      out.println("verify: FAILED: " + findings.count() + " difference(s); the run folder does not reproduce from these inputs"
          + " with this version");
    }
    out.flush();
    return findings.isEmpty() ? 0 : 1;
  }

}
