package org.offstats.run;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.offstats.domain.KeyNumbers;
import org.offstats.extract.Records;
import org.offstats.extract.ReferenceData;
import org.offstats.figures.FigureDefinitions;
import org.offstats.figures.HeadlineCells;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.tables.ArrestOutcomesTable;
import org.offstats.tables.ArrestsByBcuTable;
import org.offstats.tables.ArrestsByDemographicsTable;
import org.offstats.tables.ArrestsByOffenceGroupTable;
import org.offstats.tables.ArrestsByOffenceTable;
import org.offstats.tables.CellSink;
import org.offstats.tables.CellStats;
import org.offstats.tables.CrimeCells;
import org.offstats.tables.CrimeFacts;
import org.offstats.tables.PartialTables;
import org.offstats.tables.ProtectionOrdersTable;

/**
 * Which tables each accepted record counts in: the one place that maps an extract to its tables
 * and headline figures. Each reader aggregates its accepted records as it reads them ({@link
 * Aggregator}), so that tables are aggregated in the same pass as validation.
 */
public final class RecordAggregations implements Serializable {
  private final ReferenceData reference;
  private final FigureDefinitions figures;

  public RecordAggregations(ReferenceData reference, FigureDefinitions figures) {
    this.reference = reference;
    this.figures = figures;
  }

  /**
   * An accepted record's values (in canonical order, with its dates as the validator read them) as
   * its extract's record class: done on the validating thread, so that the aggregating one only
   * aggregates.
   */
  public static SpecificRecordBase record(String extract, String[] values, LocalDate[] dates) {
    return switch (extract) {
      case "arrests" -> Records.fill(new Arrest(), values, dates);
      case "outcomes" -> Records.fill(new CrimeOutcome(), values, dates);
      case "protection_orders" -> Records.fill(new ProtectionOrderEvent(), values, dates);
      default -> throw new IllegalStateException("no tables for extract " + extract);
    };
  }

  /** An aggregator for one reader, adding to {@code partials}; readers run side by side, each with its own. */
  public Aggregator into(PartialTables partials) {
    return new Aggregator(partials);
  }

  /**
   * Adds one reader's accepted records ({@link #record}) to its partial tables. Each table's cells
   * are found once per reader, not once per record. An arrest is counted in {@code
   * arrest_outcomes} when read and marked charged at the end ({@link #chargeArrests}), once every
   * crime has been read.
   */
  public final class Aggregator {
    private final PartialTables partials;
    private final DataQuality.Counts quality = new DataQuality.Counts();
    /** The arrest ids charged outcomes link to, as read: an id comes once per crime that links to it. */
    private final List<String> chargedArrestIds = new ArrayList<>();
    private final HeadlineCells headlines = new HeadlineCells(figures, reference);
    private final Map<String, String> ethnicityGroups = ArrestsByDemographicsTable.ethnicityGroups();
    private final CellSink arrestsByOffence;
    private final CellSink arrestsByBcu;
    private final CellSink arrestsByOffenceGroup;
    private final CellSink arrestsByDemographics;
    private final CrimeCells crimeCells;
    private final CrimeFacts.Maker crimeFacts = new CrimeFacts.Maker(reference);
    private final CellSink protectionOrders;
    private final CellSink headlineCells;
    /** Each arrest's arrest_outcomes cell, by the arrest's key number. */
    private CellStats[] arrestOutcomeCells = new CellStats[1024];

    private Aggregator(PartialTables partials) {
      this.partials = partials;
      arrestsByOffence = partials.table(ArrestsByOffenceTable.NAME);
      arrestsByBcu = partials.table(ArrestsByBcuTable.NAME);
      arrestsByOffenceGroup = partials.table(ArrestsByOffenceGroupTable.NAME);
      arrestsByDemographics = partials.table(ArrestsByDemographicsTable.NAME);
      crimeCells = new CrimeCells(partials);
      protectionOrders = partials.table(ProtectionOrdersTable.NAME);
      headlineCells = partials.table(HeadlineCells.TABLE);
    }

