package org.offstats.disclosure;

import it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue;
import it.unimi.dsi.fastutil.ints.IntPriorityQueue;
import java.util.Arrays;

/**
 * The partner classes {@link Protection} could move to balance one relation, each with its move,
 * its cost and how much it leaves to balance, in arrays reused from step to step. They come out
 * best first through a heap rather than a sort: a search tries only the first few, and a large
 * relation (a headline total, an All offences row) has thousands of partners.
 */
final class Candidates {
  private int[] classes = new int[16];
  private int[] moves = new int[16];
  private long[] costs = new long[16];
  private int[] opened = new int[16];
  /** The last ties' order: relations of the class in the high half, the class in the low half. */
  private long[] tieBreaks = new long[16];
  // the order's first two keys and the heap, filled by bestFirst
  private long[] firstKeys = new long[16];
  private long[] secondKeys = new long[16];
  private int[] heap = new int[16];
  private int size;

  void clear() {
    size = 0;
  }

  /**
   * Adds class {@code k} (in {@code relations} relations), to move to {@code move} at {@code cost},
   * leaving {@code opened} more to balance.
   */
  void add(int k, int move, long cost, int opened, int relations) {
    if (size == classes.length) {
      int capacity = 2 * size;
      classes = Arrays.copyOf(classes, capacity);
      moves = Arrays.copyOf(moves, capacity);
      costs = Arrays.copyOf(costs, capacity);
      this.opened = Arrays.copyOf(this.opened, capacity);
      tieBreaks = Arrays.copyOf(tieBreaks, capacity);
      firstKeys = new long[capacity];
      secondKeys = new long[capacity];
      heap = new int[capacity];
    }
    classes[size] = k;
    moves[size] = move;
    costs[size] = cost;
    this.opened[size] = opened;
    tieBreaks[size] = (long) relations << 32 | k;
    size++;
  }

  int size() {
    return size;
  }

  int k(int i) {
    return classes[i];
  }

  int move(int i) {
    return moves[i];
  }

  long cost(int i) {
    return costs[i];
  }

  int opened(int i) {
    return opened[i];
  }

  /**
   * The candidates' positions, to be dequeued best first: by cost plus {@code openCost} per unit
   * left to balance, then by what is left ({@code openCost} {@link Long#MAX_VALUE}: by what is left,
   * then by cost); ties go to the class in fewer relations, then the lower class. Valid until the
   * next {@link #add} or {@link #clear}.
   */
  IntPriorityQueue bestFirst(long openCost) {
    for (int i = 0; i < size; i++) {
      heap[i] = i;
      if (openCost == Long.MAX_VALUE) {
        firstKeys[i] = opened[i];
        secondKeys[i] = costs[i];
      } else {
        firstKeys[i] = costs[i] + openCost * opened[i];
        secondKeys[i] = opened[i];
      }
    }
    return new IntHeapPriorityQueue(heap, size, (a, b) -> {
      if (firstKeys[a] != firstKeys[b]) {
        return Long.compare(firstKeys[a], firstKeys[b]);
      }
      if (secondKeys[a] != secondKeys[b]) {
        return Long.compare(secondKeys[a], secondKeys[b]);
      }
      return Long.compare(tieBreaks[a], tieBreaks[b]);
    });
  }
}
