package org.offstats.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent reading of the extracts contract (EXTRACTS.md), written for the generator's tests
 * straight from the document and deliberately sharing no code with the pipeline's reader or
 * validator: a small RFC 4180 parser and the rules of each extract, giving each record the first
 * reason that applies, in the contract's order.
 */
final class ExtractRulesChecker {
  /** A record that breaks a rule: the extract, the physical line it starts on, the reason code. */
  record Finding(String extract, long line, String reason) {}

  /** One parsed CSV record and the line it starts on. */
  record CsvRecord(long line, List<String> fields) {}

  private static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern OUTCOME_TYPE = Pattern.compile("[1-9][0-9]{0,2}");
  private static final Set<String> SEXES = Set.of("M", "F", "X", "U");
  private static final Set<String> AGE_BANDS =
      Set.of("10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U");
  private static final Set<String> ETHNICITIES =
      Set.of(
          "W1", "W2", "W3", "W9", "M1", "M2", "M3", "M9", "A1", "A2", "A3", "A4", "A9", "B1", "B2",
          "B9", "O1", "O2", "O9", "NS");
  private static final Set<String> ORDER_TYPES =
      Set.of("DVPN", "DVPO", "DAPN", "DAPO", "SPO", "SHPO", "SRO", "NMO");
  private static final Set<String> EVENTS =
      Set.of("ISSUED", "APPLIED", "GRANTED", "REFUSED", "BREACHED");

  static final List<String> ARREST_COLUMNS =
      List.of(
          "arrest_id",
          "person_ref",
          "arrest_date",
          "bcu_code",
          "unit_code",
          "offence_code",
          "domestic_abuse",
          "operation",
          "sex",
          "age_band",
          "ethnicity");
  static final List<String> OUTCOME_COLUMNS =
      List.of(
          "crime_ref",
          "offence_code",
          "domestic_abuse",
          "recorded_date",
          "bcu_code",
          "outcome_type",
          "outcome_date",
          "arrest_id");
  static final List<String> ORDER_COLUMNS =
      List.of("order_ref", "order_type", "event", "event_date", "bcu_code", "crime_ref");

  private final Set<String> bcuCodes = new HashSet<>();
  private final Map<String, LocalDate> unitEstablished = new HashMap<>();
  private final Set<String> offenceCodes = new HashSet<>();
  private final Set<String> outcomeTypes = new HashSet<>();

  ExtractRulesChecker(Path folder) throws IOException {
    Path reference = folder.resolve("reference");
    for (Map<String, String> row : readTable(reference.resolve("bcus.csv"))) {
      bcuCodes.add(row.get("bcu_code"));
    }
    for (Map<String, String> row : readTable(reference.resolve("units.csv"))) {
      unitEstablished.put(row.get("unit_code"), LocalDate.parse(row.get("established")));
    }
    for (Map<String, String> row : readTable(reference.resolve("offences.csv"))) {
      offenceCodes.add(row.get("offence_code"));
    }
    for (Map<String, String> row : readTable(reference.resolve("outcome_types.csv"))) {
      outcomeTypes.add(row.get("outcome_type"));
    }
  }

  /** Every rule-breaking record of the three extracts in {@code folder}, in file and line order. */
  List<Finding> check(Path folder) throws IOException {
    List<CsvRecord> arrests = parse(folder.resolve("arrests.csv"));
    List<CsvRecord> outcomes = parse(folder.resolve("outcomes.csv"));
    List<CsvRecord> orders = parse(folder.resolve("protection_orders.csv"));
    // The as-at date: the latest date among records that pass every rule but the as-at bound.
    LocalDate asAt = LocalDate.MIN;
    for (CsvRecord r : arrests) {
      if (arrestReason(header(arrests), r, null) == null) {
        asAt = max(asAt, value(header(arrests), r, "arrest_date"));
      }
    }
    for (CsvRecord r : outcomes) {
      if (outcomeReason(header(outcomes), r, null) == null) {
        asAt = max(asAt, value(header(outcomes), r, "recorded_date"));
        asAt = max(asAt, value(header(outcomes), r, "outcome_date"));
      }
    }
    for (CsvRecord r : orders) {
      if (orderReason(header(orders), r, null) == null) {
        asAt = max(asAt, value(header(orders), r, "event_date"));
      }
    }
    LocalDate bound = asAt;
    List<Finding> findings = new ArrayList<>();
    findings.addAll(
        withDuplicates(
            "arrests",
            arrests,
            List.of("arrest_id"),
            r -> arrestReason(header(arrests), r, bound)));
    findings.addAll(
        withDuplicates(
            "outcomes",
            outcomes,
            List.of("crime_ref"),
            r -> outcomeReason(header(outcomes), r, bound)));
    findings.addAll(
        withDuplicates(
            "protection_orders",
            orders,
            List.of("order_ref", "event", "event_date"),
            r -> orderReason(header(orders), r, bound)));
    return findings;
  }

