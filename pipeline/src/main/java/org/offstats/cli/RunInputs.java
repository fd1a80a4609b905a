package org.offstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.offstats.audit.RunManifest;
import org.offstats.extract.InputException;

/**
 * Where a finished run's inputs are for {@code verify} and {@code explain}: {@code --input DIR}
 * when given (a copy elsewhere: the manifest's paths are relative to the input folder), the
 * bundled sample when the run was made on it, otherwise the folder the run was given.
 */
final class RunInputs implements AutoCloseable {
  private final Path folder;
  private final String description;
  private final BundledSample sample;

  private RunInputs(Path folder, String description, BundledSample sample) {
    this.folder = folder;
    this.description = description;
    this.sample = sample;
  }

  static RunInputs of(RunManifest manifest, Path given) throws IOException {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new InputException(given + ": the --input folder does not exist or is not a folder");
      }
      return new RunInputs(given, given.toString(), null);
    }
    if (manifest.madeOnBundledSample()) {
      BundledSample sample = BundledSample.extract();
      return new RunInputs(sample.folder(), "the bundled sample-data of this build", sample);
    }
    Path recorded = Path.of(manifest.inputLabel());
    if (!Files.isDirectory(recorded)) {
      throw new InputException(
          "the run's input folder " + recorded + " (parameters.input in " + manifest.file() + ") is not here; give a copy of the inputs"
              + " with --input DIR");
    }
    return new RunInputs(recorded, recorded.toString(), null);
  }

  Path folder() {
    return folder;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (sample != null) {
      sample.close();
    }
  }
}
