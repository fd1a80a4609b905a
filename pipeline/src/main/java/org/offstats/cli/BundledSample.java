package org.offstats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offstats.run.TemporaryFolder;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * The synthetic sample-data bundled in the jar, copied to a temporary folder so that {@code
 * offstats run} without {@code --input} reads it like any other input folder. Paths in the
 * manifest are relative to the input folder, so the temporary location appears nowhere.
 */
final class BundledSample implements AutoCloseable {
  private static final String ROOT = "/sample-data/";

  /** Removed when closed, and when a run on it is stopped with Ctrl-C or kill. */
  private final TemporaryFolder folder;

  private BundledSample(TemporaryFolder folder) {
    this.folder = folder;
  }

  static BundledSample extract() throws IOException {
    TemporaryFolder folder = TemporaryFolder.inSystemTemp("offstats-sample-");
    try {
      Files.createDirectory(folder.path().resolve("reference"));
      List<String> files = new ArrayList<>();
      for (CsvContract extract : Schemas.extracts()) {
        files.add(extract.name() + ".csv");
      }
      for (CsvContract reference : Schemas.referenceFiles()) {
        files.add("reference/" + reference.name() + ".csv");
      }
      for (String file : files) {
        try (InputStream in = BundledSample.class.getResourceAsStream(ROOT + file)) {
          if (in != null) {
            Files.copy(in, folder.path().resolve(file));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
    return new BundledSample(folder);
  }

  Path folder() {
    return folder.path();
  }

  @Override
  public void close() throws IOException {
    folder.close();
  }
}
