package org.offstats.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Plans the records an extract gets on purpose so that a run has something to reject: each is a
 * copy of a clean record with one thing wrong, inserted between clean records. At most one bad
 * record per {@value #ROWS_PER_BAD_ROW} clean ones is planned, so a generated folder stays well
 * under the default 1% reject limit; small extracts get fewer kinds, in the order planned.
 */
final class BadRows {
  static final int ROWS_PER_BAD_ROW = 200;

  /** One bad record, to be written just before clean record {@code before}. */
  record BadRow(
      int before,
      int planned,
      String[] fields,
      int fieldDelta,
      String reason,
      String description) {}

  private final int size;
  private final IntFunction<String[]> cleanRow;
  private final SplittableRandom random;
  private final List<BadRow> planned = new ArrayList<>();

  BadRows(int size, IntFunction<String[]> cleanRow, SplittableRandom random) {
    this.size = size;
    this.cleanRow = cleanRow;
    this.random = random;
  }

  /** A later record repeating an earlier record's key. */
  void duplicate(String description) {
    if (room()) {
      int before = Rngs.between(random, 1, size);
      String[] copy = cleanRow.apply(Rngs.below(random, before));
      planned.add(new BadRow(before, planned.size(), copy, 0, "DUPLICATE_ID", description));
    }
  }

  /**
   * A copy of a random clean record, changed by {@code change} (which also gives it a fresh key).
   */
  void corrupt(String reason, String description, Consumer<String[]> change) {
    corrupt(reason, description, 0, change);
  }

  /** As {@link #corrupt(String, String, Consumer)}, with fields added or left out. */
  void corrupt(String reason, String description, int fieldDelta, Consumer<String[]> change) {
    if (room()) {
      int before = Rngs.between(random, 1, size);
      String[] fields = cleanRow.apply(Rngs.below(random, size)).clone();
      change.accept(fields);
      planned.add(new BadRow(before, planned.size(), fields, fieldDelta, reason, description));
    }
  }

  /** The planned records in writing order. */
  List<BadRow> inWritingOrder() {
    List<BadRow> ordered = new ArrayList<>(planned);
    ordered.sort(Comparator.comparingInt(BadRow::before).thenComparingInt(BadRow::planned));
    return ordered;
  }

  /** Fresh keys for bad records never collide with clean ones. */
  long nextKeySequence() {
    return Ids.BAD_ROW_BASE + planned.size();
  }

  private boolean room() {
    return (long) (planned.size() + 1) * ROWS_PER_BAD_ROW <= size;
  }
}
