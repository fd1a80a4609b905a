package org.offstats.report;

/**
 * One point of a chart: the sum of the published cells it comes from. A point with a suppressed
 * (or missing) cell is not drawn: the sum of the rest would understate it, and a reader could not
 * tell.
 */
final class Tally {
  private double sum;
  private boolean complete = true;

  void add(PublishedTable.Cell cell) {
    if (cell.suppressed() || !(cell.value() instanceof Number number)) {
      complete = false;
    } else {
      sum += number.doubleValue();
    }
  }

  /** Whether every cell of the point is published. */
  boolean drawable() {
    return complete;
  }

  double sum() {
    return sum;
  }
}
