package org.offstats.run;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
import org.offstats.tables.ChargeRatesTable;
import org.offstats.tables.CrimeFacts;
import org.offstats.tables.OutcomesByOffenceTable;
import org.offstats.tables.PartialTables;
import org.offstats.tables.ProtectionOrdersTable;
import org.offstats.tables.TimeToOutcomeTable;

/**
 * Which tables each accepted record counts in: the one place that maps an extract to its tables
 * and headline figures. The reader calls it for every accepted record, so that tables are
 * aggregated in the same pass as validation.
 */
public final class RecordAggregations implements Serializable {
  private final ReferenceData reference;
  private final FigureDefinitions figures;
  private transient Map<String, String> ethnicityGroups;

  public RecordAggregations(ReferenceData reference, FigureDefinitions figures) {
    this.reference = reference;
    this.figures = figures;
  }

  /** The tables fed by an extract; arrest_outcomes needs the charged arrest ids first. */
  public static boolean needsChargedArrestIds(String extract) {
    return extract.equals("arrests");
  }

  /**
   * Adds one accepted record (values in canonical order) to the partial tables.
   *
   * @param chargedArrestIds arrest ids linked from a charged crime (arrests only)
   * @param chargedArrestId receives the arrest id a charged crime links to (outcomes only)
   * @param quality the data quality counts ({@link DataQuality}) the record adds to
   */
  public void add(
      String extract, String[] values, PartialTables partials, Set<String> chargedArrestIds, Consumer<String> chargedArrestId,
      Map<String, Long> quality) {
    switch (extract) {
      case "arrests" -> {
        Arrest arrest = Records.fill(new Arrest(), values);
        int person = partials.person(arrest.getPersonRef());
        ArrestsByOffenceTable.addCells(arrest, person, reference, partials.table(ArrestsByOffenceTable.NAME));
        ArrestsByBcuTable.addCells(arrest, reference, partials.table(ArrestsByBcuTable.NAME));
        ArrestsByOffenceGroupTable.addCells(arrest, reference, partials.table(ArrestsByOffenceGroupTable.NAME));
        ArrestsByDemographicsTable.addCells(arrest, reference, ethnicityGroups(), partials.table(ArrestsByDemographicsTable.NAME));
        ArrestOutcomesTable.addCells(arrest, reference, chargedArrestIds, partials.table(ArrestOutcomesTable.NAME));
        HeadlineCells.addCells(arrest, person, reference, figures, partials.table(HeadlineCells.TABLE));
        DataQuality.arrest(arrest, ethnicityGroups(), quality);
      }
      case "outcomes" -> {
        CrimeOutcome crime = Records.fill(new CrimeOutcome(), values);
        CrimeFacts facts = CrimeFacts.of(crime, reference);
        OutcomesByOffenceTable.addCells(facts, partials.table(OutcomesByOffenceTable.NAME));
        ChargeRatesTable.addCells(facts, partials.table(ChargeRatesTable.NAME));
        TimeToOutcomeTable.addCells(facts, partials.table(TimeToOutcomeTable.NAME));
        HeadlineCells.addCells(crime, facts, reference, figures, partials.table(HeadlineCells.TABLE));
        ArrestOutcomesTable.chargedArrestId(crime).ifPresent(chargedArrestId);
        DataQuality.crime(facts, quality);
      }
      case "protection_orders" -> {
        ProtectionOrderEvent event = Records.fill(new ProtectionOrderEvent(), values);
        ProtectionOrdersTable.addCells(event, partials.table(ProtectionOrdersTable.NAME));
        DataQuality.order(event, quality);
      }
      default -> throw new IllegalStateException("no tables for extract " + extract);
    }
  }

  private Map<String, String> ethnicityGroups() {
    if (ethnicityGroups == null) {
      ethnicityGroups = ArrestsByDemographicsTable.ethnicityGroups();
    }
    return ethnicityGroups;
  }
}
