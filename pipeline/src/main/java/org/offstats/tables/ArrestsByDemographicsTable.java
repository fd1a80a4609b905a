package org.offstats.tables;

import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.offstats.domain.Periods;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.Schemas;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.table.ArrestsByDemographics;

/**
 * {@code arrests_by_demographics} (OUTPUTS.md): arrests per financial year, offence group, sex, age
 * band and 5+1 ethnicity group. The code-to-group mapping is the one in {@code
 * schemas/extracts/arrests.avsc} (A4 Chinese under Asian; the legacy 16+1 O1 under Other).
 */
public final class ArrestsByDemographicsTable extends CellTable<ArrestsByDemographics> {
  public static final String NAME = "arrests_by_demographics";

  @Override
  public String table() {
    return NAME;
  }

  @Override
  public Class<ArrestsByDemographics> rowClass() {
    return ArrestsByDemographics.class;
  }

  private static final String ETHNICITY_COLUMN = "ethnicity";

  /** Self-defined ethnicity code to its 5+1 group, from the arrests schema. */
  public static Map<String, String> ethnicityGroups() {
    Map<String, String> groupOfCode = new HashMap<>();
    Schemas.extract("arrests").column(ETHNICITY_COLUMN).groups()
        .forEach((group, codes) -> codes.forEach(code -> groupOfCode.put(code, group)));
    return Map.copyOf(groupOfCode);
  }

  /**
   * @param groupOfCode {@link #ethnicityGroups()}, built once by the caller
   */
  public static void addCells(Arrest arrest, ReferenceData reference, Map<String, String> groupOfCode, CellSink cells) {
    List<String> cell =
        CellKey.of(
            Periods.financialYear(arrest.getArrestDate()),
            reference.offence(arrest.getOffenceCode()).getOffenceGroup(),
            arrest.getSex(),
            arrest.getAgeBand(),
            groupOfCode.get(arrest.getEthnicity()));
    cells.add(cell, Contribution.count());
  }

  @Override
  public ArrestsByDemographics toRow(List<String> key, CellStats stats) {
    ArrestsByDemographics row = TableRows.withKeys(new ArrestsByDemographics(), key);
    row.setArrests(stats.count());
    return row;
  }
}
