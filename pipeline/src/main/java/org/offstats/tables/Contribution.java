package org.offstats.tables;

/**
 * What one record adds to one cell: itself (counted), optionally a person (for distinct persons),
 * whether it is flagged (charged), and optionally a day gap (for quantiles).
 *
 * @param person the number the reader gave the record's pseudonymised person_ref ({@link
 *     PartialTables#person}), or {@link #NO_PERSON} when the cell does not count persons
 * @param flagged whether the record counts in the flagged measure (e.g. charged/summonsed)
 * @param days days from recorded to outcome, or -1 when the cell has no day measure
 * @param records how many records this stands for: 1, or a count already made (a police.uk cell)
 */
public record Contribution(int person, boolean flagged, int days, long records) {
  public static final int NO_DAYS = -1;
  public static final int NO_PERSON = -1;

  private static final Contribution COUNT = new Contribution(NO_PERSON, false, NO_DAYS, 1);
  private static final Contribution FLAGGED = new Contribution(NO_PERSON, true, NO_DAYS, 1);
  private static final Contribution NOT_FLAGGED = new Contribution(NO_PERSON, false, NO_DAYS, 1);

  /** One record, counted: the same immutable value each time, as records are added by the million. */
  public static Contribution count() {
    return COUNT;
  }

  /** Records already counted elsewhere (a published police.uk cell), added as they are. */
  public static Contribution counted(long records) {
    return new Contribution(NO_PERSON, false, NO_DAYS, records);
  }

  public static Contribution person(int person) {
    return new Contribution(person, false, NO_DAYS, 1);
  }

  public static Contribution flagged(boolean flagged) {
    return flagged ? FLAGGED : NOT_FLAGGED;
  }

  public static Contribution days(int days) {
    return new Contribution(NO_PERSON, false, days, 1);
  }
}
