package org.offstats.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.HeaderMap;
import org.offstats.extract.InputException;
import org.offstats.extract.Records;
import org.offstats.extract.ReferenceData;
import org.offstats.extract.RowValidator;
import org.offstats.figures.FigureDefinition;
import org.offstats.figures.FigureMatcher;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;

/**
 * The records behind one headline figure, found by re-reading the run's input files one record at a
 * time ({@link CsvRecordReader}, {@link RowValidator}, the as-at bound and the duplicate rule of
 * EXTRACTS.md, then {@link FigureMatcher}): a path independent of the Beam job, so agreeing with
 * the job's exact value means something. Identifiers are kept for {@code explain --rows} only.
 */
public final class ContributingRecords {
  /** A record that counts: where it is, its identifiers, and what it adds. */
  public record Contributor(String file, long line, List<String> identifiers, boolean inNumerator, int days) {}

  /** Per input file: records read, accepted, and contributing (for a rate: in the numerator too). */
  public record FileCount(String file, long read, long accepted, long contributing, long inNumerator, long distinctPersons) {}

  /** The whole recount. */
  public record Result(
      String extract, List<String> identifierColumns, List<FileCount> files, List<Contributor> contributors, long distinctPersons,
      Double value) {}

  private ContributingRecords() {}

  /** The extract (or police.uk file kind) a figure's source records come from. */
  public static String extractOf(FigureDefinition figure) {
    return switch (figure.source()) {
      case FigureDefinition.SOURCE_ARRESTS -> "arrests";
      case FigureDefinition.SOURCE_CRIMES -> "outcomes";
      default -> PoliceUkRecords.contractOf(figure.source()).name();
    };
  }

  /**
   * @param files the run's input files of the figure's extract, relative to {@code inputFolder}
   */
  public static Result count(
      Path inputFolder, List<String> files, ReferenceData reference, FigureDefinition figure, LocalDate asAt, long fieldLimitBytes,
      long recordLimitBytes) throws IOException {
    if (!figure.source().equals(FigureDefinition.SOURCE_ARRESTS) && !figure.source().equals(FigureDefinition.SOURCE_CRIMES)) {
      return PoliceUkRecords.count(inputFolder, files, figure, asAt, recordLimitBytes);
    }
    String extract = extractOf(figure);
    CsvContract contract = Schemas.extract(extract);
    RowValidator validator = RowValidator.forExtract(contract, reference, fieldLimitBytes);
    List<String> identifierColumns =
        contract.columns().stream().filter(c -> c.kind().equals(org.offstats.schema.Column.IDENTIFIER)).map(c -> c.name()).toList();
    int[] keyColumns = contract.key().stream().mapToInt(k -> contract.column(k).index()).toArray();
    Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAt);

