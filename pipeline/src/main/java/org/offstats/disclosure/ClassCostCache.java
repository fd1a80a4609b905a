package org.offstats.disclosure;

/**
 * Remembers, per twin class, what {@link Protection} last worked out for a few values of a long
 * argument (the room a class needs), until the class's withheld or planned cells change. A large
 * relation (a headline total, an All offences row) has thousands of classes and is looked at again
 * and again, while only the few classes a search plans in change between looks; the rest answer
 * from here.
 */
final class ClassCostCache {
  /** What {@link #get} returns when nothing is remembered. */
  static final long UNKNOWN = Long.MIN_VALUE;

  /** Arguments remembered per class; the oldest is forgotten first. */
  private static final int SLOTS = 4;

  /** Per class, {@link #SLOTS} pairs of argument and value, side by side so one look reads one cache line. */
  private final long[] entries;
  private final byte[] nextSlot;
  /**
   * Per class, how many slots hold something put since the class last changed: slots 0 up to this
   * (they are filled from slot 0 after a change). Forgetting a class sets it to 0 rather than
   * clearing its slots: the search changes a class twice (plans cells in it, then undoes that) for
   * every move that withholds more.
   */
  private final byte[] filled;

  ClassCostCache(int classes) {
    entries = new long[classes * SLOTS * 2];
    nextSlot = new byte[classes];
    filled = new byte[classes];
  }

  /** Forgets everything remembered for class {@code k}: its cells have changed. */
  void invalidate(int k) {
    filled[k] = 0;
    nextSlot[k] = 0;
  }

  /** The value put for class {@code k} and {@code argument} since it last changed, or {@link #UNKNOWN}. */
  long get(int k, long argument) {
    int start = k * SLOTS * 2;
    for (int at = start; at < start + filled[k] * 2; at += 2) {
      if (entries[at] == argument) {
        return entries[at + 1];
      }
    }
    return UNKNOWN;
  }

  /** Remembers {@code value} for class {@code k} and {@code argument}. */
  void put(int k, long argument, long value) {
    int at = (k * SLOTS + nextSlot[k]) * 2;
    nextSlot[k] = (byte) ((nextSlot[k] + 1) % SLOTS);
    filled[k] = (byte) Math.min(filled[k] + 1, SLOTS);
    entries[at] = argument;
    entries[at + 1] = value;
  }
}
