package org.offstats.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.offstats.policeuk.PoliceUkFile;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * What is in an input folder (EXTRACTS.md "Finding the files"), checked before the job starts:
 * each extract's files in file order with their header checked and their checksum taken, the
 * reference data (the folder's own {@code reference/} or the bundled defaults), and every other
 * file, which is ignored and listed.
 */
public record InputScan(
    Path input,
    List<InputFile> files,
    List<PoliceUkFile> policeUkFiles,
    Map<String, FileChecksum> checksums,
    List<String> ignoredFiles,
    List<String> warnings,
    ReferenceData reference) {

  /**
   * A file's SHA-256 and size, for the manifest and for {@code verify}, and its modification time,
   * which with the size shows a file being written without reading it through.
   */
  public record FileChecksum(String path, String sha256, long bytes, Instant modified) implements Serializable {
    /** How {@code now} differs from this earlier look at the same file, or empty when it does not. */
    Optional<String> differenceFrom(FileChecksum now) {
      List<String> differences = new ArrayList<>();
      if (now.bytes() != bytes) {
        differences.add("its size went from " + bytes + " to " + now.bytes() + " bytes");
      }
      if (!now.modified().equals(modified)) {
        differences.add("its modification time changed");
      }
      if (!now.sha256().equals(sha256)) {
        differences.add("its SHA-256 changed");
      }
      return differences.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", differences));
    }
  }

  public static final String REFERENCE_FOLDER = "reference";

  /** The bundled reference files inside the jar (identical to {@code sample-data/reference/}). */
  public static final String BUNDLED_REFERENCE = "/sample-data/reference/";

  public static InputScan of(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      throw new InputException(input + ": the input folder does not exist or is not a folder");
    }
    List<InputFile> files = new ArrayList<>();
    Map<String, Path> toChecksum = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<String> used = new ArrayList<>();
    List<Path> topLevel;
    try (Stream<Path> listing = Files.list(input)) {
      topLevel = listing.filter(Files::isRegularFile).toList();
    }
    List<PoliceUkFile> policeUk;
    try {
      for (CsvContract extract : Schemas.extracts()) {
        List<Path> extractFiles =
            topLevel.stream()
                .filter(p -> isExtractFile(p.getFileName().toString(), extract.name()))
                .sorted(Comparator.comparing((Path p) -> fileOrderKey(p.getFileName().toString()), Arrays::compareUnsigned)
                    .thenComparing(p -> p.getFileName().toString().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .toList();
        for (Path path : extractFiles) {
          String relative = path.getFileName().toString();
          used.add(relative);
          List<String> header;
          try (InputStream in = Files.newInputStream(path);
              CsvRecordReader reader = new CsvRecordReader(in, relative, relative.endsWith(".gz"))) {
            header = reader.header();
          }
          HeaderMap headerMap = HeaderMap.of(extract, header, relative);
          if (!headerMap.extraColumns().isEmpty()) {
            warnings.add(relative + ": extra columns ignored: " + String.join(", ", headerMap.extraColumns()));
          }
          if (!headerMap.absentOptionalColumns().isEmpty()) {
            warnings.add(relative + ": optional columns absent, read as empty: " + String.join(", ", headerMap.absentOptionalColumns()));
          }
          files.add(new InputFile(files.size(), extract.name(), relative, path.toAbsolutePath().toString(), headerMap));
          toChecksum.put(relative, path);
        }
      }
      policeUk = PoliceUkFile.findAll(input);
      for (PoliceUkFile file : policeUk) {
        used.add(file.path());
        toChecksum.put(file.path(), Path.of(file.location()));
      }
    } catch (IOException | RuntimeException problem) {
      // a file read one by one before this one would have failed its checksum first: report that
      perFile(toChecksum, InputScan::checksum);
      throw problem;
    }
    Map<String, FileChecksum> checksums = perFile(toChecksum, InputScan::checksum);
    Path referenceFolder = input.resolve(REFERENCE_FOLDER);
    ReferenceData reference = ReferenceData.load(referenceOpener(referenceFolder));
    if (Files.isDirectory(referenceFolder)) {
      for (CsvContract contract : Schemas.referenceFiles()) {
        used.add(REFERENCE_FOLDER + "/" + contract.name() + ".csv");
      }
    }
    List<String> ignored;
    try (Stream<Path> all = Files.walk(input)) {
      ignored =
          all.filter(Files::isRegularFile)
              .map(p -> input.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !used.contains(p))
              .sorted(org.offstats.domain.CodePointOrder.COMPARATOR)
              .toList();
    }
    return new InputScan(
        input, List.copyOf(files), policeUk, Collections.unmodifiableMap(checksums), ignored, List.copyOf(warnings), reference);
  }

  /** Whether an extract (or police.uk kind) is present: at least one file, even header-only. */
  public boolean hasExtract(String extract) {
    return !pathsOf(extract).isEmpty();
  }

  /** The input files of an extract or police.uk kind ({@code policeuk_street}), in reading order. */
  public List<String> pathsOf(String extract) {
    List<String> paths = new ArrayList<>();
    files.stream().filter(f -> f.extract().equals(extract)).forEach(f -> paths.add(f.path()));
    policeUkFiles.stream().filter(f -> f.source().name().equals(extract)).forEach(f -> paths.add(f.path()));
    return paths;
  }

  static boolean isExtractFile(String name, String extract) {
    return name.startsWith(extract) && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
  }

  /** File order: byte order of the file name with {@code .gz} ignored. */
  static byte[] fileOrderKey(String name) {
    String withoutGz = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    return withoutGz.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads reference files from {@code folder} when it exists, otherwise from the jar. */
  static ReferenceData.Opener referenceOpener(Path folder) {
    boolean local = Files.isDirectory(folder);
    return new ReferenceData.Opener() {
      @Override
      public InputStream open(String name) throws IOException {
        if (local) {
          Path file = folder.resolve(name + ".csv");
          if (!Files.isRegularFile(file)) {
            throw new InputException(REFERENCE_FOLDER + "/" + name + ".csv: missing (the input has a reference/ folder, so it must hold every reference file)");
          }
          return Files.newInputStream(file);
        }
        InputStream bundled = InputScan.class.getResourceAsStream(BUNDLED_REFERENCE + name + ".csv");
        if (bundled == null) {
          throw new IllegalStateException("the jar has no bundled reference file " + name);
        }
        return bundled;
      }

      @Override
      public String describe(String name) {
        return local ? REFERENCE_FOLDER + "/" + name + ".csv" : "bundled:sample-data/reference/" + name + ".csv";
      }
    };
  }

  /**
   * A file's checksum, size and modification time. A file whose size or time moves while it is
   * being checksummed is being written: that is an error naming it, for no checksum of it holds.
   */
  public static FileChecksum checksum(Path path, String relative) throws IOException {
    BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
    MessageDigest sha256 = sha256();
    long bytes;
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256)) {
      bytes = in.transferTo(OutputStream.nullOutputStream());
    }
    BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
    if (bytes != before.size() || after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
      throw changedWhileRead(relative, "its size or modification time moved while its checksum was taken: " + before.size() + " bytes"
          + " before, " + bytes + " read, " + after.size() + " after");
    }
    return new FileChecksum(relative, HexFormat.of().formatHex(sha256.digest()), bytes, before.lastModifiedTime().toInstant());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks, once the job has read them, that every input file and reference file is still the one
   * checksummed before reading: same size, modification time and SHA-256. The outputs of a run
   * must follow from the inputs its manifest names, so a file changed meanwhile (an extract still
   * being exported, a copy still under way) fails the run, naming the file.
   */
  public void confirmUnchanged() {
    Map<String, Path> again = new LinkedHashMap<>();
    checksums.keySet().forEach(path -> again.put(path, input.resolve(path)));
    Map<String, Optional<InputException>> problems;
    try {
      problems = perFile(again, (path, relative) -> changeOf(checksums.get(relative)));
    } catch (IOException e) {
      throw new IllegalStateException(e); // changeOf reports its own problems
    }
    // the first file, in order, that changed or cannot be read again, as reading them one by one would find
    for (Optional<InputException> problem : problems.values()) {
      if (problem.isPresent()) {
        throw problem.get();
      }
    }
    for (ReferenceData.Source source : reference.sources()) {
      if (source.path().startsWith(REFERENCE_FOLDER + "/") && !checksumAgain(source.path()).sha256().equals(source.sha256())) {
        throw changedWhileRead(source.path(), "its SHA-256 changed");
      }
    }
  }

  /** How a file differs from its checksum taken before reading, as the exception to report; empty when it does not. */
  private Optional<InputException> changeOf(FileChecksum before) {
    try {
      return before.differenceFrom(checksumAgain(before.path())).map(difference -> changedWhileRead(before.path(), difference));
    } catch (InputException problem) {
      return Optional.of(problem);
    }
  }

  private FileChecksum checksumAgain(String path) {
    try {
      return checksum(input.resolve(path), path);
    } catch (NoSuchFileException e) {
      throw changedWhileRead(path, "it is gone");
    } catch (IOException e) {
      throw InputException.in(path, "cannot be read again to check that it did not change during the run ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
    }
  }

  /** One file's part of {@link #perFile}. */
  interface FileTask<T> {
    T apply(Path path, String relative) throws IOException;
  }

  /**
   * Runs {@code task} on every file, on as many threads as there are processors: SHA-256 reads a
   * whole file on one core, and the inputs are hundreds of megabytes. Results come in the files'
   * order, and when several files fail the failure reported is that of the first in order, as if
   * they had been read one by one.
   */
  static <T> Map<String, T> perFile(Map<String, Path> files, FileTask<T> task) throws IOException {
    return perFile(files, task, Runtime.getRuntime().availableProcessors());
  }

  /** {@link #perFile(Map, FileTask)} on at most {@code processors} threads. */
  static <T> Map<String, T> perFile(Map<String, Path> files, FileTask<T> task, int processors) throws IOException {
    Map<String, T> results = new LinkedHashMap<>();
    int threads = Math.min(files.size(), processors);
    if (threads <= 1) {
      for (Map.Entry<String, Path> file : files.entrySet()) {
        results.put(file.getKey(), task.apply(file.getValue(), file.getKey()));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "offstats-checksum");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<String, Future<T>> pending = new LinkedHashMap<>();
      files.forEach((relative, path) -> pending.put(relative, pool.submit(() -> task.apply(path, relative))));
      for (Map.Entry<String, Future<T>> file : pending.entrySet()) {
        results.put(file.getKey(), resultOf(file.getValue()));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T resultOf(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checksumming the inputs");
    } catch (ExecutionException e) {
      throw ReadAhead.rethrown(e.getCause());
    }
  }

  /** An input that changed between the checksum taken at the start and the end of the run. */
  static InputException changedWhileRead(String path, String difference) {
    return InputException.in(path, "changed while it was being read (" + difference + "); nothing was written:"
        + " run again once the file is complete and nothing is writing to it");
  }
}
