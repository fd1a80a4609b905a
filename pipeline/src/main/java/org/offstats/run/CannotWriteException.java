package org.offstats.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;
import org.offstats.extract.InputException;

/**
 * A file or folder of the run that the file system refused: the disk is full, read-only, or not
 * ours to write. That is the machine's state, not a bug, so it ends the run with exit 2 and one
 * line naming the path and what to do, and the run leaves nothing behind.
 */
public final class CannotWriteException extends InputException {
  private final transient Path path;
  private final String reason;

  private CannotWriteException(Path path, String reason, String message) {
    super(message);
    this.path = path;
    this.reason = reason;
  }

  /** Writing {@code path} failed with {@code e} (or an I/O error that caused it). */
  public static CannotWriteException of(Path path, Throwable e) {
    String reason = reason(e);
    return new CannotWriteException(path, reason, path + ": cannot be written (" + reason + "); " + advice(reason));
  }

  /**
   * {@code e} as a {@link CannotWriteException} naming {@code path} when an I/O error caused it
   * (parquet-mr, for one, wraps a failed write in its own runtime exception), else {@code e} as it
   * is, for the internal error it is.
   */
  public static RuntimeException writing(Path path, Exception e) {
    if (ioCause(e).isPresent()) {
      return of(path, e);
    }
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }

  /**
   * The same failure said from the run's side: {@code output} could not be written, naming the
   * file inside the run's temporary folder that failed (the temporary folder itself is gone by the
   * time the message is read).
   */
  CannotWriteException within(Path temporary, Path output) {
    String inside = path != null && path.startsWith(temporary) && !path.equals(temporary) ? " " + temporary.relativize(path) : "";
    return new CannotWriteException(
        path, reason, output + ": the run could not write" + (inside.isEmpty() ? " its folder" : inside) + " (" + reason
            + "); nothing was written: " + advice(reason));
  }

  Path path() {
    return path;
  }

  /**
   * An I/O failure anywhere in {@code e}'s causes that is the file system's doing (full, read-only,
   * permission denied), for errors raised outside the run's own writers.
   */
  public static Optional<CannotWriteException> fromFileSystem(Throwable e) {
    Optional<IOException> io = ioCause(e);
    if (io.isEmpty()) {
      return Optional.empty();
    }
    String reason = reason(io.get());
    boolean machine = io.get() instanceof AccessDeniedException || isDiskFull(reason) || reason.contains("Read-only file system");
    if (!machine) {
      return Optional.empty();
    }
    String file = io.get() instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "a file of the run";
    return Optional.of(new CannotWriteException(Path.of(file), reason, file + ": cannot be written (" + reason + "); " + advice(reason)));
  }

  /** Why, in one line, without the path that {@link FileSystemException} puts in its message. */
  public static String reason(Throwable e) {
    Throwable cause = ioCause(e).map(Throwable.class::cast).orElse(e);
    if (cause instanceof FileSystemException fs) {
      if (fs.getReason() != null) {
        return fs.getReason();
      }
      if (fs instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (fs instanceof NoSuchFileException) {
        return "no such file or folder";
      }
      if (fs instanceof FileAlreadyExistsException) {
        return "it exists already";
      }
      if (fs instanceof NotDirectoryException) {
        return "not a folder";
      }
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
  }

  private static String advice(String reason) {
    if (isDiskFull(reason)) {
      return "free some space on that disk, or choose another --output";
    }
    if (reason.contains("Read-only file system")) {
      return "that file system is read-only: choose another --output";
    }
    return "check the folder's permissions, or choose another --output";
  }

  private static boolean isDiskFull(String reason) {
    return reason.contains("No space left on device") || reason.contains("Disk quota exceeded");
  }

  private static Optional<IOException> ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }
}
