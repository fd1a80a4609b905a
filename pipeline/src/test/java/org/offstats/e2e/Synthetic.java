package org.offstats.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.offstats.generate.SyntheticExtracts;

/** The project's synthetic input generator, as the tests use it. */
final class Synthetic {
  private Synthetic() {}

  static void write(Path outputDir, long arrests, long seed, boolean includeBadRows) {
    try {
      SyntheticExtracts.write(outputDir, arrests, seed, includeBadRows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
