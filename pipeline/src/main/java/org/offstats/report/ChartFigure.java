package org.offstats.report;

import java.time.YearMonth;
import org.offstats.domain.NumberFormats;

/**
 * One chart of the report: an inline SVG with its heading, its caption, and a description of what
 * it shows (the SVG's {@code <desc>}, read out by screen readers in place of the picture).
 *
 * @param id the figure's HTML id, also the prefix of every id inside its SVG
 */
record ChartFigure(String id, String heading, String svg, String description, String caption) {

  /** {@code April 2018 to October 2025}, from two {@code YYYY-MM} months. */
  static String monthSpan(String first, String last) {
    return NumberFormats.longMonth(YearMonth.parse(first)) + " to " + NumberFormats.longMonth(YearMonth.parse(last));
  }

  /** What a description says of a value it would give but that disclosure control withheld. */
  static String withheld(String label) {
    return label + " withheld (" + PublishedTable.SUPPRESSED + ")";
  }

  /** What a chart's plot area says when it draws nothing: because of suppression, or because there is no data. */
  static String noDataMessage(int skipped, String noData) {
    return skipped > 0 ? "Nothing drawn: the cells are suppressed (" + PublishedTable.SUPPRESSED + "), see the caption" : noData;
  }

  /** What the caption and description say about points left out by disclosure control. */
  static String skippedSentence(int skipped, int points, String pluralNoun) {
    if (skipped == 0) {
      return "";
    }
    return " " + skipped + " of " + points + " " + pluralNoun + (skipped == 1 ? " is" : " are") + " not drawn because "
        + (skipped == 1 ? "a table cell it comes from is" : "table cells they come from are") + " suppressed ("
        + PublishedTable.SUPPRESSED + ", disclosure control).";
  }
}
