package org.offstats.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Copies the checked-in fixture folders to a temporary input folder and writes ad-hoc files. */
final class Fixtures {
  private Fixtures() {}

  /** Copies {@code src/test/resources/fixtures/<name>} (recursively) into {@code target}. */
  static Path copy(String name, Path target) {
    URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
    if (url == null) {
      throw new IllegalStateException("no fixture folder fixtures/" + name + " on the classpath");
    }
    try {
      Path source = Path.of(url.toURI());
      Files.createDirectories(target);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path to = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.copy(file, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes text as UTF-8 bytes exactly as given (no line-end translation). */
  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeGzip(Path file, String text) {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