    /**
     * Adds one accepted record.
     *
     * @param keyNumber the record's number among its extract's accepted records (its key's number)
     */
    public void add(SpecificRecordBase record, int keyNumber) {
      if (record instanceof Arrest arrest) {
        int person = partials.person(arrest.getPersonRef());
        ArrestsByOffenceTable.addCells(arrest, person, reference, arrestsByOffence);
        ArrestsByBcuTable.addCells(arrest, reference, arrestsByBcu);
        ArrestsByOffenceGroupTable.addCells(arrest, reference, arrestsByOffenceGroup);
        ArrestsByDemographicsTable.addCells(arrest, reference, ethnicityGroups, arrestsByDemographics);
        CellStats outcomes = partials.cell(ArrestOutcomesTable.NAME, ArrestOutcomesTable.cellOf(arrest, reference));
        outcomes.add(ArrestOutcomesTable.READ);
        if (keyNumber >= arrestOutcomeCells.length) {
          arrestOutcomeCells = Arrays.copyOf(arrestOutcomeCells, Math.max(2 * arrestOutcomeCells.length, keyNumber + 1));
        }
        arrestOutcomeCells[keyNumber] = outcomes;
        headlines.addCells(arrest, person, headlineCells);
        DataQuality.arrest(arrest, ethnicityGroups, quality);
      } else if (record instanceof CrimeOutcome crime) {
        CrimeFacts facts = crimeFacts.of(crime);
        crimeCells.add(facts);
        headlines.addCells(crime, facts, headlineCells);
        ArrestOutcomesTable.chargedArrestId(crime).ifPresent(chargedArrestIds::add);
        DataQuality.crime(facts, quality);
      } else if (record instanceof ProtectionOrderEvent event) {
        ProtectionOrdersTable.addCells(event, protectionOrders);
        DataQuality.order(event, quality);
      } else {
        throw new IllegalStateException("no tables for " + record.getClass().getSimpleName());
      }
    }

    /**
     * Makes room for about {@code records} records of the reader's extract, an estimate: each
     * arrest's person and arrest_outcomes cell are kept by number, in tables that would otherwise
     * grow step by step.
     */
    public void expect(String extract, int records) {
      if (extract.equals("arrests")) {
        partials.expectPersons(records);
        if (records > arrestOutcomeCells.length) {
          arrestOutcomeCells = Arrays.copyOf(arrestOutcomeCells, records);
        }
      }
    }

    /**
     * Starts fetching what adding {@code record} will look up in large tables (an arrest's person
     * among millions), for {@link #add} a few records later; changes nothing.
     */
    public void prefetch(SpecificRecordBase record) {
      if (record instanceof Arrest arrest) {
        partials.prefetchPerson(arrest.getPersonRef());
      }
    }

    /** Completes the tables once every record of the reader has been added ({@link CrimeCells#finish}). */
    public void finish() {
      crimeCells.finish();
    }

    /**
     * Marks charged the arrests the crimes' charged outcomes link to, each once, in the arrests'
     * aggregator once both extracts are read; links to arrests this reader did not accept count
     * nowhere.
     *
     * @param crimes the crimes' aggregator
     * @param arrestIds the accepted arrests' ids, numbered as their key numbers
     */
    public void chargeArrests(Aggregator crimes, KeyNumbers arrestIds) {
      String[] charged = crimes.chargedArrestIds.toArray(new String[0]);
      BitSet marked = new BitSet();
      // looked up in groups, each group prefetched first, so that their cache misses overlap
      for (int group = 0; group < charged.length; group += KeyNumbers.PREFETCH_GROUP) {
        int end = Math.min(group + KeyNumbers.PREFETCH_GROUP, charged.length);
        for (int i = group; i < end; i++) {
          arrestIds.prefetch(charged[i]);
        }
        for (int i = group; i < end; i++) {
          int number = arrestIds.find(charged[i]);
          if (number >= 0 && !marked.get(number)) {
            marked.set(number); // an arrest several crimes link to is charged once
            arrestOutcomeCells[number].add(ArrestOutcomesTable.CHARGED);
          }
        }
      }
    }

    /** The data quality counts ({@link DataQuality}) the records added. */
    public Map<String, Long> quality() {
      return quality.facts();
    }
  }
}