  private interface Rule {
    String reason(CsvRecord record);
  }

  private static List<Finding> withDuplicates(
      String extract, List<CsvRecord> records, List<String> key, Rule rule) {
    Map<String, Integer> header = header(records);
    List<Finding> findings = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      String reason = rule.reason(record);
      if (reason == null) {
        List<String> keyValues = new ArrayList<>();
        key.forEach(k -> keyValues.add(record.fields().get(header.get(k))));
        if (!seen.add(keyValues)) {
          reason = "DUPLICATE_ID";
        }
      }
      if (reason != null) {
        findings.add(new Finding(extract, record.line(), reason));
      }
    }
    return findings;
  }

  private String arrestReason(Map<String, Integer> h, CsvRecord r, LocalDate asAt) {
    if (r.fields().size() != h.size()) {
      return "WRONG_FIELD_COUNT";
    }
    for (String required :
        List.of(
            "arrest_id",
            "person_ref",
            "arrest_date",
            "bcu_code",
            "unit_code",
            "offence_code",
            "domestic_abuse")) {
      if (field(h, r, required).isEmpty()) {
        return "MISSING_VALUE";
      }
    }
    if (!identifier(field(h, r, "arrest_id"), 40)
        || !identifier(field(h, r, "person_ref"), 64)
        || date(field(h, r, "arrest_date")) == null
        || !flag(field(h, r, "domestic_abuse"))
        || !emptyOr(field(h, r, "sex"), SEXES)
        || !emptyOr(field(h, r, "age_band"), AGE_BANDS)
        || !emptyOr(field(h, r, "ethnicity"), ETHNICITIES)) {
      return "BAD_FORMAT";
    }
    if (!bcuCodes.contains(field(h, r, "bcu_code"))
        || !unitEstablished.containsKey(field(h, r, "unit_code"))
        || !offenceCodes.contains(field(h, r, "offence_code"))) {
      return "UNKNOWN_CODE";
    }
    LocalDate arrested = date(field(h, r, "arrest_date"));
    if (!inRange(arrested, asAt)
        || arrested.isBefore(unitEstablished.get(field(h, r, "unit_code")))) {
      return "OUT_OF_RANGE";
    }
    return null;
  }

  private String outcomeReason(Map<String, Integer> h, CsvRecord r, LocalDate asAt) {
    if (r.fields().size() != h.size()) {
      return "WRONG_FIELD_COUNT";
    }
    for (String required :
        List.of("crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code")) {
      if (field(h, r, required).isEmpty()) {
        return "MISSING_VALUE";
      }
    }
    String type = field(h, r, "outcome_type");
    String outcomeDate = field(h, r, "outcome_date");
    if (!type.isEmpty() && outcomeDate.isEmpty()) {
      return "MISSING_VALUE";
    }
    String arrestId = field(h, r, "arrest_id");
    if (!identifier(field(h, r, "crime_ref"), 40)
        || !arrestId.isEmpty() && !identifier(arrestId, 40)
        || !flag(field(h, r, "domestic_abuse"))
        || date(field(h, r, "recorded_date")) == null
        || !type.isEmpty() && !OUTCOME_TYPE.matcher(type).matches()
        || type.isEmpty() && !outcomeDate.isEmpty()
        || !outcomeDate.isEmpty() && date(outcomeDate) == null) {
      return "BAD_FORMAT";
    }
    if (!offenceCodes.contains(field(h, r, "offence_code"))
        || !bcuCodes.contains(field(h, r, "bcu_code"))
        || !type.isEmpty() && !outcomeTypes.contains(type)) {
      return "UNKNOWN_CODE";
    }
    LocalDate recorded = date(field(h, r, "recorded_date"));
    if (!inRange(recorded, asAt)) {
      return "OUT_OF_RANGE";
    }
    if (!outcomeDate.isEmpty()
        && (!inRange(date(outcomeDate), asAt) || date(outcomeDate).isBefore(recorded))) {
      return "OUT_OF_RANGE";
    }
    return null;
  }

  private String orderReason(Map<String, Integer> h, CsvRecord r, LocalDate asAt) {
    if (r.fields().size() != h.size()) {
      return "WRONG_FIELD_COUNT";
    }
    for (String required : List.of("order_ref", "order_type", "event", "event_date", "bcu_code")) {
      if (field(h, r, required).isEmpty()) {
        return "MISSING_VALUE";
      }
    }
    String crimeRef = field(h, r, "crime_ref");
    if (!identifier(field(h, r, "order_ref"), 40)
        || !crimeRef.isEmpty() && !identifier(crimeRef, 40)
        || !ORDER_TYPES.contains(field(h, r, "order_type"))
        || !EVENTS.contains(field(h, r, "event"))
        || date(field(h, r, "event_date")) == null) {
      return "BAD_FORMAT";
    }
    if (!bcuCodes.contains(field(h, r, "bcu_code"))) {
      return "UNKNOWN_CODE";
    }
    if (!inRange(date(field(h, r, "event_date")), asAt)) {
      return "OUT_OF_RANGE";
    }
    return null;
  }

  /** Parses an RFC 4180 file: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<CsvRecord> parse(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long line = 1;
    long recordLine = 1;
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (ch == '"') {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"' && field.length() == 0) {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new CsvRecord(recordLine, List.copyOf(fields)));
        fields.clear();
        line++;
        recordLine = line;
      } else {
        field.append(ch);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalStateException(
          file + ": quote opened on line " + recordLine + " never closes");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new CsvRecord(recordLine, List.copyOf(fields)));
    }
    return records;
  }

  /** A reference file as rows of column name to value. */
  static List<Map<String, String>> readTable(Path file) throws IOException {
    List<CsvRecord> records = parse(file);
    List<String> names = records.get(0).fields();
    List<Map<String, String>> rows = new ArrayList<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        row.put(names.get(c), record.fields().get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Integer> header(List<CsvRecord> records) {
    Map<String, Integer> header = new HashMap<>();
    List<String> names = records.get(0).fields();
    for (int c = 0; c < names.size(); c++) {
      header.put(names.get(c), c);
    }
    return header;
  }

  private static String field(Map<String, Integer> header, CsvRecord record, String column) {
    return record.fields().get(header.get(column));
  }

  private static LocalDate value(Map<String, Integer> header, CsvRecord record, String column) {
    return date(field(header, record, column));
  }

  private static LocalDate date(String text) {
    if (!ISO_DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean inRange(LocalDate date, LocalDate asAt) {
    return !date.isBefore(MIN_DATE) && (asAt == null || !date.isAfter(asAt));
  }

  private static boolean identifier(String value, int maxLength) {
    return value.length() >= 4 && value.length() <= maxLength;
  }

  private static boolean flag(String value) {
    return value.equals("Y") || value.equals("N");
  }

  private static boolean emptyOr(String value, Set<String> allowed) {
    return value.isEmpty() || allowed.contains(value);
  }

  /** The later of the two, counting only dates on or before today (the day the "run" starts). */
  private static LocalDate max(LocalDate a, LocalDate b) {
    boolean future = b != null && b.isAfter(LocalDate.now(ZoneId.of("Europe/London")));
    return b == null || future || a.isAfter(b) ? a : b;
  }
}
