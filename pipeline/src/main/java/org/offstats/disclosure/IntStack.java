package org.offstats.disclosure;

import java.util.Arrays;

/** A growable stack of ints without boxing, for the search state of {@link Protection}. */
final class IntStack {
  private int[] values = new int[16];
  private int size;

  void push(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = value;
  }

  int pop() {
    if (size == 0) {
      throw new IllegalStateException("empty stack");
    }
    return values[--size];
  }

  int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return values[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }
}
