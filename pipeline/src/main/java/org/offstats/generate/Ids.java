package org.offstats.generate;

/**
 * Pseudonymised-looking identifiers for synthetic records: a letter and a fixed number of hex
 * digits, made by a keyed bijection of the record's sequence number. Because the mapping is a
 * permutation of the n-bit numbers, two sequence numbers never give the same identifier, so no set
 * of issued identifiers has to be kept, and the digits look random without being real keys.
 */
final class Ids {
  /** Sequence numbers from here up are for planned bad rows, apart from every clean record. */
  static final long BAD_ROW_BASE = 1L << 34;

  /** Sequence numbers from here up are for arrests outside the extract (older than its window). */
  static final long EARLIER_ARREST_BASE = 1L << 33;

  private static final int ARREST_BITS = 40;
  private static final int PERSON_BITS = 48;
  private static final int CRIME_BITS = 40;
  private static final int ORDER_BITS = 36;

  private final long arrestKey;
  private final long personKey;
  private final long crimeKey;
  private final long orderKey;

  Ids(long seed) {
    this.arrestKey = Rngs.mix(seed, 0xA11E57L);
    this.personKey = Rngs.mix(seed, 0x9E750L);
    this.crimeKey = Rngs.mix(seed, 0xC1213EL);
    this.orderKey = Rngs.mix(seed, 0x0D3E2L);
  }

  String arrestId(long sequence) {
    return format('A', permute(sequence, arrestKey, ARREST_BITS), ARREST_BITS / 4);
  }

  String personRef(long sequence) {
    return format('P', permute(sequence, personKey, PERSON_BITS), PERSON_BITS / 4);
  }

  String crimeRef(long sequence) {
    return format('C', permute(sequence, crimeKey, CRIME_BITS), CRIME_BITS / 4);
  }

  String orderRef(long sequence) {
    return format('O', permute(sequence, orderKey, ORDER_BITS), ORDER_BITS / 4);
  }

  /**
   * A bijection of the {@code bits}-bit numbers: each step (xor or add a constant, multiply by an
   * odd number, xor with a right shift of itself) is invertible modulo 2^bits.
   */
  static long permute(long value, long key, int bits) {
    long mask = (1L << bits) - 1;
    if ((value & ~mask) != 0) {
      throw new IllegalArgumentException("sequence number out of range: " + value);
    }
    int half = bits / 2;
    long x = value;
    for (int round = 0; round < 3; round++) {
      x = (x ^ (key >>> (round * 7))) & mask;
      x = (x * 0x9E3779B97F4A7C15L) & mask;
      x ^= x >>> half;
      x = (x + (key >>> (round * 11 + 3))) & mask;
      x = (x * 0xBF58476D1CE4E5B9L) & mask;
      x ^= x >>> (half - 3);
    }
    return x;
  }

  private static String format(char prefix, long value, int digits) {
    char[] out = new char[digits + 1];
    out[0] = prefix;
    for (int i = digits; i >= 1; i--) {
      out[i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
    return new String(out);
  }
}
