package org.offstats.tables;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.offstats.domain.DayHistogram;

/**
 * Exact statistics of one cell: how many records, how many flagged, the distinct persons (an exact
 * set, since distinct counts do not add across cells), and the histogram of day gaps (exact
 * quantiles without keeping every value).
 */
public final class CellStats {
  private long count;
  private long flagged;
  private final Set<String> persons;
  private final DayHistogram days;

  public CellStats() {
    this(0, 0, new HashSet<>(), new DayHistogram());
  }

  private CellStats(long count, long flagged, Set<String> persons, DayHistogram days) {
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
    if (c.person() != null) {
      persons.add(c.person());
    }
    if (c.days() != Contribution.NO_DAYS) {
      days.add(c.days());
    }
  }

  public CellStats merge(CellStats other) {
    count += other.count;
    flagged += other.flagged;
    persons.addAll(other.persons);
    days.merge(other.days);
    return this;
  }

  public long count() {
    return count;
  }

  public long flagged() {
    return flagged;
  }

  public long distinctPersons() {
    return persons.size();
  }

  public DayHistogram days() {
    return days;
  }

  /**
   * Coder for the accumulator. It is never used for a key, so the persons need no canonical order
   * (sorting them on every encode was a large share of a run's time).
   */
  public static final class Coder extends AtomicCoder<CellStats> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CellStats stats, OutputStream out) throws IOException {
      VarLongCoder.of().encode(stats.count, out);
      VarLongCoder.of().encode(stats.flagged, out);
      VarIntCoder.of().encode(stats.persons.size(), out);
      for (String person : stats.persons) {
        StringUtf8Coder.of().encode(person, out);
      }
      DataOutputStream data = new DataOutputStream(out);
      stats.days.encode(data);
      data.flush();
    }

    @Override
    public CellStats decode(InputStream in) throws IOException {
      long count = VarLongCoder.of().decode(in);
      long flagged = VarLongCoder.of().decode(in);
      int personCount = VarIntCoder.of().decode(in);
      Set<String> persons = new HashSet<>();
      for (int i = 0; i < personCount; i++) {
        persons.add(StringUtf8Coder.of().decode(in));
      }
      DayHistogram days = DayHistogram.decode(new DataInputStream(in));
      return new CellStats(count, flagged, persons, days);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "person sets are written in hash order; not for keys");
    }
  }
}
