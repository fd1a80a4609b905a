package org.offstats.disclosure;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A set of small non-negative ints whose lowest is asked for often: {@link Protection}'s relations
 * still to balance, whose lowest it asks for after every move and which change on every move.
 *
 * <p>A bit per value, and a summary bit per word of values saying whether that word has any: adding
 * and removing set and clear a bit or two, and the lowest is found from the first summary word that
 * is not 0. A search balances relations among a few thousand, so the summary is a word or two, and
 * this is cheaper than keeping the values sorted in an array (which moved part of the array on
 * every change).
 */
final class SortedIntSet {
  private long[] words = new long[1];
  /** Bit {@code w} set when {@code words[w]} is not 0. */
  private long[] summary = new long[1];
  private int size;

  void add(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int w = value >>> 6;
    if (w >= words.length) {
      words = Arrays.copyOf(words, Math.max(w + 1, 2 * words.length));
      summary = Arrays.copyOf(summary, (words.length + 63) >>> 6);
    }
    long bit = 1L << value;
    if ((words[w] & bit) == 0) {
      words[w] |= bit;
      summary[w >>> 6] |= 1L << w;
      size++;
    }
  }

  void remove(int value) {
    int w = value >>> 6;
    long bit = 1L << value;
    if (w < words.length && (words[w] & bit) != 0) {
      words[w] &= ~bit;
      if (words[w] == 0) {
        summary[w >>> 6] &= ~(1L << w);
      }
      size--;
    }
  }

  /** The lowest value. */
  int first() {
    for (int s = 0; s < summary.length; s++) {
      if (summary[s] != 0) {
        int w = s << 6 | Long.numberOfTrailingZeros(summary[s]);
        return w << 6 | Long.numberOfTrailingZeros(words[w]);
      }
    }
    throw new NoSuchElementException("empty set");
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Empties the set, clearing only the words that hold something. */
  void clear() {
    for (int s = 0; s < summary.length; s++) {
      while (summary[s] != 0) {
        words[s << 6 | Long.numberOfTrailingZeros(summary[s])] = 0;
        summary[s] &= summary[s] - 1;
      }
    }
    size = 0;
  }
}
