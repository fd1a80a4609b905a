package org.offstats.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.offstats.extract.InputException;
import org.offstats.figures.FigureDefinitions;

/**
 * The headline definitions a run used: this build's bundled file, or the file given to {@code run
 * --figures} (its path in {@code parameters.figures}, or a copy given again with {@code --figures}).
 * Bundled definitions that differ from the run's mean another build (exit 2); a definitions file
 * that differs is a changed input.
 *
 * @param file the definitions file to rerun with, empty for the bundled definitions
 * @param sha256 the checksum of the definitions found now
 */
public record RunFigures(FigureDefinitions definitions, Optional<Path> file, String sha256, boolean matchesRun) {

  public static RunFigures of(RunManifest manifest, Path given, String command) throws IOException {
    if (given == null && manifest.figuresFile().isEmpty()) {
      FigureDefinitions bundled = FigureDefinitions.bundled();
      if (!bundled.sha256().equals(manifest.figuresSha256())) {
        throw new InputException(manifest.file() + ": the run's headline definitions (figures.sha256 "
            + Sha256.shortForm(manifest.figuresSha256()) + ", " + manifest.figuresLocation() + ") are not this build's ("
            + Sha256.shortForm(bundled.sha256()) + "); " + command + " it with the build that made it, or give the definitions"
            + " file with --figures FILE");
      }
      return new RunFigures(bundled, Optional.empty(), bundled.sha256(), true);
    }
    Path file = given != null ? given : Path.of(manifest.figuresFile().get());
    if (!Files.isRegularFile(file)) {
      throw new InputException("the run's headline definitions file " + file + " (parameters.figures in " + manifest.file()
          + ") is not here; give a copy with --figures FILE");
    }
    FigureDefinitions definitions = FigureDefinitions.load(file);
    return new RunFigures(definitions, Optional.of(file), definitions.sha256(), definitions.sha256().equals(manifest.figuresSha256()));
  }

  /** The definitions file as the report names it. */
  public String describe() {
    return file.map(Path::toString).orElse("the bundled figures/headlines.json");
  }
}
