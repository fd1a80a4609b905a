package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code offstats show} printed, read back by column: the rule of dashes under the header
 * gives each column's span. Records which cells fill their span from the right (right-aligned).
 */
record TextTableOutput(List<String> header, List<List<String>> rows, List<List<Boolean>> rightAligned, List<String> after) {

  static TextTableOutput parse(String stdout) {
    List<String> lines = stdout.lines().toList();
    assertThat(lines.size()).as("header, rule and a closing line:\n" + stdout).isGreaterThanOrEqualTo(3);
    String rule = lines.get(1);
    assertThat(rule).as("the rule under the header").matches("[- ]+");
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < rule.length(); i++) {
      if (rule.charAt(i) == '-' && (i == 0 || rule.charAt(i - 1) == ' ')) {
        int end = rule.indexOf(' ', i);
        spans.add(new int[] {i, end < 0 ? rule.length() : end});
      }
    }
    List<String> header = cells(lines.get(0), spans, null);
    List<List<String>> rows = new ArrayList<>();
    List<List<Boolean>> right = new ArrayList<>();
    int line = 2;
    for (; line < lines.size() && !lines.get(line).startsWith("("); line++) {
      List<Boolean> aligned = new ArrayList<>();
      rows.add(cells(lines.get(line), spans, aligned));
      right.add(aligned);
    }
    return new TextTableOutput(header, rows, right, lines.subList(line, lines.size()));
  }

  private static List<String> cells(String line, List<int[]> spans, List<Boolean> rightAligned) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < spans.size(); c++) {
      int start = spans.get(c)[0];
      int end = Math.min(spans.get(c)[1], line.length());
      assertThat(start == 0 || line.charAt(start - 1) == ' ').as("columns apart in: " + line).isTrue();
      String cell = start >= line.length() ? "" : line.substring(start, end);
      cells.add(cell.strip());
      if (rightAligned != null) {
        rightAligned.add(end == spans.get(c)[1] && !cell.isEmpty() && cell.charAt(cell.length() - 1) != ' ');
      }
    }
    return cells;
  }
}
