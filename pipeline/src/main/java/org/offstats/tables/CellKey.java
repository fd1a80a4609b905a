package org.offstats.tables;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A cell's key values, as an unmodifiable list: what the tables give {@link CellSink#add}. Every
 * accepted record is added to a dozen or more cells, each found in a hash map, so the key keeps
 * its hash and compares with another key value by value, the same strings first by reference
 * (they mostly are: labels and reference data). It is a list like any other: equal to, and
 * hashing as, {@code List.of} of the same values.
 */
public final class CellKey extends AbstractList<String> implements RandomAccess {
  private final String[] values;
  private final int hash;

  private CellKey(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** The key of these values, in the table's key order; like {@code List.of}, no value may be null. */
  public static CellKey of(String... values) {
    for (String value : values) {
      Objects.requireNonNull(value, "a cell key value");
    }
    return new CellKey(values);
  }

  @Override
  public String get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof CellKey key)) {
      return super.equals(other);
    }
    if (key.hash != hash || key.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != key.values[i] && !values[i].equals(key.values[i])) {
        return false;
      }
    }
    return true;
  }
}
