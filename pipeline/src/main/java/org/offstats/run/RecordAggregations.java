package org.offstats.run;

import java.io.Serializable;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecordBase;
import org.offstats.extract.Records;
import org.offstats.extract.ReferenceData;
import org.offstats.figures.FigureDefinitions;
import org.offstats.figures.HeadlineCells;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.tables.ArrestOutcomesTable;
import org.offstats.tables.ArrestsByBcuTable;
import org.offstats.tables.ArrestsByOffenceGroupTable;
import org.offstats.tables.ArrestsByDemographicsTable;
import org.offstats.tables.ArrestsByOffenceTable;
import org.offstats.tables.CellSink;
import org.offstats.tables.CrimeCells;
import org.offstats.tables.CrimeFacts;
import org.offstats.tables.PartialTables;
import org.offstats.tables.ProtectionOrdersTable;

/**
 * Which tables each accepted record counts in: the one place that maps an extract to its tables
 * and headline figures. The reader calls it for every accepted record, so that tables are
 * aggregated in the same pass as validation.
 */
public final class RecordAggregations implements Serializable {
  private final ReferenceData reference;
  private final FigureDefinitions figures;
  private transient Map<String, String> ethnicityGroups;
  private transient HeadlineCells headlineCells;

  public RecordAggregations(ReferenceData reference, FigureDefinitions figures) {
    this.reference = reference;
    this.figures = figures;
  }

  /** The tables fed by an extract; arrest_outcomes needs the charged arrest ids first. */
  public static boolean needsChargedArrestIds(String extract) {
    return extract.equals("arrests");
  }

  /**
   * An accepted record's values (in canonical order) as its extract's record class: done on the
   * validating thread, so that the aggregating one only aggregates.
   */
  public static SpecificRecordBase record(String extract, String[] values) {
    return switch (extract) {
      case "arrests" -> Records.fill(new Arrest(), values);
      case "outcomes" -> Records.fill(new CrimeOutcome(), values);
      case "protection_orders" -> Records.fill(new ProtectionOrderEvent(), values);
      default -> throw new IllegalStateException("no tables for extract " + extract);
    };
  }

  /**
   * Aggregates one reader's accepted records into {@code partials}; made once per reader, so that
   * each table's cells are found once, not once per record.
   *
   * @param isChargedArrestId whether an arrest id is linked from a charged crime (arrests only)
   * @param chargedArrestId receives the arrest id a charged crime links to (outcomes only)
   * @param quality the data quality counts ({@link DataQuality}) the records add to
   */
  public Aggregator into(PartialTables partials, Predicate<String> isChargedArrestId, Consumer<String> chargedArrestId, Map<String, Long> quality) {
    return new Aggregator(partials, isChargedArrestId, chargedArrestId, quality);
  }

  /** Adds accepted records ({@link #record}) to one reader's partial tables. */
  public final class Aggregator {
    private final PartialTables partials;
    private final Predicate<String> isChargedArrestId;
    private final Consumer<String> chargedArrestId;
    private final Map<String, Long> quality;
    private final HeadlineCells headlines = headlineCells();
    private final Map<String, String> ethnicityGroups = ethnicityGroups();
    private final CellSink arrestsByOffence;
    private final CellSink arrestsByBcu;
    private final CellSink arrestsByOffenceGroup;
    private final CellSink arrestsByDemographics;
    private final CellSink arrestOutcomes;
    private final CrimeCells crimeCells;
    private final CellSink protectionOrders;
    private final CellSink headlineCells;

    private Aggregator(PartialTables partials, Predicate<String> isChargedArrestId, Consumer<String> chargedArrestId, Map<String, Long> quality) {
      this.partials = partials;
      this.isChargedArrestId = isChargedArrestId;
      this.chargedArrestId = chargedArrestId;
      this.quality = quality;
      arrestsByOffence = partials.table(ArrestsByOffenceTable.NAME);
      arrestsByBcu = partials.table(ArrestsByBcuTable.NAME);
      arrestsByOffenceGroup = partials.table(ArrestsByOffenceGroupTable.NAME);
      arrestsByDemographics = partials.table(ArrestsByDemographicsTable.NAME);
      arrestOutcomes = partials.table(ArrestOutcomesTable.NAME);
      crimeCells = new CrimeCells(partials);
      protectionOrders = partials.table(ProtectionOrdersTable.NAME);
      headlineCells = partials.table(HeadlineCells.TABLE);
    }

    public void add(SpecificRecordBase record) {
      if (record instanceof Arrest arrest) {
        int person = partials.person(arrest.getPersonRef());
        ArrestsByOffenceTable.addCells(arrest, person, reference, arrestsByOffence);
        ArrestsByBcuTable.addCells(arrest, reference, arrestsByBcu);
        ArrestsByOffenceGroupTable.addCells(arrest, reference, arrestsByOffenceGroup);
        ArrestsByDemographicsTable.addCells(arrest, reference, ethnicityGroups, arrestsByDemographics);
        ArrestOutcomesTable.addCells(arrest, reference, isChargedArrestId, arrestOutcomes);
        headlines.addCells(arrest, person, headlineCells);
        DataQuality.arrest(arrest, ethnicityGroups, quality);
      } else if (record instanceof CrimeOutcome crime) {
        CrimeFacts facts = CrimeFacts.of(crime, reference);
        crimeCells.add(facts);
        headlines.addCells(crime, facts, headlineCells);
        ArrestOutcomesTable.chargedArrestId(crime).ifPresent(chargedArrestId);
        DataQuality.crime(facts, quality);
      } else if (record instanceof ProtectionOrderEvent event) {
        ProtectionOrdersTable.addCells(event, protectionOrders);
        DataQuality.order(event, quality);
      } else {
        throw new IllegalStateException("no tables for " + record.getClass().getSimpleName());
      }
    }
  }

  private HeadlineCells headlineCells() {
    if (headlineCells == null) {
      headlineCells = new HeadlineCells(figures, reference);
    }
    return headlineCells;
  }

  private Map<String, String> ethnicityGroups() {
    if (ethnicityGroups == null) {
      ethnicityGroups = ArrestsByDemographicsTable.ethnicityGroups();
    }
    return ethnicityGroups;
  }
}
