package org.offstats.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.offstats.domain.KeyNumbers;

/**
 * The cells one reader aggregated, per table (the force tables and the headline figures): the
 * reader adds every accepted record here, so that one element per extract crosses to the next
 * transform instead of one per record, or one per table. Exact: counts add, person sets and day
 * histograms merge.
 */
public final class PartialTables {
  private final Map<String, Map<List<String>, CellStats>> tables;
  /** This reader's numbering of person_ref values (never leaves the reader: only the numbers do). */
  private final KeyNumbers personNumbers = new KeyNumbers();

  public PartialTables() {
    this(new HashMap<>());
  }

  private PartialTables(Map<String, Map<List<String>, CellStats>> tables) {
    this.tables = tables;
  }

  /**
   * The number this reader gives a person_ref: 0, 1, 2... in order of first appearance, so the
   * same person is the same number in every cell of this reader's tables. Distinct persons are
   * counted from one extract (arrests), read by one reader.
   */
  public int person(String personRef) {
    return personNumbers.numberOf(personRef);
  }

  /** Starts fetching where {@code personRef} is numbered, for {@link #person} soon after ({@link KeyNumbers#prefetch}). */
  public void prefetchPerson(String personRef) {
    personNumbers.prefetch(personRef);
  }

  /** Makes room for about {@code persons} person_refs ({@link KeyNumbers#expect}). */
  public void expectPersons(int persons) {
    personNumbers.expect(persons);
  }

  private boolean countsPersons() {
    return tables.values().stream().flatMap(cells -> cells.values().stream()).anyMatch(CellStats::countsPersons);
  }

  /** One table's cell, made empty when it is not there yet. */
  public CellStats cell(String table, List<String> key) {
    return tables.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(key, k -> new CellStats());
  }

  /** A sink adding to one table's cells. */
  public CellSink table(String table) {
    Map<List<String>, CellStats> cells = tables.computeIfAbsent(table, t -> new HashMap<>());
    return (cell, contribution) -> cells.computeIfAbsent(cell, k -> new CellStats()).add(contribution);
  }

  /** One table's cells; empty when no record added to it. */
  public Map<List<String>, CellStats> cells(String table) {
    return tables.getOrDefault(table, Map.of());
  }

  /**
   * A new set of tables holding the exact merge of {@code partials}; the partials are not changed.
   * At most one of them may count persons: person numbers are per reader, so two readers' numbers
   * would count different people as one.
   */
  public static PartialTables merge(Iterable<PartialTables> partials) {
    Map<String, Map<List<String>, CellStats>> merged = new HashMap<>();
    requireOneReaderCountingPersons(partials);
    for (PartialTables partial : partials) {
      partial.tables.forEach((table, cells) -> {
        Map<List<String>, CellStats> into = merged.computeIfAbsent(table, t -> new HashMap<>());
        cells.forEach((cell, stats) -> into.computeIfAbsent(cell, k -> new CellStats()).merge(stats));
      });
    }
    return new PartialTables(merged);
  }

  /**
   * As {@link #merge}, for partials no one will use again, whose tables are the mutable maps a
   * reader builds (not decoded ones): their tables and cells become the merged tables' own, and
   * are changed, instead of being copied (a table only one reader counted moves whole; where
   * several did, the others' cells are merged into the first's). The same cells and statistics as
   * {@link #merge}, without copying a hundred thousand cells at the end of reading.
   */
  public static PartialTables mergeTaking(List<PartialTables> partials) {
    Map<String, Map<List<String>, CellStats>> merged = new HashMap<>();
    requireOneReaderCountingPersons(partials);
    for (PartialTables partial : partials) {
      partial.tables.forEach((table, cells) -> {
        Map<List<String>, CellStats> into = merged.putIfAbsent(table, cells);
        if (into != null) {
          cells.forEach((cell, stats) -> {
            CellStats known = into.putIfAbsent(cell, stats);
            if (known != null) {
              known.merge(stats);
            }
          });
        }
      });
    }
    return new PartialTables(merged);
  }

  private static void requireOneReaderCountingPersons(Iterable<PartialTables> partials) {
    int countingPersons = 0;
    for (PartialTables partial : partials) {
      if (partial.countsPersons() && ++countingPersons > 1) {
        throw new IllegalStateException("distinct persons from two readers cannot be merged: person numbers are per reader");
      }
    }
  }

  /** Coder: the tables in name order, each as a map of cells (cell order does not matter: never a key). */
  public static final class Coder extends AtomicCoder<PartialTables> {
    private static final Coder INSTANCE = new Coder();
    private static final MapCoder<String, Map<List<String>, CellStats>> TABLES = MapCoder.of(StringUtf8Coder.of(), AggregateCells.TABLE_CODER);

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PartialTables partials, OutputStream out) throws IOException {
      TABLES.encode(new TreeMap<>(partials.tables), out);
    }

    @Override
    public PartialTables decode(InputStream in) throws IOException {
      return new PartialTables(new HashMap<>(TABLES.decode(in)));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "cells are written in hash order; not for keys");
    }
  }
}
