package org.offstats.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates folders and files with their final permissions from the start (OUTPUTS.md: restricted/
 * is 0700 and its files 0600), never chmod-ed afterwards.
 */
public final class OwnerOnly {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  public static Path createDirectory(Path dir) throws IOException {
    return POSIX ? Files.createDirectory(dir, attribute("rwx------")) : Files.createDirectory(dir);
  }

  /** A new file that only the owner can read, open for writing. */
  public static OutputStream newFile(Path file) throws IOException {
    if (POSIX) {
      Files.deleteIfExists(file);
      Files.createFile(file, attribute("rw-------"));
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  /** A new file anyone may read (publish/), open for writing. */
  public static OutputStream newPublicFile(Path file) throws IOException {
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  /** Gives {@code folder} the permissions of {@code model}: a finished run folder, made owner-only, opening up. */
  public static void copyAccess(Path model, Path folder) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(folder, Files.getPosixFilePermissions(model));
    }
  }

  private static FileAttribute<?> attribute(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
