package org.offstats.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.InputException;
import org.offstats.figures.FigureDefinition;
import org.offstats.figures.FigureMatcher;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * The records behind a headline figure over a police.uk table, re-read from the public files as
 * EXTRACTS.md and OUTPUTS.md describe them: every record with the header's number of fields counts,
 * as it is; {@code force} is the slug of the file name; {@code month} is the {@code Month} column,
 * or the file name's month for stop and search (which has no such column); a record counts when the
 * first day of its month is in the figure's period.
 */
final class PoliceUkRecords {
  private static final Pattern NAME =
      Pattern.compile("^(\\d{4}-\\d{2})-([a-z0-9-]+)-(street|outcomes|stop-and-search)\\.csv(\\.gz)?$");

  private PoliceUkRecords() {}

  /** The police.uk file contract whose columns hold every key of the table but force and month. */
  static CsvContract contractOf(String table) {
    TableSchema schema = Schemas.table(table);
    List<String> fromColumns = schema.keys().stream().filter(k -> !k.equals("force") && !k.equals("month")).toList();
    return Schemas.policeUkFiles().stream()
        .filter(c -> c.columnNames().containsAll(fromColumns))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no police.uk file kind holds the columns of " + table));
  }

  static ContributingRecords.Result count(Path inputFolder, List<String> files, FigureDefinition figure, LocalDate asAt, long recordLimitBytes)
      throws IOException {
    CsvContract contract = contractOf(figure.source());
    List<String> keys = Schemas.table(figure.source()).keys();
    boolean monthColumn = contract.columnNames().contains("month");
    List<String> identifierColumns = contract.columnNames().contains("crime_id") ? List.of("crime_id") : List.of();
    Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAt);
    List<ContributingRecords.Contributor> contributors = new ArrayList<>();
    List<ContributingRecords.FileCount> counts = new ArrayList<>();
    for (String file : files.stream().sorted(org.offstats.domain.CodePointOrder.COMPARATOR).toList()) {
      Matcher name = NAME.matcher(Path.of(file).getFileName().toString());
      if (!name.matches()) {
        throw new InputException(file + ": not named like a police.uk file, yet the manifest lists it as one");
      }
      long read = 0;
      long accepted = 0;
      long contributing = 0;
      try (InputStream in = Files.newInputStream(inputFolder.resolve(file));
          CsvRecordReader reader = new CsvRecordReader(in, file, file.endsWith(".gz"), recordLimitBytes)) {
        int fieldCount = reader.header().size();
        for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
          read++;
          String[] fields = record.fields();
          if (record.isTooLong() || fields.length != fieldCount) {
            continue;
          }
          accepted++;
          Map<String, String> attributes = new HashMap<>();
          for (String key : keys) {
            attributes.put(key, switch (key) {
              case "force" -> name.group(2);
              case "month" -> monthColumn ? fields[contract.column("month").index()] : name.group(1);
              default -> fields[contract.column(key).index()];
            });
          }
          Optional<LocalDate> month = monthStart(attributes.get("month"));
          if (window.isEmpty() || month.isEmpty() || month.get().isBefore(window.get().from()) || month.get().isAfter(window.get().to())
              || !FigureMatcher.matches(figure.filters(), attributes)) {
            continue;
          }
          contributing++;
          List<String> identifiers = identifierColumns.stream().map(c -> fields[contract.column(c).index()]).toList();
          contributors.add(new ContributingRecords.Contributor(file, record.line(), identifiers, false, -1));
        }
      }
      counts.add(new ContributingRecords.FileCount(file, read, accepted, contributing, 0, 0));
    }
    Double value = window.isEmpty() ? null : (double) contributors.size();
    return new ContributingRecords.Result(contract.name(), identifierColumns, counts, contributors, 0, value);
  }

  private static Optional<LocalDate> monthStart(String month) {
    try {
      return Optional.of(LocalDate.parse(month + "-01"));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
