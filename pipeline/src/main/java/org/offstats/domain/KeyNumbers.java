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
 * runs, and a pointer to follow for every slot a look-up probes. Here the characters of every key
 * sit one after another in large {@code char} arrays, and each slot of the open-addressing table
 * (linear probing, at most half full) holds the key's hash beside its number, so a probe compares
 * two numbers and looks at characters only when the hashes agree. Equal keys are told by their
 * characters, never by hash alone.
 */
public final class KeyNumbers {
  /** Characters per storage chunk; a longer key gets a chunk of its own. */
  static final int CHUNK_CHARS = 1 << 20;

  private final List<char[]> chunks = new ArrayList<>();
  private char[] chunk = new char[0];
  private int chunkUsed;

  /** Per key number: where its characters start (chunk index in the high half, offset in the low) and how many. */
  private long[] starts = new long[1024];
  private int[] lengths = new int[1024];
  private int size;

  /** Open addressing: (hash << 32) | (number + 1), or 0 for an empty slot. */
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
      grow();
    }
    return number;
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
      if (slot == 0 || ((int) (slot >>> 32) == hash && sameKey((int) slot - 1, key))) {
        return i;
      }
    }
  }

  /** The key that has {@code number}. */
  public String key(int number) {
    if (number < 0 || number >= size) {
      throw new IndexOutOfBoundsException("no key has number " + number + " (there are " + size + ")");
    }
    long start = starts[number];
    return new String(chunks.get((int) (start >>> 32)), (int) start, lengths[number]);
  }

  private int store(String key) {
    int length = key.length();
    if (length > chunk.length - chunkUsed) {
      chunk = new char[Math.max(CHUNK_CHARS, length)];
      chunks.add(chunk);
      chunkUsed = 0;
    }
    key.getChars(0, length, chunk, chunkUsed);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
    starts[size] = ((long) (chunks.size() - 1) << 32) | chunkUsed;
    lengths[size] = length;
    chunkUsed += length;
    return size++;
  }

  private boolean sameKey(int number, String key) {
    int length = lengths[number];
    if (length != key.length()) {
      return false;
    }
    long start = starts[number];
    char[] characters = chunks.get((int) (start >>> 32));
    int offset = (int) start;
    for (int i = 0; i < length; i++) {
      if (characters[offset + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
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
