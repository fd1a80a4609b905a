package org.offstats.disclosure;

import java.util.Arrays;

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

  /** An argument that is never asked for, marking an empty slot. */
  private static final long EMPTY = Long.MIN_VALUE;

  /** Per class, {@link #SLOTS} pairs of argument and value, side by side so one look reads one cache line. */
  private final long[] entries;
  private final byte[] nextSlot;

  ClassCostCache(int classes) {
    entries = new long[classes * SLOTS * 2];
    Arrays.fill(entries, EMPTY);
    nextSlot = new byte[classes];
  }

  /** Forgets everything remembered for class {@code k}: its cells have changed. */
  void invalidate(int k) {
    Arrays.fill(entries, k * SLOTS * 2, (k + 1) * SLOTS * 2, EMPTY);
  }

  /** The value put for class {@code k} and {@code argument} since it last changed, or {@link #UNKNOWN}. */
  long get(int k, long argument) {
    for (int at = k * SLOTS * 2; at < (k + 1) * SLOTS * 2; at += 2) {
      if (entries[at] == argument) {
        return entries[at + 1];
      }
    }
    return UNKNOWN;
  }

  /** Remembers {@code value} for class {@code k} and {@code argument}, which must not be {@link Long#MIN_VALUE}. */
  void put(int k, long argument, long value) {
    if (argument == EMPTY) {
      throw new IllegalArgumentException("argument " + argument + " cannot be remembered");
    }
    int at = (k * SLOTS + nextSlot[k]) * 2;
    nextSlot[k] = (byte) ((nextSlot[k] + 1) % SLOTS);
    entries[at] = argument;
    entries[at + 1] = value;
  }
}
