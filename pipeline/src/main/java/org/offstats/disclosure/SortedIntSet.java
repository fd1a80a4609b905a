package org.offstats.disclosure;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A set of ints kept sorted in an array: {@link Protection}'s relations still to balance, a
 * handful at a time, whose lowest it asks for after every move (cheaper than a boxed tree set).
 */
final class SortedIntSet {
  private int[] values = new int[16];
  private int size;

  void add(int value) {
    int at = Arrays.binarySearch(values, 0, size, value);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    System.arraycopy(values, insert, values, insert + 1, size - insert);
    values[insert] = value;
    size++;
  }

  void remove(int value) {
    int at = Arrays.binarySearch(values, 0, size, value);
    if (at >= 0) {
      System.arraycopy(values, at + 1, values, at, size - at - 1);
      size--;
    }
  }

  /** The lowest value. */
  int first() {
    if (size == 0) {
      throw new NoSuchElementException("empty set");
    }
    return values[0];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }
}
