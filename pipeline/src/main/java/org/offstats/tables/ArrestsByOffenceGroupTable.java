package org.offstats.tables;

import java.util.List;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByOffenceGroup;

/**
 * {@code arrests_by_offence_group} (README "Disclosure control"): arrests per month and offence
 * group, the coarser view of {@code arrests_by_offence}, whose cells are mostly too small to
 * publish. Counted from the same accepted arrests, so each cell is the sum of the {@code
 * arrests_by_offence} cells of its month and offence group (a declared additive relation). No
 * distinct persons: they do not add up from the finer cells.
 */
public final class ArrestsByOffenceGroupTable extends CellTable<ArrestsByOffenceGroup> {
  public static final String NAME = "arrests_by_offence_group";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ArrestsByOffenceGroup> rowClass() {
    return ArrestsByOffenceGroup.class;
  }

  public static void addCells(Arrest arrest, ReferenceData reference, CellSink cells) {
    cells.add(CellKey.of(Periods.month(arrest.getArrestDate()), reference.offence(arrest.getOffenceCode()).getOffenceGroup()), Contribution.count());
  }

  @Override
  public ArrestsByOffenceGroup toRow(List<String> key, CellStats stats) {
    ArrestsByOffenceGroup row = TableRows.withKeys(new ArrestsByOffenceGroup(), key);
    row.setArrests(stats.count());
    return row;
  }
}
