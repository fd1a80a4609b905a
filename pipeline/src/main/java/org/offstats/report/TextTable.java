package org.offstats.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as aligned text for a terminal ({@code offstats show}): a header, a rule of dashes under
 * each column, then the rows; numbers right-aligned, text left-aligned, columns two spaces apart.
 * Values are exact ({@link PublishedTable.Cell#exactText()}), suppressed cells {@code [c]}.
 */
public final class TextTable {
  private static final String GAP = "  ";

  private TextTable() {}

  /** The lines of the table's first {@code rows} rows (all rows of the table given). */
  public static List<String> lines(PublishedTable table) {
    List<String> columns = table.columns();
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns);
    for (int row = 0; row < table.rowCount(); row++) {
      List<String> line = new ArrayList<>(columns.size());
      for (String column : columns) {
        line.add(table.text(row, column));
      }
      cells.add(line);
    }
    int[] widths = new int[columns.size()];
    boolean[] right = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      right[c] = table.isNumeric(columns.get(c));
      for (List<String> line : cells) {
        widths[c] = Math.max(widths[c], width(line.get(c)));
      }
    }
    List<String> lines = new ArrayList<>(cells.size() + 1);
    lines.add(format(cells.get(0), widths, right));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    lines.add(format(rule, widths, right));
    for (List<String> line : cells.subList(1, cells.size())) {
      lines.add(format(line, widths, right));
    }
    return lines;
  }

  private static String format(List<String> cells, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - width(cell));
      line.append(c == 0 ? "" : GAP).append(right[c] ? padding + cell : cell + (c == cells.size() - 1 ? "" : padding));
    }
    return line.toString();
  }

  /** Characters as a terminal counts them, near enough: one per code point. */
  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
