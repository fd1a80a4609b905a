package org.offstats.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.reference.Borough;
import org.offstats.schema.reference.Offence;
import org.offstats.schema.reference.OutcomeType;
import org.offstats.schema.reference.Unit;

/**
 * The reference files ({@code reference/*.csv}): offence codes, outcome types, units and BCUs. Any
 * problem in them is fatal, since every record is judged against them: a missing column, a value
 * that breaks its column's rule, a repeated key, or a {@code bcu_code} with two names.
 */
public final class ReferenceData implements Serializable {
  /** One reference file as read: where it came from and its checksum, for the manifest. */
  public record Source(String name, String path, String sha256) implements Serializable {}

  private final Map<String, List<String[]>> rowsByFile;
  private final List<Source> sources;
  /**
   * Indexes built on first use. A reader validates on one thread and aggregates on another, both
   * asking this object, so the indexes are built once under a lock and then only read.
   */
  private transient volatile Indexes indexes;

  private final class Indexes {
    final Map<String, Set<String>> valueSets = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> knownValues = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> lookups = new ConcurrentHashMap<>();
    final Map<String, Map<String, LocalDate>> dateBounds = new ConcurrentHashMap<>();
    final Map<String, Offence> offences = index("offences", Offence::new, Offence::getOffenceCode);
    final Map<Integer, OutcomeType> outcomeTypes = index("outcome_types", OutcomeType::new, OutcomeType::getOutcomeType);
    final Map<String, Unit> units = index("units", Unit::new, Unit::getUnitCode);
  }

  private Indexes indexes() {
    Indexes built = indexes;
    if (built == null) {
      synchronized (this) {
        if (indexes == null) {
          indexes = new Indexes();
        }
        built = indexes;
      }
    }
    return built;
  }

  private ReferenceData(Map<String, List<String[]>> rowsByFile, List<Source> sources) {
    this.rowsByFile = rowsByFile;
    this.sources = sources;
  }

  /** Opens one reference file by its name ({@code offences}) and says where it came from. */
  public interface Opener {
    InputStream open(String referenceName) throws IOException;

    /** The path recorded in the manifest and shown in messages. */
    String describe(String referenceName);
  }

  public static ReferenceData load(Opener opener) throws IOException {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    List<Source> sources = new ArrayList<>();
    for (CsvContract contract : Schemas.referenceFiles()) {
      String path = opener.describe(contract.name());
      byte[] bytes;
      try (InputStream in = opener.open(contract.name())) {
        bytes = in.readAllBytes();
      }
      rows.put(contract.name(), readFile(contract, new java.io.ByteArrayInputStream(bytes), path));
      sources.add(new Source(contract.name(), path, HexFormat.of().formatHex(sha256().digest(bytes))));
    }
    return new ReferenceData(rows, List.copyOf(sources));
  }