    Set<String> seenKeys = new HashSet<>();
    Set<String> persons = new HashSet<>();
    List<Contributor> contributors = new ArrayList<>();
    List<FileCount> counts = new ArrayList<>();
    for (String file : fileOrder(files)) {
      long read = 0;
      long accepted = 0;
      long contributing = 0;
      long inNumerator = 0;
      Set<String> filePersons = new HashSet<>();
      try (InputStream in = Files.newInputStream(inputFolder.resolve(file));
          CsvRecordReader reader = new CsvRecordReader(in, file, file.endsWith(".gz"), recordLimitBytes)) {
        HeaderMap header = HeaderMap.of(contract, reader.header(), file);
        for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
          read++;
          if (record.isTooLong()) {
            continue;
          }
          RowValidator.Result result = validator.check(header, record.fields());
          if (result.rejected() || validator.checkAsAt(result.values(), asAt).isPresent()) {
            continue;
          }
          if (!seenKeys.add(key(result.values(), keyColumns))) {
            continue;
          }
          accepted++;
          Optional<Contributor> contributor = window.isEmpty()
              ? Optional.empty()
              : contribution(figure, window.get(), result.values(), reference, file, record.line(), identifierColumns, contract);
          if (contributor.isPresent()) {
            contributing++;
            contributors.add(contributor.get());
            if (contributor.get().inNumerator()) {
              inNumerator++;
            }
            if (figure.unit().equals(FigureDefinition.PERSONS)) {
              String person = contributor.get().identifiers().get(identifierColumns.indexOf("person_ref"));
              persons.add(person);
              filePersons.add(person);
            }
          }
        }
      }
      counts.add(new FileCount(file, read, accepted, contributing, inNumerator, filePersons.size()));
    }
    Double value = window.isEmpty() ? null : value(figure, contributors, persons.size());
    return new Result(extract, identifierColumns, counts, contributors, persons.size(), value);
  }

  /** Whether one accepted record counts in the figure, as the figure's definition reads. */
  private static Optional<Contributor> contribution(
      FigureDefinition figure, FigureMatcher.Window window, String[] values, ReferenceData reference, String file, long line,
      List<String> identifierColumns, CsvContract contract) {
    List<String> identifiers = identifierColumns.stream().map(c -> values[contract.column(c).index()]).toList();
    if (figure.source().equals(FigureDefinition.SOURCE_ARRESTS)) {
      Arrest arrest = Records.fill(new Arrest(), values);
      if (!within(window, arrest.getArrestDate()) || !FigureMatcher.matches(figure.filters(), FigureMatcher.attributesOf(arrest, reference))) {
        return Optional.empty();
      }
      return Optional.of(new Contributor(file, line, identifiers, false, -1));
    }
    CrimeOutcome crime = Records.fill(new CrimeOutcome(), values);
    if (!within(window, crime.getRecordedDate())) {
      return Optional.empty();
    }
    // scope_type and scope match any one of the crime's scopes; the crime still counts once
    Optional<Map<String, String>> match = FigureMatcher.firstMatch(figure.filters(), FigureMatcher.attributesOf(crime, reference));
    if (match.isEmpty()) {
      return Optional.empty();
    }
    boolean inNumerator = figure.unit().equals(FigureDefinition.RATE) && FigureMatcher.matches(figure.numerator(), match.get());
    int days = -1;
    if (figure.unit().equals(FigureDefinition.DAYS)) {
      if (crime.getOutcomeDate() == null) {
        return Optional.empty();
      }
      days = (int) ChronoUnit.DAYS.between(crime.getRecordedDate(), crime.getOutcomeDate());
    }
    return Optional.of(new Contributor(file, line, identifiers, inNumerator, days));
  }

  private static boolean within(FigureMatcher.Window window, LocalDate date) {
    return !date.isBefore(window.from()) && !date.isAfter(window.to());
  }

  /** The figure's value from its records: distinct persons, a count, a cohort rate or a median. */
  static Double value(FigureDefinition figure, List<Contributor> contributors, long distinctPersons) {
    return switch (figure.unit()) {
      case FigureDefinition.PERSONS -> (double) distinctPersons;
      case FigureDefinition.RATE -> contributors.isEmpty()
          ? null
          : (double) contributors.stream().filter(Contributor::inNumerator).count() / contributors.size();
      case FigureDefinition.DAYS -> median(contributors.stream().mapToInt(Contributor::days).sorted().toArray());
      default -> (double) contributors.size();
    };
  }

  /** Linear interpolation between order statistics, as SQL {@code quantile_cont(0.5)}. */
  static Double median(int[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    double rank = 0.5 * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
  }

  /** EXTRACTS.md file order: byte order of the name with {@code .gz} ignored. */
  static List<String> fileOrder(List<String> files) {
    Comparator<String> byName = Comparator.comparing(
        (String f) -> (f.endsWith(".gz") ? f.substring(0, f.length() - 3) : f).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);
    return files.stream().sorted(byName.thenComparing(f -> f.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)).toList();
  }

  private static String key(String[] values, int[] keyColumns) {
    StringBuilder key = new StringBuilder();
    for (int column : keyColumns) {
      key.append(values[column]).append('\u0000');
    }
    return key.toString();
  }

  /** Reference data as the run read it: the input folder's {@code reference/}, or the jar's. */
  public static ReferenceData reference(Path inputFolder, boolean bundled) throws IOException {
    Path folder = inputFolder.resolve("reference");
    return ReferenceData.load(new ReferenceData.Opener() {
      @Override
      public InputStream open(String name) throws IOException {
        if (bundled) {
          InputStream in = ContributingRecords.class.getResourceAsStream("/sample-data/reference/" + name + ".csv");
          if (in == null) {
            throw new IllegalStateException("the jar has no bundled reference file " + name);
          }
          return in;
        }
        Path file = folder.resolve(name + ".csv");
        if (!Files.isRegularFile(file)) {
          throw new InputException("reference/" + name + ".csv: missing from the input folder");
        }
        return Files.newInputStream(file);
      }

      @Override
      public String describe(String name) {
        return bundled ? "bundled:sample-data/reference/" + name + ".csv" : "reference/" + name + ".csv";
      }
    });
  }
}
