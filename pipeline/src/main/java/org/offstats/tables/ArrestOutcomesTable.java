package org.offstats.tables;

import java.util.List;
import java.util.Optional;
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
 * arrests extract count nowhere. The arrests and the crimes are read side by side, so an arrest is
 * counted when read ({@link #cellOf}, {@link #READ}) and marked charged once every crime has been
 * read ({@link #chargedArrestId}, {@link #CHARGED}).
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

  /** What an arrest adds to its cell when read: itself, not (yet) charged. */
  public static final Contribution READ = Contribution.flagged(false);

  /** What an arrest adds to its cell once a charged crime links to it: charged, and not counted again. */
  public static final Contribution CHARGED = new Contribution(Contribution.NO_PERSON, true, Contribution.NO_DAYS, 0);

  /** The cell an arrest counts in. */
  public static CellKey cellOf(Arrest arrest, ReferenceData reference) {
    return CellKey.of(
        Periods.financialYear(arrest.getArrestDate()),
        reference.unit(arrest.getUnitCode()).getUnitType(),
        reference.offence(arrest.getOffenceCode()).getOffenceGroup());
  }

  @Override
  public ArrestOutcomes toRow(List<String> key, CellStats stats) {
    ArrestOutcomes row = TableRows.withKeys(new ArrestOutcomes(), key);
    row.setArrests(stats.count());
    row.setArrestsCharged(stats.flagged());
    return row;
  }
}
