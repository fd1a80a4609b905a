package org.offstats.tables;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.table.ArrestOutcomes;

/**
 * {@code arrest_outcomes} (OUTPUTS.md): arrests per financial year of the arrest, unit type and
 * offence group, and how many of them are linked (by arrest_id) from a crime whose outcome is type
 * 1. An arrest linked from several charged crimes counts once; links to arrests outside this run's
 * arrests extract count nowhere. The charged arrest ids come from the outcomes reader
 * ({@link #chargedArrestId}) to the arrests reader as a side input.
 */
public final class ArrestOutcomesTable extends CellTable<ArrestOutcomes> {
  public static final String NAME = "arrest_outcomes";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ArrestOutcomes> rowClass() {
    return ArrestOutcomes.class;
  }

  /** The arrest a crime's type-1 outcome is linked to, if any. */
  public static Optional<String> chargedArrestId(CrimeOutcome crime) {
    Integer type = crime.getOutcomeType();
    boolean charged = crime.getArrestId() != null && type != null && type == Outcomes.CHARGED_SUMMONSED;
    return charged ? Optional.of(crime.getArrestId()) : Optional.empty();
  }

  public static void addCells(Arrest arrest, ReferenceData reference, Predicate<String> chargedArrestId, CellSink cells) {
    List<String> cell =
        CellKey.of(
            Periods.financialYear(arrest.getArrestDate()),
            reference.unit(arrest.getUnitCode()).getUnitType(),
            reference.offence(arrest.getOffenceCode()).getOffenceGroup());
    cells.add(cell, Contribution.flagged(chargedArrestId.test(arrest.getArrestId())));
  }

  @Override
  public ArrestOutcomes toRow(List<String> key, CellStats stats) {
    ArrestOutcomes row = TableRows.withKeys(new ArrestOutcomes(), key);
    row.setArrests(stats.count());
    row.setArrestsCharged(stats.flagged());
    return row;
  }
}
