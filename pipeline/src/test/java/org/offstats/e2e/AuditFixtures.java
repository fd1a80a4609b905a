package org.offstats.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Helpers for the auditor's commands' tests: copying folders, and the inputs' identifiers. */
final class AuditFixtures {
  private static final List<String> IDENTIFIER_COLUMNS = List.of("arrest_id", "person_ref", "crime_ref", "order_ref");

  private AuditFixtures() {}

  static Path copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every identifier value in the input folder's extracts (records of any field count). */
  static Set<String> identifiers(Path input) {
    Set<String> identifiers = new LinkedHashSet<>();
    for (String extract : List.of("arrests.csv", "outcomes.csv", "protection_orders.csv")) {
      Path file = input.resolve(extract);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      List<List<String>> records = records(file);
      List<String> header = records.get(0);
      for (String column : IDENTIFIER_COLUMNS) {
        int index = header.indexOf(column);
        if (index < 0) {
          continue;
        }
        for (List<String> record : records.subList(1, records.size())) {
          if (index < record.size() && record.get(index).length() >= 4) {
            identifiers.add(record.get(index));
          }
        }
      }
    }
    return identifiers;
  }

  /** Identifiers of the inputs that appear in console text (EXTRACTS.md: never on the console). */
  static List<String> identifiersIn(String console, Path input) {
    List<String> found = new ArrayList<>();
    for (String id : identifiers(input)) {
      if (console.contains(id)) {
        found.add(id);
      }
    }
    return found;
  }

  static List<List<String>> records(Path file) {
    try {
      return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
