package org.offstats.tables;

import java.util.List;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByOffence;

/**
 * {@code arrests_by_offence} (OUTPUTS.md): arrests per month, unit type, unit, offence group,
 * offence and domestic-abuse flag, with the distinct persons arrested in each cell.
 */
public final class ArrestsByOffenceTable extends CellTable<ArrestsByOffence> {
  public static final String NAME = "arrests_by_offence";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ArrestsByOffence> rowClass() {
    return ArrestsByOffence.class;
  }

  /**
   * One arrest's cell: it counts once, and its person once among the cell's distinct persons.
   *
   * @param person the reader's number for the arrest's person_ref ({@link PartialTables#person})
   */
  public static void addCells(Arrest arrest, int person, ReferenceData reference, CellSink cells) {
    List<String> cell =
        CellKey.of(
            Periods.month(arrest.getArrestDate()),
            reference.unit(arrest.getUnitCode()).getUnitType(),
            arrest.getUnitCode(),
            reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
            arrest.getOffenceCode(),
            Boolean.toString(arrest.getDomesticAbuse()));
    cells.add(cell, Contribution.person(person));
  }

  @Override
  public ArrestsByOffence toRow(List<String> key, CellStats stats) {
    ArrestsByOffence row = TableRows.withKeys(new ArrestsByOffence(), key);
    row.setArrests(stats.count());
    row.setPersons(stats.distinctPersons());
    return row;
  }
}
