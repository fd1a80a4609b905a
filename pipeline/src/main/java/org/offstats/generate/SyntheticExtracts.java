package org.offstats.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.offstats.generate.ArrestGenerator.Arrests;
import org.offstats.generate.BundledReference.Unit;
import org.offstats.generate.CrimeGenerator.Crimes;
import org.offstats.generate.ProtectionOrderGenerator.Event;
import org.offstats.schema.Schemas;

/**
 * Writes a synthetic, realistic input folder: {@code arrests.csv}, {@code outcomes.csv}, {@code
 * protection_orders.csv} and {@code reference/} (a copy of the bundled reference data), following
 * the extracts contract (EXTRACTS.md) with the column order of {@code schemas/extracts/}.
 *
 * <p>Deterministic: the same row count and seed give byte-identical files on any machine (seeded
 * {@link SplittableRandom} streams, no hash ordering, no clock). Arrests run from {@link
 * #FIRST_DAY} to {@link #LAST_DAY}; crime outcomes and order events later than {@link #LAST_DAY}
 * are not yet known. Identifiers are made from the seed and never look like real keys.
 *
 * <p>With {@code includeBadRows}, each extract also gets a few records that break one rule each
 * (see {@link PlannedReject}); the clean records are the same either way.
 */
public final class SyntheticExtracts {
  public static final LocalDate FIRST_DAY = LocalDate.of(2018, Month.APRIL, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2025, Month.OCTOBER, 31);

  public static final String ARRESTS_FILE = "arrests.csv";
  public static final String OUTCOMES_FILE = "outcomes.csv";
  public static final String PROTECTION_ORDERS_FILE = "protection_orders.csv";
  public static final String REFERENCE_FOLDER = "reference";

  private static final List<String> ARREST_FIELDS =
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
  private static final List<String> CRIME_FIELDS =
      List.of(
          "crime_ref",
          "offence_code",
          "domestic_abuse",
          "recorded_date",
          "bcu_code",
          "outcome_type",
          "outcome_date",
          "arrest_id");
  private static final List<String> ORDER_FIELDS =
      List.of("order_ref", "order_type", "event", "event_date", "bcu_code", "crime_ref");

  private static final int DATE_CACHE_FIRST =
      (int) LocalDate.of(2015, Month.JANUARY, 1).toEpochDay();

  /**
   * A record written to break one rule; {@code reason} is the EXTRACTS.md reason code it should
   * get.
   */
  public record PlannedReject(
      String extract, String file, long line, String reason, String description) {}

  /** What was written: clean record counts and the deliberately bad records. */
  public record Summary(
      long arrests,
      long persons,
      long crimes,
      long protectionOrderEvents,
      List<PlannedReject> plannedRejects) {}

  private final Ids ids;
  private final Arrests arrests;
  private final Crimes crimes;
  private final List<Event> events;
  private final BundledReference reference;
  private final long seed;
  private final List<PlannedReject> plannedRejects = new ArrayList<>();
  private final String[] dateCache = new String[(int) LAST_DAY.toEpochDay() - DATE_CACHE_FIRST + 1];

