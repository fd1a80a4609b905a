package org.offstats.schema;

import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.schema.policeuk.PoliceUkOutcome;
import org.offstats.schema.policeuk.PoliceUkStopSearch;
import org.offstats.schema.policeuk.PoliceUkStreetCrime;
import org.offstats.schema.reference.Borough;
import org.offstats.schema.reference.Offence;
import org.offstats.schema.reference.OutcomeType;
import org.offstats.schema.reference.Unit;
import org.offstats.schema.table.ArrestOutcomes;
import org.offstats.schema.table.ArrestsByBcu;
import org.offstats.schema.table.ArrestsByOffenceGroup;
import org.offstats.schema.table.ArrestsByDemographics;
import org.offstats.schema.table.ArrestsByOffence;
import org.offstats.schema.table.ChargeRates;
import org.offstats.schema.table.Headline;
import org.offstats.schema.table.OutcomesByOffence;
import org.offstats.schema.table.PoliceUkOutcomesByType;
import org.offstats.schema.table.PoliceUkStopSearchByType;
import org.offstats.schema.table.PoliceUkStreetByType;
import org.offstats.schema.table.ProtectionOrders;
import org.offstats.schema.table.Reject;
import org.offstats.schema.table.TimeToOutcome;

/**
 * Every input and output contract of offstats, read from {@code schemas/} (compiled into the record
 * classes by avro-maven-plugin). This is the one place that lists them.
 */
public final class Schemas {
  private static final List<CsvContract> EXTRACTS =
      List.of(
          CsvContract.extract(Arrest.getClassSchema()),
          CsvContract.extract(CrimeOutcome.getClassSchema()),
          CsvContract.extract(ProtectionOrderEvent.getClassSchema()));

  private static final List<CsvContract> REFERENCE =
      List.of(
          CsvContract.reference(Offence.getClassSchema()),
          CsvContract.reference(OutcomeType.getClassSchema()),
          CsvContract.reference(Unit.getClassSchema()),
          CsvContract.reference(Borough.getClassSchema()));

  private static final List<TableSchema> TABLES =
      List.of(
          TableSchema.of(ArrestsByOffence.getClassSchema()),
          TableSchema.of(ArrestsByBcu.getClassSchema()),
          TableSchema.of(ArrestsByOffenceGroup.getClassSchema()),
          TableSchema.of(ArrestsByDemographics.getClassSchema()),
          TableSchema.of(ArrestOutcomes.getClassSchema()),
          TableSchema.of(OutcomesByOffence.getClassSchema()),
          TableSchema.of(ChargeRates.getClassSchema()),
          TableSchema.of(TimeToOutcome.getClassSchema()),
          TableSchema.of(ProtectionOrders.getClassSchema()),
          TableSchema.of(PoliceUkStreetByType.getClassSchema()),
          TableSchema.of(PoliceUkOutcomesByType.getClassSchema()),
          TableSchema.of(PoliceUkStopSearchByType.getClassSchema()),
          TableSchema.of(Headline.getClassSchema()));

  private static final List<CsvContract> POLICE_UK =
      List.of(
          CsvContract.policeUk(PoliceUkStreetCrime.getClassSchema()),
          CsvContract.policeUk(PoliceUkOutcome.getClassSchema()),
          CsvContract.policeUk(PoliceUkStopSearch.getClassSchema()));

  private static final TableSchema REJECTS = TableSchema.of(Reject.getClassSchema());

  private Schemas() {}

  /** The force extracts, in the order the manifest lists them. */
  public static List<CsvContract> extracts() {
    return EXTRACTS;
  }

  public static CsvContract extract(String name) {
    return EXTRACTS.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no extract named " + name));
  }

  /**
   * The kinds of police.uk public file (street, outcomes, stop-and-search), each with the exact
   * public header; their names ({@code policeuk_street}, ...) name their rejects files.
   */
  public static List<CsvContract> policeUkFiles() {
    return POLICE_UK;
  }

  /** Everything that is read record by record and can have rejects: extracts, then police.uk. */
  public static List<CsvContract> recordSources() {
    return java.util.stream.Stream.concat(EXTRACTS.stream(), POLICE_UK.stream()).toList();
  }

  public static List<CsvContract> referenceFiles() {
    return REFERENCE;
  }

  public static CsvContract reference(String name) {
    return REFERENCE.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no reference file named " + name));
  }

  /** The published tables, in the order the manifest lists them. */
  public static List<TableSchema> tables() {
    return TABLES;
  }

  public static TableSchema table(String name) {
    return TABLES.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no table named " + name));
  }

  /** Columns of {@code restricted/rejects/<extract>.csv}. */
  public static TableSchema rejects() {
    return REJECTS;
  }

  static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
