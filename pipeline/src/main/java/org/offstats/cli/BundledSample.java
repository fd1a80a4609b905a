package org.offstats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offstats.run.FileTrees;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * The synthetic sample-data bundled in the jar, copied to a temporary folder so that {@code
 * offstats run} without {@code --input} reads it like any other input folder. Paths in the
 * manifest are relative to the input folder, so the temporary location appears nowhere.
 */
final class BundledSample implements AutoCloseable {
  private static final String ROOT = "/sample-data/";

  private final Path folder;
  private final Thread cleanUp;

  private BundledSample(Path folder) {
    this.folder = folder;
    // a run stopped by Ctrl-C or kill leaves no copy of the sample behind
    this.cleanUp = new Thread(this::deleteQuietly, "offstats-sample-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
  }

  private void deleteQuietly() {
    try {
      delete();
    } catch (IOException e) {
      System.err.println("offstats: could not remove the temporary sample copy " + folder);
    }
  }

  static BundledSample extract() throws IOException {
    Path folder = Files.createTempDirectory("offstats-sample-");
    Files.createDirectory(folder.resolve("reference"));
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
          Files.copy(in, folder.resolve(file));
        }
      }
    }
    return new BundledSample(folder);
  }

  Path folder() {
    return folder;
  }

  @Override
  public void close() throws IOException {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it deletes the copy
    }
    delete();
  }

  private void delete() throws IOException {
    FileTrees.deleteTree(folder);
  }

}
