package org.offstats.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers distinct strings 0, 1, 2... in order of first appearance, exactly: the keys a reader has
 * accepted (for the duplicate rule) and the persons it has met (for distinct counts), millions of
 * short strings per extract.
 *
 * <p>Written by hand because a general hash map keeps a {@code String} object per key (two with its
 * characters): millions of objects the garbage collector copies again and again while the reader
 * runs, and a pointer to follow for every slot a look-up probes. Here every key is stored once, one
 * after another in byte chunks small enough not to be "humongous" to the G1 collector: its length,
 * then its characters as Latin-1 bytes, or as UTF-16 when it has a character beyond Latin-1.
 *
 * <p>The table is open addressing (linear probing, at most half full); each slot holds the key's
 * hash beside its number, so a probe compares two numbers and looks at the stored key only when the
 * hashes agree. With millions of keys every look-up is a cache miss: a new key (most look-ups: the
 * keys of an extract are mostly distinct) costs one, in the table; a known key two more, where it
 * is stored and the key itself. Equal keys are told by their characters, never by hash alone.
 * Give the expected number of keys when it is known: growing rehashes every key.
 */
public final class KeyNumbers {
  /**
   * Bytes per storage chunk: as many Latin-1 characters (a key beyond Latin-1 takes two bytes per
   * character). A key longer than a chunk gets a chunk of its own.
   */
  static final int CHUNK_CHARS = 1 << 18;

  /**
   * How many keys a caller prefetches ({@link #prefetch}) before looking them up: enough for their
   * cache misses to overlap, few enough that the fetched slots are still cached when looked up.
   */
  public static final int PREFETCH_GROUP = 32;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk = new byte[0];
  private int chunkUsed;

  /** Per key number, where it is stored: chunk index in the high half, offset in the low. */
  private long[] starts = new long[1024];
  private int size;
  /** What {@link #prefetch} read: kept so that the read is not left out as unused. */
  private long fetched;

  /** Open addressing: {@code (hash << 32) | (number + 1)}, or 0 for an empty slot. */
  private long[] slots = new long[2048];

  /** How many distinct keys have a number. */
  public int size() {
    return size;
  }

  /** The number of {@code key}, giving it the next number if it has none yet. */
  public int numberOf(String key) {
    int hash = mix(key.hashCode());
    int i = slotOf(key, hash);
    if (slots[i] != 0) {
      return (int) slots[i] - 1;
    }
    int number = store(key);
    slots[i] = ((long) hash << 32) | (number + 1L);
    if (2L * size > slots.length) {
      rehash(2 * slots.length);
    }
    return number;
  }

  /**
   * Makes room for {@code keys} keys in all (an estimate: more still fit), so that the table need
   * not grow again on the way there.
   */
  public void expect(int keys) {
    int wanted = Math.min(Math.max(keys, 0), 1 << 29);
    if (2L * wanted > slots.length) {
      rehash(Integer.highestOneBit(2 * wanted - 1) * 2);
    }
    if (wanted > starts.length) {
      starts = Arrays.copyOf(starts, wanted);
    }
  }

  /**
   * Reads the part of the table where {@code key} is or would go, for a look-up of it soon after;
   * changes nothing. With millions of keys each look-up is a cache miss: prefetching a few keys one
   * after another lets the processor wait for their misses together instead of one by one.
   */
  public void prefetch(String key) {
    fetched += slots[mix(key.hashCode()) & (slots.length - 1)];
  }

  /** The number of {@code key}, or -1 if it has none. */
  public int find(String key) {
    int i = slotOf(key, mix(key.hashCode()));
    return slots[i] == 0 ? -1 : (int) slots[i] - 1;
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slotOf(String key, int hash) {
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0 || ((int) (slot >>> 32) == hash && sameKey(starts[(int) slot - 1], key))) {
        return i;
      }
    }
  }

  /** The key that has {@code number}. */
  public String key(int number) {
    if (number < 0 || number >= size) {
      throw new IndexOutOfBoundsException("no key has number " + number + " (there are " + size + ")");
    }
    byte[] bytes = chunks.get((int) (starts[number] >>> 32));
    int at = (int) starts[number];
    int header = readHeader(bytes, at);
    at += headerBytes(header);
    int length = header >>> 1;
    if ((header & 1) == 0) {
      char[] characters = new char[length];
      for (int i = 0; i < length; i++) {
        characters[i] = (char) (bytes[at + i] & 0xFF);
      }
      return new String(characters);
    }
    char[] characters = new char[length];
    for (int i = 0; i < length; i++) {
      characters[i] = (char) (((bytes[at + 2 * i] & 0xFF) << 8) | (bytes[at + 2 * i + 1] & 0xFF));
    }
    return new String(characters);
  }

  /** Stores {@code key} after the keys before it, with the next number; returns the number. */
  private int store(String key) {
    int length = key.length();
    boolean latin1 = isLatin1(key);
    int header = (length << 1) | (latin1 ? 0 : 1);
    int needed = headerBytes(header) + (latin1 ? length : 2 * length);
    if (needed > chunk.length - chunkUsed) {
      chunk = new byte[Math.max(CHUNK_CHARS, needed)];
      chunks.add(chunk);
      chunkUsed = 0;
    }
    long start = ((long) (chunks.size() - 1) << 32) | chunkUsed;
    int at = writeHeader(chunk, chunkUsed, header);
    if (latin1) {
      for (int i = 0; i < length; i++) {
        chunk[at + i] = (byte) key.charAt(i);
      }
    } else {
      for (int i = 0; i < length; i++) {
        char c = key.charAt(i);
        chunk[at + 2 * i] = (byte) (c >>> 8);
        chunk[at + 2 * i + 1] = (byte) c;
      }
    }
    chunkUsed += needed;
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
    }
    starts[size] = start;
    return size++;
  }

  /** Whether the key stored at {@code start} is {@code key}: same length, same form, same characters. */
  private boolean sameKey(long start, String key) {
    byte[] bytes = chunks.get((int) (start >>> 32));
    int at = (int) start;
    int header = readHeader(bytes, at);
    int length = key.length();
    if (header >>> 1 != length) {
      return false;
    }
    at += headerBytes(header);
    if ((header & 1) == 0) {
      for (int i = 0; i < length; i++) {
        if ((char) (bytes[at + i] & 0xFF) != key.charAt(i)) {
          return false; // a key beyond Latin-1 differs here too: it is never stored as Latin-1
        }
      }
      return true;
    }
    for (int i = 0; i < length; i++) {
      char stored = (char) (((bytes[at + 2 * i] & 0xFF) << 8) | (bytes[at + 2 * i + 1] & 0xFF));
      if (stored != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLatin1(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** The header (length and form) takes one byte for keys under 64 characters, else four. */
  private static int headerBytes(int header) {
    return header < 0x80 ? 1 : 4;
  }

  private static int writeHeader(byte[] bytes, int at, int header) {
    if (header < 0x80) {
      bytes[at] = (byte) header;
      return at + 1;
    }
    bytes[at] = (byte) (0x80 | (header >>> 24));
    bytes[at + 1] = (byte) (header >>> 16);
    bytes[at + 2] = (byte) (header >>> 8);
    bytes[at + 3] = (byte) header;
    return at + 4;
  }

  private static int readHeader(byte[] bytes, int at) {
    int first = bytes[at] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    return ((first & 0x7F) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
  }

  /** Moves every key to a table of {@code length} slots (a power of two). */
  private void rehash(int length) {
    long[] old = slots;
    slots = new long[length];
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
  }

  /** Spreads the bits of {@code String.hashCode}, whose low bits alone cluster on similar keys. */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
