package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.offstats.schema.Column;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * Properties of {@link HeaderMap} and {@link RowValidator} on hostile records (issue 8;
 * EXTRACTS.md "Validation and rejects"): columns in any order, repeated and unknown columns,
 * records of any length holding garbage, control characters, over-long fields, and dates and
 * outcome types at and beyond their limits.
 *
 * <p>The expected outcomes are written here from EXTRACTS.md's tables (which columns are required,
 * the date bounds, the outcome type rule) and from {@link InMemoryReference}'s small reference
 * data, not read back from the validator.
 */
class RowValidatorPropertiesTest {

  static final ReferenceData REFERENCE = InMemoryReference.standard();
  static final Set<String> IDENTIFIERS = ValidatorHarness.IDENTIFIERS;
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate AS_AT = LocalDate.of(2025, 10, 31);

  /** EXTRACTS.md: the columns whose empty value is MISSING_VALUE, by extract. */
  static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "arrests", Set.of("arrest_id", "person_ref", "arrest_date", "bcu_code", "unit_code", "offence_code", "domestic_abuse"),
          "outcomes", Set.of("crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code"),
          "protection_orders", Set.of("order_ref", "order_type", "event", "event_date", "bcu_code"));

  /** EXTRACTS.md: what an empty optional value reads as (arrests' sex, age_band, ethnicity). */
  static final Map<String, String> DEFAULTS = Map.of("sex", "U", "age_band", "U", "ethnicity", "NS");

  /** InMemoryReference's units and the dates they were established. */
  static final Map<String, LocalDate> UNITS =
      Map.of("POU-CE", LocalDate.of(2020, 11, 1), "CID-CE", LocalDate.of(2018, 4, 1), "HIST", LocalDate.of(1990, 1, 1));

  /**
   * A character no generated non-identifier value holds and no message template uses: every
   * identifier value carries it, so finding the value in a message is a leak, not a coincidence.
   */
  static final String ID_MARK = "\u01C2";

  // ------------------------------------------------------------------ generators

  /** Text made of pieces that break CSV, dates, codes and encodings; never {@link #ID_MARK}. */
  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.of("a", "Z", "0", "9", "-", " ", "CE", "Y", "N", "2021", "-06-", "01", "19C", "1")),
            Tuple.of(4, Arbitraries.of(",", "\"", "\n", "\r\n", "\t", "\u0000", "\uFEFF", "\u00E9", "\u20AC", "\uD83D\uDE00", "\u0661", "\uFF12")))
        .list()
        .ofMaxSize(14)
        .map(parts -> String.join("", parts));
  }

  /** An identifier of {@code min} to {@code max} code points, always holding {@link #ID_MARK}. */
  static Arbitrary<String> identifier(int min, int max) {
    return Arbitraries.of("A", "q", "7", "-", "_", "\u00E9", "\uD83D\uDE00", " ", ",", "\"", "\n")
        .list()
        .ofMinSize(Math.max(0, min - 1))
        .ofMaxSize(max - 1)
        .map(parts -> ID_MARK + String.join("", parts));
  }

  static Arbitrary<String> date(LocalDate from, LocalDate to) {
    return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(d -> LocalDate.ofEpochDay(d).toString());
  }

  /** A record that breaks no rule, by column name (EXTRACTS.md and the in-memory reference data). */
  @Provide
  Arbitrary<Map<String, String>> validArrest() {
    Arbitrary<String> unit = Arbitraries.of(UNITS.keySet().stream().sorted().toList());
    return unit.flatMap(u -> {
      LocalDate from = UNITS.get(u).isAfter(EARLIEST) ? UNITS.get(u) : EARLIEST;
      return Combinators.combine(
              List.of(
                  identifier(4, 40), identifier(4, 64), date(from, AS_AT), Arbitraries.of("CE", "NW"), Arbitraries.just(u),
                  Arbitraries.of("19C", "8N", "8L", "9A"), Arbitraries.of("Y", "N"), Arbitraries.of("", "VIGILANT", "a, \"b\"\n"),
                  Arbitraries.of("", "M", "F", "X", "U"), Arbitraries.of("", "10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U"),
                  Arbitraries.of("", "W1", "A4", "B9", "O1", "NS")))
          .as(values -> record("arrests", values));
    });
  }

  @Provide
  Arbitrary<Map<String, String>> validOutcome() {
    Arbitrary<LocalDate> recorded = Arbitraries.longs().between(EARLIEST.toEpochDay(), AS_AT.toEpochDay()).map(LocalDate::ofEpochDay);
    return recorded.flatMap(r -> {
      Arbitrary<List<String>> outcome =
          Arbitraries.oneOf(
              Arbitraries.just(List.of("", "")),
              Combinators.combine(Arbitraries.integers().between(1, 22), date(r, AS_AT)).as((t, d) -> List.of(t.toString(), d)));
      return Combinators.combine(
              identifier(4, 40), Arbitraries.of("19C", "8N", "8L", "9A"), Arbitraries.of("Y", "N"), Arbitraries.of("CE", "NW"), outcome,
              Arbitraries.oneOf(Arbitraries.just(""), identifier(4, 40)))
          .as((ref, offence, da, bcu, o, arrest) -> record("outcomes", List.of(ref, offence, da, r.toString(), bcu, o.get(0), o.get(1), arrest)));
    });
  }

  @Provide
  Arbitrary<Map<String, String>> validOrder() {
    return Combinators.combine(
            identifier(4, 40), Arbitraries.of("DVPN", "DVPO", "DAPN", "DAPO", "SPO", "SHPO", "SRO", "NMO"),
            Arbitraries.of("ISSUED", "APPLIED", "GRANTED", "REFUSED", "BREACHED"), date(EARLIEST, AS_AT), Arbitraries.of("CE", "NW"),
            Arbitraries.oneOf(Arbitraries.just(""), identifier(4, 40)))
        .as((ref, type, event, day, bcu, crime) -> record("protection_orders", List.of(ref, type, event, day, bcu, crime)));
  }

  /** Column name to value, in EXTRACTS.md's column order. */
  static Map<String, String> record(String extract, List<String> values) {
    List<String> names = Schemas.extract(extract).columnNames();
    assertThat(values).hasSameSizeAs(names);
    Map<String, String> record = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      record.put(names.get(i), values.get(i));
    }
    return record;
  }

  @Provide
  Arbitrary<Map<String, String>> validRecord() {
    return Arbitraries.oneOf(validArrest(), validOutcome(), validOrder());
  }

  @Provide
  Arbitrary<List<String>> extraColumns() {
    return Arbitraries.of("source_system", "Arrest_ID", "arrest_id ", "notes", "\uFEFFoperation", "").list().uniqueElements().ofMaxSize(3);
  }

  static List<String> layout(Map<String, String> record, List<String> shuffled, List<String> extras, int seed) {
    List<String> header = new ArrayList<>(shuffled);
    for (int i = 0; i < extras.size(); i++) {
      if (!record.containsKey(extras.get(i))) {
        header.add(Math.floorMod(seed + 7 * i, header.size() + 1), extras.get(i));
      }
    }
    return header;
  }

  /** A change to one field of a valid record. */
  record Damage(int column, String kind, String text) {}

  @Provide
  Arbitrary<Damage> damage() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.of("empty", "garbage", "long", "prefix", "suffix", "case"),
            garbage())
        .as(Damage::new);
  }

  static String damaged(String value, Damage damage, long fieldLimit) {
    return switch (damage.kind()) {
      case "empty" -> "";
      case "garbage" -> damage.text();
      case "long" -> value + "\u20AC".repeat((int) (fieldLimit / 3) + 1);
      case "prefix" -> damage.text() + value;
      case "suffix" -> value + damage.text();
      default -> value.toLowerCase(java.util.Locale.ROOT);
    };
  }

  // ------------------------------------------------------------------ header map

  @Property(tries = 300)
  void headerColumnsAreFoundByNameInAnyOrderOrTheFileIsRefusedNamingThem(
      @ForAll("validRecord") Map<String, String> record,
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll("extraColumns") List<String> extras,
      @ForAll @IntRange(min = 0, max = 3) int dropped,
      @ForAll("fewRepeats") int repeated) {
    CsvContract contract = contractOf(record);
    List<String> names = new ArrayList<>(contract.headerNames());
    java.util.Collections.shuffle(names, new java.util.Random(seed));
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < dropped && names.size() > 1; i++) {
      removed.add(names.remove(Math.floorMod(seed + i, names.size())));
    }
    List<String> header = layout(record, names, extras, seed);
    Set<String> twice = new LinkedHashSet<>();
    for (int i = 0; i < repeated; i++) {
      String name = header.get(Math.floorMod(seed * 31 + i, header.size()));
      header.add(Math.floorMod(seed + i, header.size() + 1), name);
      twice.add(name);
    }
    List<String> missingRequired = removed.stream().filter(REQUIRED.get(contract.name())::contains).toList();

    if (!twice.isEmpty()) {
      assertThatThrownBy(() -> HeaderMap.of(contract, header, "x.csv"))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("x.csv, line 1: repeated column")
          .hasMessageContaining("'" + twice.iterator().next() + "'");
      return;
    }
    if (!missingRequired.isEmpty()) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> HeaderMap.of(contract, header, "x.csv"));
      assertThat(thrown).isInstanceOf(InputException.class);
      assertThat(thrown.getMessage()).startsWith("x.csv, line 1: missing column").doesNotContain("\n");
      missingRequired.forEach(name -> assertThat(thrown.getMessage()).contains("'" + name + "'"));
      return;
    }
    HeaderMap map = HeaderMap.of(contract, header, "x.csv");
    assertThat(map.fieldCount()).isEqualTo(header.size());
    assertThat(map.extraColumns()).containsExactlyElementsOf(header.stream().filter(h -> !contract.headerNames().contains(h)).toList());
    assertThat(map.absentOptionalColumns()).containsExactlyInAnyOrderElementsOf(removed);
    // the record laid out in this header's order reads back in the contract's order
    String[] fields = header.stream().map(h -> record.getOrDefault(h, "extra:" + h)).toArray(String[]::new);
    String[] canonical = map.canonical(fields);
    for (Column column : contract.columns()) {
      String expected = removed.contains(column.header()) ? "" : record.get(column.name());
      assertThat(canonical[column.index()]).as(column.name()).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<Integer> fewRepeats() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.of(1, 2)));
  }

  // ------------------------------------------------------------------ validator

  /**
   * A valid record is accepted whatever the column order and unknown columns, its values verbatim
   * (empty optional values read as their EXTRACTS.md default), and its latest date reported.
   */
  @Property(tries = 300)
  void aValidRecordIsAcceptedInAnyColumnOrder(
      @ForAll("validRecord") Map<String, String> record,
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll("extraColumns") List<String> extras) {
    CsvContract contract = contractOf(record);
    List<String> names = new ArrayList<>(contract.headerNames());
    java.util.Collections.shuffle(names, new java.util.Random(seed));
    List<String> header = layout(record, names, extras, seed);
    HeaderMap map = HeaderMap.of(contract, header, "x.csv");
    String[] fields = header.stream().map(h -> record.getOrDefault(h, "extra " + h)).toArray(String[]::new);

    RowValidator.Result result = RowValidator.forExtract(contract, REFERENCE, ValidatorHarness.ONE_MIB).check(map, fields);

    assertThat(result.rejected()).as("rejected as %s: %s", result.reason(), result.message()).isFalse();
    long latest = Long.MIN_VALUE;
    for (Column column : contract.columns()) {
      String given = record.get(column.name());
      assertThat(result.values()[column.index()]).as(column.name()).isEqualTo(given.isEmpty() ? DEFAULTS.getOrDefault(column.name(), "") : given);
      // every date of the three extracts is bounded by the as-at date, so each counts for it
      if (column.name().endsWith("_date") && !given.isEmpty()) {
        latest = Math.max(latest, LocalDate.parse(given).toEpochDay());
      }
    }
    assertThat(result.latestDate()).isEqualTo(latest);
    assertThat(RowValidator.forExtract(contract, REFERENCE, ValidatorHarness.ONE_MIB).checkAsAt(result.values(), AS_AT)).isEmpty();
  }

  /**
   * Any record, of any length, with any damage: one reason or accepted, never an exception; the
   * first reasons in EXTRACTS.md's order are exactly where the spec puts them; the message never
   * holds an identifier value and does not depend on one beyond its length.
   */
  @Property(tries = 1000)
  void anyRecordGetsExactlyOneReasonAndNoIdentifierInItsMessage(
      @ForAll("validRecord") Map<String, String> valid,
      @ForAll("damages") List<Damage> damages,
      @ForAll("fieldCountChange") int fieldCountChange,
      @ForAll("fieldLimit") long fieldLimit) {
    CsvContract contract = contractOf(valid);
    HeaderMap header = HeaderMap.of(contract, contract.headerNames(), "x.csv");
    RowValidator validator = RowValidator.forExtract(contract, REFERENCE, fieldLimit);
    Map<String, String> record = new LinkedHashMap<>(valid);
    List<String> names = contract.columnNames();
    for (Damage damage : damages) {
      String name = names.get(damage.column() % names.size());
      record.put(name, damaged(record.get(name), damage, fieldLimit));
    }
    List<String> fields = fields(record, fieldCountChange);

    RowValidator.Result result = validator.check(header, fields.toArray(String[]::new));

    if (fields.size() != names.size()) {
      assertThat(result.reason()).isEqualTo(ReasonCode.WRONG_FIELD_COUNT);
    } else if (fields.stream().anyMatch(f -> f.getBytes(StandardCharsets.UTF_8).length > fieldLimit)) {
      assertThat(result.reason()).isEqualTo(ReasonCode.FIELD_TOO_LONG);
    } else if (missingRequired(contract.name(), record)) {
      assertThat(result.reason()).as(result.message()).isEqualTo(ReasonCode.MISSING_VALUE);
    } else if (result.rejected()) {
      assertThat(result.reason()).isIn(ReasonCode.BAD_FORMAT, ReasonCode.UNKNOWN_CODE, ReasonCode.OUT_OF_RANGE);
    }
    if (result.rejected()) {
      assertThat(result.message()).isNotBlank();
      assertThat(result.values()).isNull();
      assertNoIdentifierIn(result.message(), contract, record);
      // the message must read the same whatever the identifiers are, as long as their lengths are
      Map<String, String> other = new LinkedHashMap<>(record);
      for (String id : IDENTIFIERS) {
        other.computeIfPresent(id, (k, v) -> sameShape(v));
      }
      RowValidator.Result again = validator.check(header, fields(other, fieldCountChange).toArray(String[]::new));
      assertThat(again.reason()).isEqualTo(result.reason());
      assertThat(again.message()).isEqualTo(result.message());
    } else {
      assertThat(result.values()).hasSize(names.size());
      for (Column column : contract.columns()) {
        String given = record.get(column.name());
        assertThat(result.values()[column.index()]).as(column.name()).isEqualTo(given.isEmpty() ? DEFAULTS.getOrDefault(column.name(), "") : given);
      }
    }
  }

  @Provide
  Arbitrary<Long> fieldLimit() {
    return Arbitraries.of(80L, 200L, ValidatorHarness.ONE_MIB);
  }

  @Provide
  Arbitrary<List<Damage>> damages() {
    return damage().list().ofMaxSize(3);
  }

  /** Mostly the header's field count; sometimes fields missing or added at the end. */
  @Provide
  Arbitrary<Integer> fieldCountChange() {
    return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)), Tuple.of(1, Arbitraries.of(-2, -1, 1, 2)));
  }

  /** The record's values in column order, with fields dropped or added at the end. */
  static List<String> fields(Map<String, String> record, int countChange) {
    List<String> fields = new ArrayList<>(record.values());
    for (int i = 0; i < countChange; i++) {
      fields.add("extra");
    }
    for (int i = 0; i < -countChange; i++) {
      fields.remove(fields.size() - 1);
    }
    return fields;
  }

  // ------------------------------------------------------------------ dates and numbers at their limits

  /** Date text around every limit: calendar ends, leap days, 2000-01-01, a unit's start, the as-at date, and near-misses. */
  @Provide
  Arbitrary<String> dateText() {
    Arbitrary<String> year = Arbitraries.of("0000", "0001", "1999", "2000", "2018", "2020", "2023", "2024", "2025", "2026", "9999");
    Arbitrary<String> month = Arbitraries.of("00", "01", "02", "04", "10", "11", "12", "13");
    Arbitrary<String> day = Arbitraries.of("00", "01", "28", "29", "30", "31", "32");
    Arbitrary<String> iso = Combinators.combine(year, month, day).as((y, m, d) -> y + "-" + m + "-" + d);
    Arbitrary<String> near =
        Arbitraries.of(
            "2021-6-01", "2021/06/01", " 2021-06-01", "2021-06-01 ", "20210601", "+2021-06-01", "2021-06-01T00:00", "\uFF12021-06-01",
            "\u0662021-06-01", "2021\u201006-01", "-2021-06-01", "2021-06-1", "21-06-01", "", "1999-12-31", "2000-01-01", "2020-10-31",
            "2020-11-01", "2025-10-31", "2025-11-01");
    return Arbitraries.frequencyOf(Tuple.of(5, iso), Tuple.of(2, near));
  }

  /** What EXTRACTS.md says of a date: not a calendar date, out of its range, or fine. */
  static Optional<LocalDate> calendarDate(String text) {
    // YYYY-MM-DD: four ASCII digits, no sign (java.time alone would take "-2021" as a year BC)
    if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Property(tries = 400)
  void arrestDatesAtAndBeyondTheirLimits(@ForAll("validArrest") Map<String, String> valid, @ForAll("dateText") String date) {
    Map<String, String> record = new LinkedHashMap<>(valid);
    record.put("arrest_date", date);
    RowValidator.Result result = check(record);
    Optional<LocalDate> day = calendarDate(date);
    LocalDate unitStart = UNITS.get(record.get("unit_code"));
    if (date.isEmpty()) {
      assertThat(result.reason()).isEqualTo(ReasonCode.MISSING_VALUE);
    } else if (day.isEmpty()) {
      assertThat(result.reason()).as(result.message()).isEqualTo(ReasonCode.BAD_FORMAT);
    } else if (day.get().isBefore(EARLIEST) || day.get().isBefore(unitStart)) {
      assertThat(result.reason()).as(result.message()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    } else {
      assertThat(result.rejected()).as("%s: %s", result.reason(), result.message()).isFalse();
      assertThat(result.latestDate()).isEqualTo(day.get().toEpochDay());
      Optional<String> afterAsAt = validatorOf("arrests").checkAsAt(result.values(), AS_AT);
      assertThat(afterAsAt.isPresent()).as("after the as-at date %s", AS_AT).isEqualTo(day.get().isAfter(AS_AT));
    }
  }

  @Property(tries = 400)
  void outcomeDatesAtAndBeyondTheirLimits(
      @ForAll("validOutcome") Map<String, String> valid, @ForAll("dateText") String recorded, @ForAll("dateText") String outcome,
      @ForAll boolean withOutcome) {
    Map<String, String> record = new LinkedHashMap<>(valid);
    record.put("recorded_date", recorded);
    record.put("outcome_type", withOutcome ? "1" : "");
    record.put("outcome_date", outcome);
    RowValidator.Result result = check(record);
    Optional<LocalDate> r = calendarDate(recorded);
    Optional<LocalDate> o = calendarDate(outcome);
    ReasonCode expected;
    if (recorded.isEmpty() || (withOutcome && outcome.isEmpty())) {
      expected = ReasonCode.MISSING_VALUE;
    } else if (r.isEmpty() || (!withOutcome && !outcome.isEmpty()) || (withOutcome && o.isEmpty())) {
      expected = ReasonCode.BAD_FORMAT;
    } else if (r.get().isBefore(EARLIEST) || (withOutcome && o.get().isBefore(r.get()))) {
      expected = ReasonCode.OUT_OF_RANGE;
    } else {
      expected = null;
    }
    assertThat(result.reason()).as("%s", result.message()).isEqualTo(expected);
    if (expected == null) {
      boolean after = r.get().isAfter(AS_AT) || (withOutcome && o.get().isAfter(AS_AT));
      assertThat(validatorOf("outcomes").checkAsAt(result.values(), AS_AT).isPresent()).isEqualTo(after);
    }
  }

  @Provide
  Arbitrary<String> outcomeTypeText() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-5, 1200).map(String::valueOf)),
        Tuple.of(2, Arbitraries.of("0", "01", "001", "1", "22", "23", "999", "1000", "+1", " 1", "1 ", "1.0", "1e1", "0x1", "\u0661", "\uFF11",
            "99999999999999999999", "-0", "", "2147483648")));
  }

  @Property(tries = 300)
  void outcomeTypesAtAndBeyondTheirLimits(@ForAll("validOutcome") Map<String, String> valid, @ForAll("outcomeTypeText") String type) {
    Map<String, String> record = new LinkedHashMap<>(valid);
    record.put("outcome_type", type);
    record.put("outcome_date", type.isEmpty() ? "" : AS_AT.toString());
    RowValidator.Result result = check(record);
    if (type.isEmpty()) {
      assertThat(result.rejected()).isFalse();
    } else if (!type.matches("[1-9][0-9]{0,2}")) {
      assertThat(result.reason()).as(result.message()).isEqualTo(ReasonCode.BAD_FORMAT);
    } else if (Integer.parseInt(type) > 22) {
      assertThat(result.reason()).as(result.message()).isEqualTo(ReasonCode.UNKNOWN_CODE);
    } else {
      assertThat(result.rejected()).as("%s: %s", result.reason(), result.message()).isFalse();
    }
  }

  /** The field limit is in UTF-8 bytes: a field of exactly the limit passes, one byte more is rejected. */
  @Property(tries = 200)
  void fieldsAtAndJustOverTheByteLimit(
      @ForAll("validArrest") Map<String, String> valid, @ForAll @IntRange(min = 70, max = 400) int limit, @ForAll boolean over,
      @ForAll @IntRange(min = 1, max = 4) int bytesPerChar) {
    String unit = switch (bytesPerChar) {
      case 1 -> "a";
      case 2 -> "\u00E9";
      case 3 -> "\u20AC";
      default -> "\uD83D\uDE00";
    };
    int target = limit + (over ? 1 : 0);
    String operation = unit.repeat(target / bytesPerChar) + "a".repeat(target % bytesPerChar);
    Map<String, String> record = new LinkedHashMap<>(valid);
    record.put("operation", operation);
    record.put("arrest_id", ID_MARK + "arrest");
    record.put("person_ref", ID_MARK + "person");
    CsvContract contract = Schemas.extract("arrests");
    RowValidator.Result result =
        RowValidator.forExtract(contract, REFERENCE, limit).check(HeaderMap.of(contract, contract.headerNames(), "x.csv"), record.values().toArray(String[]::new));
    if (over) {
      assertThat(result.reason()).isEqualTo(ReasonCode.FIELD_TOO_LONG);
      assertThat(result.message()).contains((limit + 1) + " bytes").contains(String.valueOf(limit));
    } else {
      assertThat(result.rejected()).as("%s: %s", result.reason(), result.message()).isFalse();
    }
  }

  // ------------------------------------------------------------------ helpers

  static CsvContract contractOf(Map<String, String> record) {
    String extract = record.containsKey("arrest_date") ? "arrests" : record.containsKey("recorded_date") ? "outcomes" : "protection_orders";
    return Schemas.extract(extract);
  }

  static RowValidator validatorOf(String extract) {
    return RowValidator.forExtract(Schemas.extract(extract), REFERENCE, ValidatorHarness.ONE_MIB);
  }

  static RowValidator.Result check(Map<String, String> record) {
    CsvContract contract = contractOf(record);
    RowValidator.Result result =
        validatorOf(contract.name()).check(HeaderMap.of(contract, contract.headerNames(), "x.csv"), record.values().toArray(String[]::new));
    if (result.rejected()) {
      assertNoIdentifierIn(result.message(), contract, record);
    }
    return result;
  }

  static boolean missingRequired(String extract, Map<String, String> record) {
    for (String column : REQUIRED.get(extract)) {
      if (record.get(column).isEmpty()) {
        return true;
      }
    }
    // EXTRACTS.md: outcome_date is required when outcome_type is given
    return extract.equals("outcomes") && !record.get("outcome_type").isEmpty() && record.get("outcome_date").isEmpty();
  }

  /**
   * EXTRACTS.md: identifiers never appear in a message. A value that also stands in another
   * column of the record (pasted into the wrong one) may be quoted as that column's value.
   */
  static void assertNoIdentifierIn(String message, CsvContract contract, Map<String, String> record) {
    for (String id : IDENTIFIERS) {
      String value = record.get(id);
      if (value == null || value.isEmpty() || !value.contains(ID_MARK)) {
        continue;
      }
      boolean elsewhere = record.entrySet().stream().anyMatch(e -> !IDENTIFIERS.contains(e.getKey()) && e.getValue().contains(value));
      if (!elsewhere) {
        assertThat(message).as("the %s value must not be in the message", id).doesNotContain(value);
        assertThat(message).as("nor any of its text").doesNotContain(ID_MARK);
      }
    }
  }

  /** Another value with the same code points count and the same UTF-8 length, code point by code point. */
  static String sameShape(String value) {
    StringBuilder other = new StringBuilder();
    value.codePoints().forEach(cp -> {
      int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      other.append(switch (bytes) {
        case 1 -> cp == 'B' ? "C" : "B";
        case 2 -> cp == 0xE0 ? "\u00E1" : "\u00E0";
        case 3 -> cp == 0x4E00 ? "\u4E01" : "\u4E00";
        default -> cp == 0x1F600 ? "\uD83D\uDE01" : "\uD83D\uDE00";
      });
    });
    return other.toString();
  }
}
