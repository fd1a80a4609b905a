package org.offstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offstats.audit.ParquetTables;

/** Both shapes of a published table, and how its cells read (OUTPUTS.md "Suppression in publish/"). */
class PublishedTableTest {
  /** charge_rates as disclosure control will publish it: a companion after each measure. */
  static final PublishedTable SUPPRESSED = PublishedTable.of(new ParquetTables.Table("charge_rates",
      List.of("financial_year", "scope", "crimes_recorded", "crimes_recorded_suppressed", "charge_rate", "charge_rate_suppressed"),
      List.of("financial_year", "scope"),
      List.of(
          Arrays.asList("2024-25", "Rape", 326L, false, 0.049079754601226995, false),
          Arrays.asList("2024-25", "Homicide", null, true, null, true),
          Arrays.asList("2025-26", "Rape", 12L, false, null, false))));

  static final PublishedTable PLAIN = PublishedTable.of(new ParquetTables.Table("arrests_by_bcu",
      List.of("month", "bcu_code", "domestic_abuse", "arrests"), List.of("month", "bcu_code", "domestic_abuse"),
      List.of(Arrays.asList("2025-10", "AS", true, 1200L), Arrays.asList("2025-10", "", false, 3L))));

  @Test
  void companionsAreNotColumnsAndMarkTheirMeasureSuppressed() {
    assertThat(SUPPRESSED.columns()).containsExactly("financial_year", "scope", "crimes_recorded", "charge_rate");
    assertThat(SUPPRESSED.hasSuppressionColumns()).isTrue();
    assertThat(SUPPRESSED.cell(1, "crimes_recorded").suppressed()).isTrue();
    assertThat(SUPPRESSED.text(1, "crimes_recorded")).isEqualTo("[c]");
    assertThat(SUPPRESSED.text(1, "scope")).isEqualTo("Homicide");
    assertThat(SUPPRESSED.anySuppressed()).isTrue();
    assertThat(PLAIN.hasSuppressionColumns()).isFalse();
    assertThat(PLAIN.anySuppressed()).isFalse();
  }

  @Test
  void nullThatIsNotSuppressedIsNotAvailable() {
    assertThat(SUPPRESSED.cell(2, "charge_rate").suppressed()).isFalse();
    assertThat(SUPPRESSED.text(2, "charge_rate")).isEqualTo("[x]");
    assertThat(SUPPRESSED.anyNotAvailable()).isTrue();
    assertThat(PLAIN.anyNotAvailable()).isFalse();
  }

  @Test
  void exactTextIsPlainDecimalAndEmptyStaysEmpty() {
    assertThat(SUPPRESSED.text(0, "charge_rate")).isEqualTo("0.049079754601226995");
    assertThat(SUPPRESSED.text(0, "crimes_recorded")).isEqualTo("326");
    assertThat(PLAIN.text(0, "domestic_abuse")).isEqualTo("true");
    assertThat(PLAIN.text(1, "bcu_code")).isEmpty();
    assertThat(new PublishedTable.Cell(3200.0, false).exactText()).isEqualTo("3200");
    assertThat(new PublishedTable.Cell(1.0E-7, false).exactText()).isEqualTo("0.0000001");
  }

  @Test
  void numbersAreMeasuresEvenWhenEveryCellIsSuppressed() {
    assertThat(SUPPRESSED.isNumeric("crimes_recorded")).isTrue();
    assertThat(SUPPRESSED.filter(row -> row == 1).isNumeric("charge_rate")).as("all null, with a companion").isTrue();
    assertThat(PLAIN.isNumeric("arrests")).isTrue();
    assertThat(PLAIN.isNumeric("domestic_abuse")).isFalse();
    assertThat(PLAIN.isNumeric("bcu_code")).isFalse();
  }

  @Test
  void reportShowsCountsGroupedAndRatesToThreeDecimals() {
    assertThat(TablesSection.display(PLAIN.cell(0, "arrests"))).isEqualTo("1,200");
    assertThat(TablesSection.display(SUPPRESSED.cell(0, "charge_rate"))).isEqualTo("0.049");
    assertThat(TablesSection.display(new PublishedTable.Cell(50.75, false))).isEqualTo("50.75");
    assertThat(TablesSection.display(new PublishedTable.Cell(21.0, false))).isEqualTo("21");
    assertThat(TablesSection.display(SUPPRESSED.cell(1, "charge_rate"))).isEqualTo("[c]");
  }

  @Test
  void textTableAlignsNumbersRightAndTextLeft() {
    assertThat(TextTable.lines(SUPPRESSED)).containsExactly(
        "financial_year  scope     crimes_recorded           charge_rate",
        "--------------  --------  ---------------  --------------------",
        "2024-25         Rape                  326  0.049079754601226995",
        "2024-25         Homicide              [c]                   [c]",
        "2025-26         Rape                   12                   [x]");
    assertThat(TextTable.lines(PLAIN)).containsExactly(
        "month    bcu_code  domestic_abuse  arrests",
        "-------  --------  --------------  -------",
        "2025-10  AS        true               1200",
        "2025-10            false                 3");
  }

  @Test
  void htmlEscapesMarkupCharacters() {
    assertThat(Html.escape("<b a=\"1\" b='2'>&amp;</b>")).isEqualTo("&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;");
    assertThat(new Html().element("td", "<x>", "class", "a\"b", "scope", null).toString())
        .isEqualTo("<td class=\"a&quot;b\">&lt;x&gt;</td>\n");
  }

  @Test
  void skippedPointsAreCountedInWords() {
    assertThat(ChartFigure.skippedSentence(0, 10, "bars")).isEmpty();
    assertThat(ChartFigure.skippedSentence(1, 10, "bars"))
        .isEqualTo(" 1 of 10 bars is not drawn because a table cell it comes from is suppressed ([c], disclosure control).");
    assertThat(ChartFigure.skippedSentence(3, 10, "points"))
        .isEqualTo(" 3 of 10 points are not drawn because table cells they come from are suppressed ([c], disclosure control).");
  }
}