  private static List<String[]> readFile(CsvContract contract, InputStream in, String path)
      throws IOException {
    List<String[]> rows = new ArrayList<>();
    Map<String, Long> keyLines = new HashMap<>();
    Map<String, String> consistentValues = new HashMap<>();
    RowValidator validator = RowValidator.forReference(contract);
    try (CsvRecordReader reader = new CsvRecordReader(in, path, path.endsWith(".gz"))) {
      HeaderMap header = HeaderMap.of(contract, reader.header(), path);
      for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
        RowValidator.Result result = validator.check(header, record.fields());
        if (result.rejected()) {
          throw InputException.at(
              path, record.line(), result.reason() + ": " + result.message() + " (reference data must be clean)");
        }
        String[] values = result.values();
        String key = String.join("\u0000", contract.key().stream().map(k -> values[contract.column(k).index()]).toList());
        Long firstLine = keyLines.putIfAbsent(key, record.line());
        if (firstLine != null) {
          throw InputException.at(
              path,
              record.line(),
              "key " + String.join(",", contract.key()) + " '" + key.replace('\u0000', ',')
                  + "' repeats line " + firstLine);
        }
        Optional<Map.Entry<String, String>> pair = contract.consistentPair();
        if (pair.isPresent()) {
          String k = values[contract.column(pair.get().getKey()).index()];
          String v = values[contract.column(pair.get().getValue()).index()];
          String previous = consistentValues.putIfAbsent(k, v);
          if (previous != null && !previous.equals(v)) {
            throw InputException.at(
                path,
                record.line(),
                pair.get().getKey() + " '" + k + "' has two different " + pair.get().getValue()
                    + " values ('" + previous + "' and '" + v + "')");
          }
        }
        rows.add(values);
      }
    }
    return List.copyOf(rows);
  }

  public List<Source> sources() {
    return sources;
  }

  /** Every value of {@code file.column}, for code checks ({@code bcus.bcu_code}). */
  public Set<String> values(String fileDotColumn) {
    return indexes().valueSets.computeIfAbsent(
        fileDotColumn,
        fc -> {
          String file = fc.substring(0, fc.indexOf('.'));
          int column = Schemas.reference(file).column(fc.substring(fc.indexOf('.') + 1)).index();
          Set<String> values = new HashSet<>();
          rowsByFile.get(file).forEach(r -> values.add(r[column]));
          return Set.copyOf(values);
        });
  }

  /**
   * Every value of {@code file.column}, to the reference data's own copy of it. A reader checks a
   * code here and puts the copy in its record in place of the value read: every later look-up and
   * comparison of the code then meets the same string, which it tells equal at once.
   */
  public Map<String, String> knownValues(String fileDotColumn) {
    return indexes().knownValues.computeIfAbsent(fileDotColumn, fc -> {
      Map<String, String> known = new HashMap<>();
      values(fc).forEach(v -> known.put(v, v));
      return Collections.unmodifiableMap(known);
    });
  }

  /**
   * The value of {@code column} in the row of {@code file} whose first key column equals {@code
   * key}, or empty.
   */
  public Optional<String> lookup(String file, String key, String column) {
    return Optional.ofNullable(lookupMap(file, column).get(key));
  }

  private Map<String, String> lookupMap(String file, String column) {
    return indexes().lookups.computeIfAbsent(
            file + "." + column,
            fc -> {
              CsvContract contract = Schemas.reference(file);
              int keyIndex = contract.column(contract.key().get(0)).index();
              int valueIndex = contract.column(column).index();
              Map<String, String> map = new HashMap<>();
              rowsByFile.get(file).forEach(r -> map.put(r[keyIndex], r[valueIndex]));
              return map;
            });
  }

  public Offence offence(String offenceCode) {
    return indexes().offences.get(offenceCode);
  }

  public OutcomeType outcomeType(int outcomeType) {
    return indexes().outcomeTypes.get(outcomeType);
  }

  public Unit unit(String unitCode) {
    return indexes().units.get(unitCode);
  }

  public List<Borough> boroughs() {
    return rowsByFile.get("bcus").stream().map(r -> Records.fill(new Borough(), r)).toList();
  }

  /** The date bound used by {@code offstats.notBeforeReference} (a unit's established date). */
  public Optional<LocalDate> dateBound(String file, String key, String column) {
    return Optional.ofNullable(dateBounds(file, column).get(key));
  }

  /** Every key's {@link #dateBound}: keys without a date are absent. */
  public Map<String, LocalDate> dateBounds(String file, String column) {
    return indexes().dateBounds.computeIfAbsent(file + "." + column, fc -> {
      Map<String, LocalDate> parsed = new HashMap<>();
      lookupMap(file, column).forEach((k, date) -> {
        if (!date.isEmpty()) {
          parsed.put(k, LocalDate.parse(date));
        }
      });
      return parsed;
    });
  }

  private <K, T extends org.apache.avro.specific.SpecificRecordBase> Map<K, T> index(
      String file, java.util.function.Supplier<T> newRecord, java.util.function.Function<T, K> key) {
    Map<K, T> index = new HashMap<>();
    for (String[] row : rowsByFile.get(file)) {
      T record = Records.fill(newRecord.get(), row);
      index.put(key.apply(record), record);
    }
    return index;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
