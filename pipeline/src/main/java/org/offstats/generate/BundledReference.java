package org.offstats.generate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference data bundled in the jar under {@code sample-data/reference/}: the generator copies
 * it next to the extracts it writes and draws every code it uses from it, so a generated folder is
 * consistent with its own reference data.
 */
final class BundledReference {
  static final String RESOURCE_FOLDER = "/sample-data/reference/";
  static final List<String> FILES =
      List.of("offences.csv", "outcome_types.csv", "units.csv", "bcus.csv");

  /** A unit that makes arrests; {@code bcuCode} is null for a force-wide unit. */
  record Unit(String code, String type, int established, String bcuCode) {}

  private final List<String> bcuCodes;
  private final Set<String> offenceCodes;
  private final Set<String> outcomeTypes;
  private final List<Unit> units;

  private BundledReference(
      List<String> bcuCodes, Set<String> offenceCodes, Set<String> outcomeTypes, List<Unit> units) {
    this.bcuCodes = bcuCodes;
    this.offenceCodes = offenceCodes;
    this.outcomeTypes = outcomeTypes;
    this.units = units;
  }

  static BundledReference load() {
    Set<String> bcus = new LinkedHashSet<>();
    for (Map<String, String> row : read("bcus.csv")) {
      bcus.add(row.get("bcu_code"));
    }
    Set<String> offences = new LinkedHashSet<>();
    for (Map<String, String> row : read("offences.csv")) {
      offences.add(row.get("offence_code"));
    }
    Set<String> outcomes = new LinkedHashSet<>();
    for (Map<String, String> row : read("outcome_types.csv")) {
      outcomes.add(row.get("outcome_type"));
    }
    List<Unit> units = new ArrayList<>();
    for (Map<String, String> row : read("units.csv")) {
      String code = row.get("unit_code");
      int dash = code.lastIndexOf('-');
      String suffix = dash < 0 ? null : code.substring(dash + 1);
      String bcu = suffix != null && bcus.contains(suffix) ? suffix : null;
      int established = (int) LocalDate.parse(row.get("established")).toEpochDay();
      units.add(new Unit(code, row.get("unit_type"), established, bcu));
    }
    return new BundledReference(
        List.copyOf(bcus), Set.copyOf(offences), Set.copyOf(outcomes), List.copyOf(units));
  }

  /** Copies the bundled files byte for byte into {@code folder}. */
  static void copyTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String file : FILES) {
      try (InputStream in = open(file)) {
        Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  List<String> bcuCodes() {
    return bcuCodes;
  }

  boolean hasOffence(String code) {
    return offenceCodes.contains(code);
  }

  boolean hasOutcomeType(String type) {
    return outcomeTypes.contains(type);
  }

  List<Unit> units() {
    return units;
  }

  /** Units by type, each type's units in file order; types in order of first appearance. */
  Map<String, List<Unit>> unitsByType() {
    Map<String, List<Unit>> byType = new LinkedHashMap<>();
    for (Unit unit : units) {
      byType.computeIfAbsent(unit.type(), t -> new ArrayList<>()).add(unit);
    }
    return byType;
  }

  private static List<Map<String, String>> read(String file) {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = open(file);
        MappingIterator<Map<String, String>> rows =
            mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      return rows.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled reference file " + file, e);
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = BundledReference.class.getResourceAsStream(RESOURCE_FOLDER + file);
    if (in == null) {
      throw new IOException(
          "bundled reference file missing from the classpath: " + RESOURCE_FOLDER + file);
    }
    return in;
  }
}
