package org.offstats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offstats.audit.ParquetTables.Table;

/** Rows matched by key, cells compared, rows in one version only; values as reports write them. */
class TableDiffTest {
  private static final List<String> COLUMNS = List.of("financial_year", "scope", "crimes", "rate");
  private static final List<String> KEYS = List.of("financial_year", "scope");

  @Test
  void matchesRowsByKeyNotByPosition() {
    Table a = table(row("2021-22", "All", 10L, 0.1), row("2021-22", "Rape", 4L, 0.25), row("2022-23", "All", 3L, 0.0));
    Table b = table(row("2021-22", "All", 10L, 0.1), row("2021-22", "Domestic", 2L, 0.5), row("2021-22", "Rape", 5L, 0.2));

    TableDiff.Changes changes = TableDiff.compare(a, b);

    assertThat(changes.cells()).extracting(TableDiff.CellChange::describe).containsExactly(
        "financial_year=2021-22, scope=Rape: crimes 4 → 5 (+1)",
        "financial_year=2021-22, scope=Rape: rate 0.25 → 0.2 (-0.05)");
    assertThat(changes.onlyInA()).extracting(TableDiff.RowOnly::describe).containsExactly("financial_year=2022-23, scope=All: crimes 3, rate 0");
    assertThat(changes.onlyInB()).extracting(TableDiff.RowOnly::describe)
        .containsExactly("financial_year=2021-22, scope=Domestic: crimes 2, rate 0.5");
  }

  @Test
  void identicalTablesHaveNoChanges() {
    Table a = table(row("2021-22", "All", 10L, 0.1));
    assertThat(TableDiff.compare(a, a).isEmpty()).isTrue();
  }

  @Test
  void nullsAndEmptyStringsAreShownAndHaveNoChange() {
    assertThat(Values.show(null)).isEqualTo("null");
    assertThat(Values.show("")).isEqualTo("\"\"");
    assertThat(Values.show(3200.0)).isEqualTo("3200");
    assertThat(Values.change(null, 5L)).isEmpty();
    assertThat(Values.change(0.1, 0.3)).isEqualTo("+0.2");
    assertThat(Values.change(5L, 5L)).isEqualTo("0");
  }

  @Test
  void medianInterpolatesAsQuantileCont() {
    assertThat(ContributingRecords.median(new int[] {})).isNull();
    assertThat(ContributingRecords.median(new int[] {7})).isEqualTo(7.0);
    assertThat(ContributingRecords.median(new int[] {10, 30, 90, 200})).isEqualTo(60.0);
    assertThat(ContributingRecords.median(new int[] {1, 2})).isEqualTo(1.5);
  }

  @Test
  void fileOrderIgnoresGzAndComparesBytes() {
    assertThat(ContributingRecords.fileOrder(List.of("arrests.csv", "arrests-2022.csv.gz", "arrests-2021.csv")))
        .containsExactly("arrests-2021.csv", "arrests-2022.csv.gz", "arrests.csv");
  }

  private static Table table(List<Object>... rows) {
    return new Table("charge_rates", COLUMNS, KEYS, Arrays.asList(rows));
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