  private SyntheticExtracts(long arrestCount, long seed) {
    if (arrestCount < 0 || arrestCount > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          "arrests must be from 0 to " + Integer.MAX_VALUE / 4 + ", not " + arrestCount);
    }
    this.seed = seed;
    this.reference = BundledReference.load();
    this.ids = new Ids(seed);
    OffenceProfiles offences = new OffenceProfiles(reference);
    DaySampler days = new DaySampler(FIRST_DAY, LAST_DAY);
    Weighted<String> bcus = ArrestGenerator.bcuWeights(reference);
    this.arrests =
        new ArrestGenerator(reference, offences, days)
            .generate((int) arrestCount, Rngs.stream(seed, 1));
    this.crimes =
        new CrimeGenerator(offences, new OutcomeModel(reference), days, bcus, LAST_DAY)
            .generate(arrests, Rngs.stream(seed, 2));
    int chains = (int) StrictMath.round(arrestCount * ProtectionOrderGenerator.CHAINS_PER_ARREST);
    this.events =
        new ProtectionOrderGenerator(days, bcus, LAST_DAY)
            .generate(chains, crimes, Rngs.stream(seed, 3));
  }

  /** Writes the folder with a few deliberately bad records in each extract. */
  public static Summary write(Path outputDir, long arrests, long seed) throws IOException {
    return write(outputDir, arrests, seed, true);
  }

  /**
   * Writes the folder, creating it if needed and replacing the files it writes (other files in it
   * are left alone).
   *
   * @param arrests the number of clean arrest records
   * @param includeBadRows whether to add the deliberately bad records
   */
  public static Summary write(Path outputDir, long arrests, long seed, boolean includeBadRows)
      throws IOException {
    return new SyntheticExtracts(arrests, seed).writeTo(outputDir, includeBadRows);
  }

  private Summary writeTo(Path folder, boolean includeBadRows) throws IOException {
    Files.createDirectories(folder);
    BundledReference.copyTo(folder.resolve(REFERENCE_FOLDER));
    writeArrests(folder.resolve(ARRESTS_FILE), includeBadRows);
    writeCrimes(folder.resolve(OUTCOMES_FILE), includeBadRows);
    writeOrders(folder.resolve(PROTECTION_ORDERS_FILE), includeBadRows);
    return new Summary(
        arrests.count, arrests.persons, crimes.count, events.size(), List.copyOf(plannedRejects));
  }

  private void writeArrests(Path file, boolean includeBadRows) throws IOException {
    IntFunction<String[]> row = this::arrestRow;
    BadRows bad = new BadRows(arrests.count, row, Rngs.stream(seed, 4));
    if (includeBadRows) {
      int id = ARREST_FIELDS.indexOf("arrest_id");
      int bcu = ARREST_FIELDS.indexOf("bcu_code");
      int date = ARREST_FIELDS.indexOf("arrest_date");
      int unit = ARREST_FIELDS.indexOf("unit_code");
      bad.duplicate("repeats the arrest_id of an earlier record");
      bad.corrupt(
          "UNKNOWN_CODE",
          "bcu_code CL (the City of London is not an MPS BCU)",
          f -> {
            f[id] = ids.arrestId(bad.nextKeySequence());
            f[bcu] = "CL";
          });
      bad.corrupt(
          "BAD_FORMAT",
          "arrest_date 2021-02-30 is not a calendar date",
          f -> {
            f[id] = ids.arrestId(bad.nextKeySequence());
            f[date] = "2021-02-30";
          });
      bad.corrupt(
          "MISSING_VALUE",
          "person_ref is empty",
          f -> {
            f[id] = ids.arrestId(bad.nextKeySequence());
            f[ARREST_FIELDS.indexOf("person_ref")] = "";
          });
      bad.corrupt(
          "WRONG_FIELD_COUNT",
          "the last column is missing",
          -1,
          f -> f[id] = ids.arrestId(bad.nextKeySequence()));
      for (Unit pou : reference.units()) {
        if (pou.type().equals("POU")) {
          bad.corrupt(
              "OUT_OF_RANGE",
              "a POU arrest dated the day before the unit was established",
              f -> {
                f[id] = ids.arrestId(bad.nextKeySequence());
                f[unit] = pou.code();
                f[bcu] = pou.bcuCode() != null ? pou.bcuCode() : f[bcu];
                f[date] = LocalDate.ofEpochDay(pou.established() - 1L).toString();
              });
          break;
        }
      }
    }
    write(file, "arrests", ARREST_FIELDS, arrests.count, row, bad);
  }

  private void writeCrimes(Path file, boolean includeBadRows) throws IOException {
    IntFunction<String[]> row = this::crimeRow;
    BadRows bad = new BadRows(crimes.count, row, Rngs.stream(seed, 5));
    if (includeBadRows) {
      int ref = CRIME_FIELDS.indexOf("crime_ref");
      int recorded = CRIME_FIELDS.indexOf("recorded_date");
      int type = CRIME_FIELDS.indexOf("outcome_type");
      int outcomeDate = CRIME_FIELDS.indexOf("outcome_date");
      bad.duplicate("repeats the crime_ref of an earlier record");
      bad.corrupt(
          "OUT_OF_RANGE",
          "outcome_date three days before recorded_date",
          f -> {
            f[ref] = ids.crimeRef(bad.nextKeySequence());
            f[type] = f[type].isEmpty() ? "18" : f[type];
            f[outcomeDate] = LocalDate.parse(f[recorded]).minusDays(3).toString();
          });
      bad.corrupt(
          "MISSING_VALUE",
          "outcome_type given without an outcome_date",
          f -> {
            f[ref] = ids.crimeRef(bad.nextKeySequence());
            f[type] = "15";
            f[outcomeDate] = "";
          });
      bad.corrupt(
          "UNKNOWN_CODE",
          "outcome_type 23 is not in outcome_types.csv",
          f -> {
            f[ref] = ids.crimeRef(bad.nextKeySequence());
            f[type] = "23";
            f[outcomeDate] = f[recorded];
          });
      bad.corrupt(
          "BAD_FORMAT",
          "recorded_date 2021-02-30 is not a calendar date",
          f -> {
            f[ref] = ids.crimeRef(bad.nextKeySequence());
            f[recorded] = "2021-02-30";
            f[type] = "";
            f[outcomeDate] = "";
          });
      bad.corrupt(
          "WRONG_FIELD_COUNT",
          "an extra empty field at the end",
          1,
          f -> f[ref] = ids.crimeRef(bad.nextKeySequence()));
    }
    write(file, "outcomes", CRIME_FIELDS, crimes.count, row, bad);
  }

  private void writeOrders(Path file, boolean includeBadRows) throws IOException {
    IntFunction<String[]> row = this::orderRow;
    BadRows bad = new BadRows(events.size(), row, Rngs.stream(seed, 6));
    if (includeBadRows) {
      int ref = ORDER_FIELDS.indexOf("order_ref");
      bad.duplicate("repeats the order_ref, event and event_date of an earlier record");
      bad.corrupt(
          "UNKNOWN_CODE",
          "bcu_code CL (the City of London is not an MPS BCU)",
          f -> {
            f[ref] = ids.orderRef(bad.nextKeySequence());
            f[ORDER_FIELDS.indexOf("bcu_code")] = "CL";
          });
      bad.corrupt(
          "BAD_FORMAT",
          "order_type RO (a restraining order is not an order type in the contract)",
          f -> {
            f[ref] = ids.orderRef(bad.nextKeySequence());
            f[ORDER_FIELDS.indexOf("order_type")] = "RO";
          });
      bad.corrupt(
          "MISSING_VALUE",
          "event is empty",
          f -> {
            f[ref] = ids.orderRef(bad.nextKeySequence());
            f[ORDER_FIELDS.indexOf("event")] = "";
          });
      bad.corrupt(
          "WRONG_FIELD_COUNT",
          "the last column is missing",
          -1,
          f -> f[ref] = ids.orderRef(bad.nextKeySequence()));
    }
    write(file, "protection_orders", ORDER_FIELDS, events.size(), row, bad);
  }

  private void write(
      Path file,
      String extract,
      List<String> fields,
      int size,
      IntFunction<String[]> row,
      BadRows bad)
      throws IOException {
    List<BadRows.BadRow> badRows = bad.inWritingOrder();
    int next = 0;
    try (CsvWriter out = new CsvWriter(file, Schemas.extract(extract).columnNames(), fields)) {
      for (int i = 0; i <= size; i++) {
        while (next < badRows.size() && badRows.get(next).before() == i) {
          BadRows.BadRow badRow = badRows.get(next++);
          plannedRejects.add(
              new PlannedReject(
                  extract,
                  file.getFileName().toString(),
                  out.linesWritten() + 1,
                  badRow.reason(),
                  badRow.description()));
          out.write(badRow.fields(), badRow.fieldDelta());
        }
        if (i < size) {
          out.write(row.apply(i));
        }
      }
    }
  }

  private String[] arrestRow(int i) {
    return new String[] {
      ids.arrestId(i),
      ids.personRef(arrests.person[i]),
      iso(arrests.day[i]),
      arrests.bcu[i],
      arrests.unit[i].code(),
      arrests.offence[i].code(),
      flag(arrests.domesticAbuse[i]),
      arrests.operation[i] < 0 ? "" : ArrestGenerator.OPERATIONS[arrests.operation[i]],
      arrests.sex[i] < 0 ? "" : ArrestGenerator.SEXES[arrests.sex[i]],
      arrests.ageBand[i] < 0 ? "" : ArrestGenerator.AGE_BANDS[arrests.ageBand[i]],
      arrests.ethnicity[i] < 0 ? "" : ArrestGenerator.ETHNICITIES[arrests.ethnicity[i]]
    };
  }

  private String[] crimeRow(int i) {
    boolean outcome = crimes.outcomeType[i] != null;
    return new String[] {
      ids.crimeRef(crimes.sequence[i]),
      crimes.offence[i].code(),
      flag(crimes.domesticAbuse[i]),
      iso(crimes.recorded[i]),
      crimes.bcu[i],
      outcome ? crimes.outcomeType[i] : "",
      outcome ? iso(crimes.outcomeDay[i]) : "",
      crimes.arrest[i] < 0 ? "" : ids.arrestId(crimes.arrest[i])
    };
  }

  private String[] orderRow(int i) {
    Event event = events.get(i);
    return new String[] {
      ids.orderRef(event.order()),
      event.orderType(),
      event.event(),
      iso(event.day()),
      event.bcu(),
      event.crime() < 0 ? "" : ids.crimeRef(event.crime())
    };
  }

  private static String flag(boolean value) {
    return value ? "Y" : "N";
  }

  /** ISO text of an epoch day; cached, as a few thousand distinct days fill millions of fields. */
  private String iso(int day) {
    int index = day - DATE_CACHE_FIRST;
    if (index < 0 || index >= dateCache.length) {
      return LocalDate.ofEpochDay(day).toString();
    }
    String value = dateCache[index];
    if (value == null) {
      value = LocalDate.ofEpochDay(day).toString();
      dateCache[index] = value;
    }
    return value;
  }
}
