package org.offstats.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Temporary run folders that a run could not remove because it never got the chance ({@code kill
 * -9}, a power cut, a JVM crash: no shutdown hook runs). Each run writes a lock file into its
 * temporary folder saying which process made it; a later run in the same output parent removes
 * the folders whose process is gone, and says so, one line each. It leaves alone the folders of
 * runs still going, and those it cannot attribute: a run on another host of a shared file system,
 * or a folder with no lock (made by an older offstats, or in the instant between a run creating
 * its folder and writing the lock, or removing the lock and renaming the folder into place); of
 * these it says nothing in the first minute, when the folder is most likely a run's just starting,
 * and after that it removes the empty ones, which a run killed as it started leaves.
 */
final class StrayFolders {
  /** Start times of one process read by two JVMs can differ by rounding; a reused PID differs by more. */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  private static final Duration JUST_MADE = Duration.ofMinutes(1);

  /** Who made a temporary folder. */
  record Owner(long pid, String host, Optional<Instant> processStarted) {
    static Owner current() {
      ProcessHandle self = ProcessHandle.current();
      return new Owner(self.pid(), hostName(), self.info().startInstant());
    }

    String text() {
      return "pid=" + pid + "\nhost=" + host + "\nprocess_started=" + processStarted.map(Instant::toString).orElse("") + "\n";
    }

    static Optional<Owner> parse(String text) {
      Map<String, String> fields = new LinkedHashMap<>();
      text.lines().forEach(line -> {
        int equals = line.indexOf('=');
        if (equals > 0) {
          fields.put(line.substring(0, equals), line.substring(equals + 1));
        }
      });
      try {
        String started = fields.getOrDefault("process_started", "");
        return Optional.of(new Owner(
            Long.parseLong(fields.get("pid")),
            fields.getOrDefault("host", ""),
            started.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(started))));
      } catch (NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /** What a later run makes of a temporary folder it finds. */
  enum Verdict {
    /** its run is still going (or its PID is alive and cannot be told from it): leave it */
    LIVE,
    /** its process is gone: remove it */
    GONE,
    /** made on another host: cannot be checked from here */
    ELSEWHERE,
    /** no readable lock: cannot be attributed */
    UNKNOWN
  }

  private StrayFolders() {}

  /**
   * Writes the lock of the current process into a new temporary run folder: written beside it and
   * renamed, so that another run never reads half a lock.
   */
  static void lock(Path folder) {
    Path lock = folder.resolve(RunLayout.LOCK);
    Path partial = folder.resolve(RunLayout.LOCK + ".partial");
    try {
      try (OutputStream out = OwnerOnly.newFile(partial)) {
        out.write(Owner.current().text().getBytes(StandardCharsets.UTF_8));
      }
      Files.move(partial, lock, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw CannotWriteException.of(lock, e);
    }
  }

  static Optional<Owner> owner(Path folder) {
    try {
      return Owner.parse(Files.readString(folder.resolve(RunLayout.LOCK), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Verdict verdict(Optional<Owner> owner, String thisHost) {
    if (owner.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    if (!owner.get().host().equals(thisHost)) {
      return Verdict.ELSEWHERE;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(owner.get().pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Verdict.GONE;
    }
    Optional<Instant> recorded = owner.get().processStarted();
    Optional<Instant> now = process.get().info().startInstant();
    if (recorded.isPresent() && now.isPresent() && Duration.between(recorded.get(), now.get()).abs().compareTo(SAME_START) > 0) {
      return Verdict.GONE; // the PID was reused by another process
    }
    return Verdict.LIVE;
  }

  /**
   * Removes the temporary run folders in {@code parent} whose run is gone, and says on {@code
   * console} what it removed and what it left, one line each.
   */
  static void cleanUp(Path parent, PrintStream console) {
    List<Path> temporary;
    try (Stream<Path> entries = Files.list(parent)) {
      temporary = entries.filter(p -> p.getFileName().toString().startsWith(RunLayout.TEMP_PREFIX)).filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return; // a parent that cannot be listed cannot take the run's folder either: that fails next, naming it
    }
    String thisHost = hostName();
    for (Path folder : temporary) {
      Optional<Owner> owner = owner(folder);
      String name = folder.getFileName().toString();
      switch (verdict(owner, thisHost)) {
        case LIVE -> { }
        case GONE -> {
          TemporaryFolder.deleteQuietly(folder);
          if (!Files.exists(folder)) {
            console.println("offstats: removed stray temporary folder " + folder + " left by an interrupted run (pid " + owner.get().pid() + ")");
          }
        }
        case ELSEWHERE -> console.println("offstats: left temporary folder " + folder + " alone: it belongs to a run on host "
            + owner.get().host() + " (pid " + owner.get().pid() + "), which cannot be checked from here; delete it once that run is over");
        case UNKNOWN -> {
          if (justMade(folder)) {
            continue;
          }
          if (holdsNothing(folder)) {
            // killed between making its folder and writing its lock: nothing to lose
            TemporaryFolder.deleteQuietly(folder);
            if (!Files.exists(folder)) {
              console.println("offstats: removed empty temporary folder " + folder + " left by a run stopped as it started");
            }
          } else {
            console.println("offstats: left temporary folder " + folder + " alone: it does not say which run made it"
                + " (an older offstats, or a run stopped just as it finished); delete it once no run is using it"
                + (name.contains("-old-") ? " (it holds the run folder an --overwrite run was replacing)" : ""));
          }
        }
      }
    }
  }

  /** Nothing in it but, perhaps, a lock half written. */
  private static boolean holdsNothing(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.allMatch(p -> p.getFileName().toString().equals(RunLayout.LOCK + ".partial"));
    } catch (IOException e) {
      return false;
    }
  }

  /** A folder without a lock made in the last minute is most likely a run's, just starting. */
  private static boolean justMade(Path folder) {
    try {
      return Files.getLastModifiedTime(folder).toInstant().isAfter(Instant.now().minus(JUST_MADE));
    } catch (IOException e) {
      return true; // gone meanwhile
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | SecurityException e) {
      return "unknown";
    }
  }
}
