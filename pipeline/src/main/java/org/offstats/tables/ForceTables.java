package org.offstats.tables;

import java.util.List;

/** The force tables of OUTPUTS.md, each built from the cells the readers aggregated, in the order they are written. */
public final class ForceTables {
  private static final List<CellTable<?>> ALL =
      List.of(
          new ArrestsByOffenceTable(),
          new ArrestsByBcuTable(),
          new ArrestsByOffenceGroupTable(),
          new ArrestsByDemographicsTable(),
          new ArrestOutcomesTable(),
          new OutcomesByOffenceTable(),
          new ChargeRatesTable(),
          new TimeToOutcomeTable(),
          new ProtectionOrdersTable());

  private ForceTables() {}

  public static List<CellTable<?>> all() {
    return ALL;
  }

  public static CellTable<?> named(String table) {
    return ALL.stream().filter(t -> t.table().equals(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no force table " + table));
  }
}
