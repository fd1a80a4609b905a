package org.offstats.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.offstats.domain.CodePointOrder;
import org.offstats.extract.InputException;
import org.offstats.run.RunLayout;

/** The output files of a run folder: everything under {@code publish/} and {@code restricted/}. */
final class RunFiles {
  /**
   * {@code restricted/explain/}: what {@code offstats explain --rows} writes into a finished run.
   * Not an output of the run, so not compared.
   */
  static final String EXPLAIN = RunLayout.RESTRICTED + "/explain";

  private RunFiles() {}

  /** Output files relative to the run folder, with {@code /}, in code point order. */
  static List<String> outputs(Path runDir) throws IOException {
    List<String> files = new ArrayList<>();
    for (String part : List.of(RunLayout.PUBLISH, RunLayout.RESTRICTED)) {
      Path dir = runDir.resolve(part);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .map(p -> runDir.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !p.startsWith(EXPLAIN + "/"))
            .forEach(files::add);
      }
    }
    files.sort(CodePointOrder.COMPARATOR);
    return files;
  }

  /** A path from a manifest, kept inside the run folder whatever the manifest says. */
  static Path resolveInside(Path runDir, String relative) {
    Path root = runDir.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new InputException(runDir.resolve(RunLayout.MANIFEST) + ": output path '" + relative + "' points outside the run folder");
    }
    return file;
  }

  /** Whether a file's contents may be shown on the console: restricted/ files hold identifiers. */
  static boolean mayShowContents(String relative) {
    return relative.startsWith(RunLayout.PUBLISH + "/");
  }
}
