package org.offstats.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A folder that must not outlive the command that made it (a run's temporary folder, verify's
 * rerun, the copy of the bundled sample): removed when closed, and by a shutdown hook when the JVM
 * is stopped first (Ctrl-C, {@code kill}). {@code kill -9} skips shutdown hooks: {@link
 * StrayFolders} finds what such a run left.
 */
public final class TemporaryFolder implements AutoCloseable {
  private final Path path;
  private final Thread cleanUp;

  private TemporaryFolder(Path path) {
    this.path = path;
    this.cleanUp = new Thread(() -> deleteQuietly(path), "offstats-clean-up");
  }

  /**
   * Creates {@code path} owner-only (0700). The hook is registered first, so that no moment exists
   * when the folder is there and a stopped JVM would leave it.
   */
  public static TemporaryFolder create(Path path) throws IOException {
    TemporaryFolder folder = new TemporaryFolder(path);
    Runtime.getRuntime().addShutdownHook(folder.cleanUp);
    try {
      OwnerOnly.createDirectory(path);
    } catch (IOException | RuntimeException e) {
      folder.removeHook();
      throw e;
    }
    return folder;
  }

  /** A new owner-only folder in the system's temporary folder, named {@code prefix<random>}. */
  public static TemporaryFolder inSystemTemp(String prefix) throws IOException {
    return create(Path.of(System.getProperty("java.io.tmpdir")).resolve(prefix + UUID.randomUUID()));
  }

  public Path path() {
    return path;
  }

  /**
   * Removes the folder (if it is still there) and the hook. When a job fails, the DirectRunner's
   * other workers can still be writing into the folder as it closes, which made deleting it in
   * place fail (a folder not empty any more, seen on a disk that filled up): it is moved aside
   * first, as the shutdown hook does ({@link #deleteQuietly}).
   */
  @Override
  public void close() throws IOException {
    try {
      removeAside(path);
    } finally {
      removeHook();
    }
  }

  /**
   * Moves {@code folder} aside and deletes it there. A file whose creation had begun before the
   * move can still appear in it, so a folder found not empty is tried again a little later.
   */
  private static void removeAside(Path folder) throws IOException {
    Path aside = moveAside(folder);
    for (int attempt = 1; ; attempt++) {
      try {
        FileTrees.deleteTree(aside);
        return;
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        if (attempt == 5) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() throws java.io.InterruptedIOException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while removing a temporary folder");
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it does the same clean-up
    }
  }

  /**
   * Removes a folder while the JVM shuts down, or one a killed run left. The job's writers may
   * still be creating files in it, which made deleting it fail (a folder not empty any more).
   * Renamed first, nothing new can appear in it: the writers create files by path, never folders.
   * The new name keeps the old one as its start, so a folder whose removal is itself cut short is
   * still recognised as what it was. Shutdown hooks run at the same time: a folder inside another
   * one (verify's rerun inside verify's folder) can vanish under its own hook when the enclosing
   * one is moved aside, which is not a failure: only a folder still there is reported.
   */
  static void deleteQuietly(Path folder) {
    try {
      removeAside(folder);
    } catch (IOException | RuntimeException e) {
      if (Files.exists(folder) || Files.exists(aside(folder))) {
        System.err.println("offstats: could not remove the temporary folder " + folder + ": " + CannotWriteException.reason(e));
      }
    }
  }

  private static Path aside(Path folder) {
    return folder.resolveSibling(folder.getFileName() + "-removing");
  }

  private static Path moveAside(Path folder) {
    try {
      return Files.move(folder, aside(folder), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      return folder; // gone already, or it cannot move: delete it where it is
    }
  }
}
