package org.offstats.tables;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.offstats.domain.DayHistogram;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact statistics of one cell: how many records, how many flagged, the distinct persons (an exact
 * set, since distinct counts do not add across cells), and the histogram of day gaps (exact
 * quantiles without keeping every value).
 *
 * <p>Persons are the numbers one reader gave each person_ref ({@link PartialTables#person}), held
 * in a compressed bitmap (RoaringBitmap): a few bytes per person rather than a string each, and an
 * exact union. Numbers from different readers are different people's: {@link PartialTables#merge}
 * refuses to mix them.
 */
public final class CellStats {
  private long count;
  private long flagged;
  /** Null until a record names a person: most tables count no persons, and a run holds many cells. */
  private RoaringBitmap persons;
  /** Null until a record has a day gap, as for {@link #persons}. */
  private DayHistogram days;

  public CellStats() {
    this(0, 0, null, null);
  }

  private CellStats(long count, long flagged, RoaringBitmap persons, DayHistogram days) {
    this.count = count;
    this.flagged = flagged;
    this.persons = persons;
    this.days = days;
  }

  public void add(Contribution c) {
    count += c.records();
    if (c.flagged()) {
      flagged++;
    }
    if (c.person() != Contribution.NO_PERSON) {
      if (persons == null) {
        persons = new RoaringBitmap();
      }
      persons.add(c.person());
    }
    if (c.days() != Contribution.NO_DAYS) {
      if (days == null) {
        days = new DayHistogram();
      }
      days.add(c.days());
    }
  }

  public CellStats merge(CellStats other) {
    count += other.count;
    flagged += other.flagged;
    if (other.persons != null) {
      if (persons == null) {
        persons = new RoaringBitmap();
      }
      persons.or(other.persons);
    }
    if (other.days != null) {
      if (days == null) {
        days = new DayHistogram();
      }
      days.merge(other.days);
    }
    return this;
  }

  public long count() {
    return count;
  }

  public long flagged() {
    return flagged;
  }

  public long distinctPersons() {
    return persons == null ? 0 : persons.getLongCardinality();
  }

  /** Whether any record of the cell named a person. */
  boolean countsPersons() {
    return persons != null && !persons.isEmpty();
  }

  /** The cell's day gaps, to read: a new empty histogram when it has none. */
  public DayHistogram days() {
    return days == null ? new DayHistogram() : days;
  }

  /** Coder for the accumulator; the persons in RoaringBitmap's own portable format. */
  public static final class Coder extends AtomicCoder<CellStats> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CellStats stats, OutputStream out) throws IOException {
      VarLongCoder.of().encode(stats.count, out);
      VarLongCoder.of().encode(stats.flagged, out);
      DataOutputStream data = new DataOutputStream(out);
      (stats.persons == null ? new RoaringBitmap() : stats.persons).serialize(data);
      (stats.days == null ? new DayHistogram() : stats.days).encode(data);
      data.flush();
    }

    @Override
    public CellStats decode(InputStream in) throws IOException {
      long count = VarLongCoder.of().decode(in);
      long flagged = VarLongCoder.of().decode(in);
      DataInputStream data = new DataInputStream(in);
      RoaringBitmap persons = new RoaringBitmap();
      persons.deserialize(data);
      DayHistogram days = DayHistogram.decode(data);
      return new CellStats(count, flagged, persons, days);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "a bitmap's containers depend on how it was built; not for keys");
    }
  }
}
