package org.offstats.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.offstats.domain.CodePointOrder;
import org.offstats.extract.InputException;

/**
 * Compares an input folder with the manifest's record of it: every input and reference file by
 * SHA-256 (changed or disappeared), and any file the run did not see (appeared). Files the run
 * ignored are not checksummed by the manifest, so they only give notes.
 *
 * @param filesChecked how many files had their checksum compared
 * @param changed inputs whose bytes differ from the manifest's record, one message each
 * @param disappeared inputs the manifest lists that are no longer there
 * @param appeared files in the folder that the manifest does not mention, relative paths
 * @param ignoredGone files the run ignored that are gone: they did not shape the outputs
 */
public record InputCheck(
    int filesChecked, List<Problem> changed, List<Problem> disappeared, List<String> appeared, List<String> ignoredGone) {

  /** A file and what is wrong with it. */
  public record Problem(String file, String problem) {}

  /** Whether the inputs the run read are no longer the same bytes. */
  public boolean inputsDiffer() {
    return !changed.isEmpty() || !disappeared.isEmpty();
  }

  public static InputCheck of(RunManifest manifest, Path inputFolder) throws IOException {
    if (!Files.isDirectory(inputFolder)) {
      throw new InputException(inputFolder + ": the input folder does not exist; give the run's inputs with --input DIR");
    }
    List<Problem> changed = new ArrayList<>();
    List<Problem> disappeared = new ArrayList<>();
    List<String> ignoredGone = new ArrayList<>();
    Set<String> known = new HashSet<>();
    int checked = 0;
    for (RunManifest.InputEntry input : manifest.inputs()) {
      known.add(input.path());
      checked += compare(inputFolder, input.path(), input.sha256(), "an input of " + input.extract(), changed, disappeared);
    }
    for (RunManifest.ReferenceEntry reference : manifest.reference()) {
      if (reference.bundled()) {
        checked++;
        String now = bundledSha256(reference.path());
        if (now == null) {
          disappeared.add(new Problem(reference.path(), "this build has no such bundled reference file"));
        } else if (!now.equals(reference.sha256())) {
          changed.add(new Problem(reference.path(), "the bundled reference data differ from the run's (SHA-256 "
              + Sha256.shortForm(reference.sha256()) + " in the manifest, " + Sha256.shortForm(now) + " in this build)"));
        }
      } else {
        known.add(reference.path());
        checked += compare(inputFolder, reference.path(), reference.sha256(), "reference data", changed, disappeared);
      }
    }
    Set<String> ignored = new HashSet<>(manifest.ignoredFiles());
    List<String> present = files(inputFolder);
    List<String> appeared = present.stream().filter(p -> !known.contains(p) && !ignored.contains(p)).toList();
    Set<String> presentSet = new HashSet<>(present);
    for (String file : manifest.ignoredFiles()) {
      if (!presentSet.contains(file)) {
        ignoredGone.add(file);
      }
    }
    return new InputCheck(checked, List.copyOf(changed), List.copyOf(disappeared), appeared, List.copyOf(ignoredGone));
  }

  private static int compare(Path folder, String relative, String expected, String role, List<Problem> changed, List<Problem> disappeared)
      throws IOException {
    Path file = resolveInside(folder, relative);
    if (!Files.isRegularFile(file)) {
      disappeared.add(new Problem(relative, "disappeared (the manifest lists it as " + role + ")"));
      return 0;
    }
    String now = Sha256.of(file);
    if (!now.equals(expected)) {
      changed.add(new Problem(relative, "changed since the run, or the manifest's record of it was edited (" + role
          + "; SHA-256 " + Sha256.shortForm(expected) + " in the manifest, " + Sha256.shortForm(now) + " now)"));
    }
    return 1;
  }

  /** A manifest path must stay inside the input folder, whatever the manifest says. */
  private static Path resolveInside(Path folder, String relative) {
    Path root = folder.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new InputException("manifest.json: input path '" + relative + "' points outside the input folder");
    }
    return file;
  }

  /** The jar's copy of a bundled reference file, as {@code InputScan} reads it; null if absent. */
  static String bundledSha256(String bundledPath) throws IOException {
    String resource = "/" + bundledPath.substring(RunManifest.BUNDLED_PREFIX.length());
    try (InputStream in = InputCheck.class.getResourceAsStream(resource)) {
      return in == null ? null : Sha256.of(in);
    }
  }

  /** Every regular file below the folder, relative with {@code /}, in code point order. */
  static List<String> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted(CodePointOrder.COMPARATOR)
          .toList();
    }
  }
}
