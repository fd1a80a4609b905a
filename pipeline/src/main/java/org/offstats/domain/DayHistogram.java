package org.offstats.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * An exact multiset of non-negative whole numbers of days, such as the gap outcome_date −
 * recorded_date of each crime in a {@code time_to_outcome} cell (OUTPUTS.md, "Tables"), from which
 * quantiles are taken as SQL's {@code quantile_cont} takes them.
 *
 * <p>It stores each distinct number of days once, with how many times it occurs, in ascending
 * order. The gaps are small (days between two dates since 2000), so a histogram holds at most a few
 * thousand entries however many crimes it counts, and a quantile walks the cumulative counts rather
 * than expanding the values into a list. Because the stored form depends only on the multiset, two
 * histograms that hold the same values are equal, encode to the same bytes and give bit-identical
 * quantiles, whatever the order in which values were added or histograms merged. That is what lets
 * a Beam {@code CombineFn} use one as its accumulator on any runner.
 *
 * <p>A histogram is mutable and not thread-safe: it belongs to the one accumulator or caller that
 * created it. {@link #merge} changes only the receiver.
 */
public final class DayHistogram implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int INITIAL_CAPACITY = 8;

  /** Distinct numbers of days, ascending, in {@code days[0..size)}. */
  private transient int[] days;

  /** {@code counts[i] >= 1} is how many times {@code days[i]} occurs. */
  private transient long[] counts;

  private transient int size;

  /** The sum of {@code counts[0..size)}. */
  private transient long total;

  /** An empty histogram. */
  public DayHistogram() {
    this(new int[INITIAL_CAPACITY], new long[INITIAL_CAPACITY], 0, 0);
  }

  private DayHistogram(int[] days, long[] counts, int size, long total) {
    this.days = days;
    this.counts = counts;
    this.size = size;
    this.total = total;
  }

  /**
   * Adds one occurrence of {@code days}.
   *
   * @throws IllegalArgumentException if {@code days} is negative (an outcome before its crime is
   *     rejected upstream, so it cannot reach a histogram)
   */
  public void add(int days) {
    add(days, 1);
  }

  /**
   * Adds {@code count} occurrences of {@code days}; a count of zero changes nothing.
   *
   * @throws IllegalArgumentException if {@code days} or {@code count} is negative
   * @throws ArithmeticException if the total count would overflow a {@code long}
   */
  public void add(int days, long count) {
    if (days < 0) {
      throw new IllegalArgumentException("A day gap cannot be negative: " + days);
    }
    if (count < 0) {
      throw new IllegalArgumentException("A count cannot be negative: " + count);
    }
    if (count == 0) {
      return;
    }
    long newTotal = Math.addExact(total, count);
    int index = Arrays.binarySearch(this.days, 0, size, days);
    if (index >= 0) {
      counts[index] += count;
    } else {
      insertAt(-index - 1, days, count);
    }
    total = newTotal;
  }

  /**
   * Adds every occurrence in {@code other} to this histogram and returns this histogram. {@code
   * other} is not changed; it may be this histogram, which doubles every count.
   *
   * @throws ArithmeticException if the total count would overflow a {@code long}
   */
  public DayHistogram merge(DayHistogram other) {
    long newTotal = Math.addExact(total, other.total);
    int otherSize = other.size;
    int[] otherDays = other.days;
    long[] otherCounts = other.counts;
    int[] mergedDays = new int[Math.max(INITIAL_CAPACITY, size + otherSize)];
    long[] mergedCounts = new long[mergedDays.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < size || j < otherSize) {
      if (j == otherSize || (i < size && days[i] < otherDays[j])) {
        mergedDays[n] = days[i];
        mergedCounts[n++] = counts[i++];
      } else if (i == size || otherDays[j] < days[i]) {
        mergedDays[n] = otherDays[j];
        mergedCounts[n++] = otherCounts[j++];
      } else {
        mergedDays[n] = days[i];
        mergedCounts[n++] = counts[i++] + otherCounts[j++];
      }
    }
    days = mergedDays;
    counts = mergedCounts;
    size = n;
    total = newTotal;
    return this;
  }

  /** How many values the histogram holds, counting repeats. */
  public long count() {
    return total;
  }

  /** Whether the histogram holds no values. */
  public boolean isEmpty() {
    return total == 0;
  }

  /**
   * The {@code q} quantile by linear interpolation between order statistics, as SQL's {@code
   * quantile_cont} (OUTPUTS.md, {@code time_to_outcome}): with the values sorted as x[0..n-1] and h
   * = q·(n−1), the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]), evaluated in that order so it is
   * bit-identical to DuckDB's. numpy's default method is the same definition, but it computes a
   * fraction of 0.5 or more from the upper neighbour, which can differ in the last bit.
   *
   * @param q the quantile, from 0 (the smallest value) to 1 (the largest)
   * @throws IllegalArgumentException if {@code q} is not in [0, 1]
   * @throws IllegalStateException if the histogram is empty
   */
  public double quantileCont(double q) {
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException("A quantile must be from 0 to 1, not " + q);
    }
    if (total == 0) {
      throw new IllegalStateException("No quantile of an empty set of day gaps");
    }
    double h = q * (total - 1);
    double lowerRank = Math.floor(h);
    // Beyond 2^53 values h is rounded and may reach n; keep the ranks inside the histogram.
    long lower = Math.min((long) lowerRank, total - 1);
    long upper = Math.min((long) Math.ceil(h), total - 1);
    // Walk the cumulative counts to the entries holding ranks lower and upper (0-based).
    int index = 0;
    long cumulative = counts[0];
    while (lower >= cumulative) {
      cumulative += counts[++index];
    }
    double lowerValue = days[index];
    while (upper >= cumulative) {
      cumulative += counts[++index];
    }
    double upperValue = days[index];
    // The same expression, in the same order, as the SQL engines' quantile_cont.
    return lowerValue + (h - lowerRank) * (upperValue - lowerValue);
  }

  /** The median, {@code quantileCont(0.5)}. */
  public double median() {
    return quantileCont(0.5);
  }

  /**
   * Writes the histogram in a form that depends only on its contents: the number of distinct
   * values, then for each value in ascending order the difference from the previous value (from 0
   * for the first) and its count, all as unsigned LEB128 variable-length integers.
   */
  public void encode(DataOutput out) throws IOException {
    writeVarLong(out, size);
    int previous = 0;
    for (int i = 0; i < size; i++) {
      writeVarLong(out, days[i] - previous);
      writeVarLong(out, counts[i]);
      previous = days[i];
    }
  }

  /**
   * Reads a histogram written by {@link #encode}.
   *
   * @throws IOException if the input ends early or does not hold a valid histogram
   */
  public static DayHistogram decode(DataInput in) throws IOException {
    long distinct = readVarLong(in);
    if (distinct > Integer.MAX_VALUE - 8) {
      throw new IOException("Corrupt day histogram: " + distinct + " distinct values");
    }
    int size = (int) distinct;
    // Grow as entries arrive rather than trusting the declared size with one large allocation.
    DayHistogram histogram = new DayHistogram();
    long day = 0;
    for (int i = 0; i < size; i++) {
      long delta = readVarLong(in);
      if (i > 0 && delta == 0) {
        throw new IOException("Corrupt day histogram: values are not strictly ascending");
      }
      day += delta;
      if (day > Integer.MAX_VALUE) {
        throw new IOException("Corrupt day histogram: a day gap exceeds " + Integer.MAX_VALUE);
      }
      long count = readVarLong(in);
      if (count < 1) {
        throw new IOException("Corrupt day histogram: a count below 1");
      }
      try {
        histogram.add((int) day, count);
      } catch (ArithmeticException e) {
        throw new IOException("Corrupt day histogram: the total count overflows", e);
      }
    }
    return histogram;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DayHistogram)) {
      return false;
    }
    DayHistogram that = (DayHistogram) other;
    return size == that.size
        && total == that.total
        && Arrays.equals(days, 0, size, that.days, 0, that.size)
        && Arrays.equals(counts, 0, size, that.counts, 0, that.size);
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(total);
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + days[i];
      hash = 31 * hash + Long.hashCode(counts[i]);
    }
    return hash;
  }

  /** For example {@code DayHistogram{0×2, 5×1}}: each distinct gap and how often it occurs. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("DayHistogram{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(days[i]).append('×').append(counts[i]);
    }
    return text.append('}').toString();
  }

  private void insertAt(int index, int day, long count) {
    if (size == days.length) {
      int capacity = Math.max(INITIAL_CAPACITY, size + (size >> 1));
      days = Arrays.copyOf(days, capacity);
      counts = Arrays.copyOf(counts, capacity);
    }
    System.arraycopy(days, index, days, index + 1, size - index);
    System.arraycopy(counts, index, counts, index + 1, size - index);
    days[index] = day;
    counts[index] = count;
    size++;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    encode(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    DayHistogram decoded;
    try {
      decoded = decode(in);
    } catch (IOException e) {
      InvalidObjectException invalid = new InvalidObjectException(e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
    days = decoded.days;
    counts = decoded.counts;
    size = decoded.size;
    total = decoded.total;
  }

  private static void writeVarLong(DataOutput out, long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  private static long readVarLong(DataInput in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value < 0) {
          throw new IOException("Corrupt day histogram: a number is out of range");
        }
        return value;
      }
    }
    throw new IOException("Corrupt day histogram: a variable-length number is too long");
  }
}
