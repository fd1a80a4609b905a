package org.offstats.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.offstats.domain.CodePointOrder;

/**
 * A rejected record as it goes to {@code restricted/rejects/<extract>.csv}: the input file's path
 * relative to the input folder, the line where the record starts, one reason, a message (never an
 * identifier value) and the raw record.
 */
public record RejectedRow(String extract, String file, long line, ReasonCode reason, String message, String raw) {

  /** Rejects files sort by (file, line), file paths by code point. */
  public static final Comparator<RejectedRow> FILE_AND_LINE =
      Comparator.comparing(RejectedRow::file, CodePointOrder.COMPARATOR).thenComparingLong(RejectedRow::line);

  /** Deterministic coder for rejects. */
  public static final class Coder extends AtomicCoder<RejectedRow> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RejectedRow row, OutputStream out) throws IOException {
      STRING.encode(row.extract, out);
      STRING.encode(row.file, out);
      VarLongCoder.of().encode(row.line, out);
      STRING.encode(row.reason.name(), out);
      STRING.encode(row.message, out);
      STRING.encode(row.raw, out);
    }

    @Override
    public RejectedRow decode(InputStream in) throws IOException {
      return new RejectedRow(
          STRING.decode(in),
          STRING.decode(in),
          VarLongCoder.of().decode(in),
          ReasonCode.valueOf(STRING.decode(in)),
          STRING.decode(in),
          STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
