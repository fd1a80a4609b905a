package org.offstats.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A record that passed every rule that can be judged on its own, awaiting the as-at bound and the
 * duplicate-key rule.
 *
 * @param fileIndex the file's place in file order, which with {@code line} decides first
 *     occurrences
 * @param values the record's values in the contract's canonical column order, defaults applied
 * @param latestDate the latest as-at-bounded date in the record (epoch day), or Long.MIN_VALUE
 */
public record CheckedRow(
    String extract, int fileIndex, String file, long line, String[] values, String raw, long latestDate) {

  /** Orders rows by file order, then line: the first occurrence comes first. */
  public static int compareByPosition(CheckedRow a, CheckedRow b) {
    int byFile = Integer.compare(a.fileIndex, b.fileIndex);
    return byFile != 0 ? byFile : Long.compare(a.line, b.line);
  }

  /** The row without its raw text, which only a reject needs. */
  public CheckedRow withoutRaw() {
    return new CheckedRow(extract, fileIndex, file, line, values, "", latestDate);
  }

  public RejectedRow reject(ReasonCode reason, String message) {
    return new RejectedRow(extract, file, line, reason, message, raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckedRow other
        && extract.equals(other.extract)
        && fileIndex == other.fileIndex
        && line == other.line
        && Arrays.equals(values, other.values)
        && raw.equals(other.raw)
        && latestDate == other.latestDate;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * fileIndex + Long.hashCode(line)) + Arrays.hashCode(values);
  }

  /** A compact, deterministic coder (every row crosses at least two transforms). */
  public static final class Coder extends AtomicCoder<CheckedRow> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CheckedRow row, OutputStream out) throws IOException {
      STRING.encode(row.extract, out);
      VarIntCoder.of().encode(row.fileIndex, out);
      STRING.encode(row.file, out);
      VarLongCoder.of().encode(row.line, out);
      VarIntCoder.of().encode(row.values.length, out);
      for (String value : row.values) {
        STRING.encode(value, out);
      }
      STRING.encode(row.raw, out);
      VarLongCoder.of().encode(row.latestDate, out);
    }

    @Override
    public CheckedRow decode(InputStream in) throws IOException {
      String extract = STRING.decode(in);
      int fileIndex = VarIntCoder.of().decode(in);
      String file = STRING.decode(in);
      long line = VarLongCoder.of().decode(in);
      String[] values = new String[VarIntCoder.of().decode(in)];
      for (int i = 0; i < values.length; i++) {
        values[i] = STRING.decode(in);
      }
      return new CheckedRow(extract, fileIndex, file, line, values, STRING.decode(in), VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
