package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of {@link CsvRecordReader} on hostile input (issue 8; EXTRACTS.md "Reading"): random
 * bytes, token soups of quotes, line ends, NUL, BOM and invalid UTF-8 sequences, truncated and
 * corrupted well-formed files, very long fields, gzip.
 *
 * <ul>
 *   <li>Reading never throws anything but an {@link InputException} with a one-line message naming
 *       the file, and never echoes record content in it.
 *   <li>A file that is not valid UTF-8 is always fatal.
 *   <li>When reading succeeds, every physical line of the file belongs to exactly one record or is
 *       an empty line, in order: the records' raw texts and the empty lines, joined by their line
 *       ends, are the file.
 *   <li>Well-formed CSV written with RFC 4180 quoting and random {@code \n}/{@code \r\n} line ends
 *       reads back as the records written: same fields, raw texts, start lines and empty lines.
 *   <li>A truncated file keeps every complete record; a cut inside a quoted field or a UTF-8
 *       sequence is fatal, naming the line where the quote opened.
 * </ul>
 *
 * <p>Expected values come from the generators (what was written, where), never from the reader.
 */
class CsvRecordReaderPropertiesTest {

  static final String FILE = "t.csv";

  /** Text that stands for an identifier in the inputs: it must never appear in a message. */
  static final String MARKER = "PX\u01C2417";

  /** What one file read to the end gave. */
  record Read(List<CsvRecordReader.Record> records, List<Long> blankLines) {}

  static Read readAll(byte[] bytes, boolean gzipped) {
    return readAll(new ByteArrayInputStream(bytes), gzipped);
  }

  static Read readAll(java.io.InputStream in, boolean gzipped) {
    try (CsvRecordReader reader = new CsvRecordReader(in, FILE, gzipped)) {
      List<CsvRecordReader.Record> records = new ArrayList<>();
      for (CsvRecordReader.Record r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
      return new Read(records, reader.blankLines());
    } catch (IOException e) {
      // an in-memory stream has no I/O errors of its own: any IOException is the reader's leak
      throw new AssertionError("the reader let an IOException out instead of an InputException", e);
    }
  }

  /**
   * Reads, adding the records to {@code result}, and returns the InputException if there is one;
   * anything else thrown fails the property.
   */
  static Optional<InputException> outcome(byte[] bytes, boolean gzipped, List<Read> result) {
    return outcomeOf(() -> readAll(bytes, gzipped), result);
  }

  /** The kind of problem a message names, for jqwik's statistics of what the inputs exercised. */
  static String problem(InputException e) {
    String message = e.getMessage();
    for (String kind : List.of("UTF-8", "still open", "carriage return", "malformed CSV quoting", "longer than", "gzip")) {
      if (message.contains(kind)) {
        return kind;
      }
    }
    return message;
  }

  static void assertOneLineNamingTheFile(InputException e) {
    String message = e.getMessage();
    assertThat(message).as("message").isNotBlank().doesNotContain("\n").doesNotContain("\r");
    assertThat(message).as("message names the file").startsWith(FILE);
    assertThat(message).as("message must not echo record content").doesNotContain(MARKER);
  }

  /** The file's text, strictly decoded, without a leading byte-order mark; empty if not UTF-8. */
  static Optional<String> strictText(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Every physical line is in exactly one record or is an empty line, in order, with each record
   * starting on the line after the previous one ended. A lone CR as the very last character of the
   * file is taken as the end of a CRLF cut short.
   */
  static void assertEveryLineAccountedFor(String text, Read read) {
    record Item(long line, String raw) {}
    List<Item> items = new ArrayList<>();
    read.records().forEach(r -> items.add(new Item(r.line(), r.raw())));
    read.blankLines().forEach(l -> items.add(new Item(l, "")));
    items.sort((a, b) -> Long.compare(a.line(), b.line()));
    read.records().forEach(r -> assertThat(r.raw()).as("a record is never an empty line").isNotEmpty());
    int pos = 0;
    long line = 1;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      String where = "item " + i + " of " + items.size() + " (" + item + ") at char " + pos;
      assertThat(item.line()).as("start line of " + where).isEqualTo(line);
      assertThat(text.startsWith(item.raw(), pos)).as("raw text of " + where + " is the file's text there").isTrue();
      pos += item.raw().length();
      line += item.raw().chars().filter(c -> c == '\n').count() + 1;
      if (text.startsWith("\r\n", pos)) {
        pos += 2;
      } else if (text.startsWith("\n", pos)) {
        pos += 1;
      } else if (pos == text.length() - 1 && text.charAt(pos) == '\r') {
        pos += 1;
      } else {
        assertThat(pos).as("only the last item may end without a line end: " + where).isEqualTo(text.length());
      }
    }
    assertThat(pos).as("the records and empty lines cover the whole file").isEqualTo(text.length());
  }

  // ------------------------------------------------------------------ hostile bytes

  /** Pieces of hostile CSV: structure, control characters, multi-byte text and broken UTF-8. */
  @Provide
  Arbitrary<byte[]> token() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of("a", "Z9", " ", "-", "\t", MARKER).map(CsvRecordReaderPropertiesTest::utf8)),
        Tuple.of(10, Arbitraries.of(",", "\"", "\"\"", "\n", "\r\n", "\r").map(CsvRecordReaderPropertiesTest::utf8)),
        Tuple.of(4, Arbitraries.of("\u0000", "\uFEFF", "\u00E9", "\u20AC", "\uD83D\uDE00", "\u2028").map(CsvRecordReaderPropertiesTest::utf8)),
        Tuple.of(1, Arbitraries.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            new byte[] {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})), // beyond U+10FFFF
        Tuple.of(1, Arbitraries.integers().between(1000, 70_000).map(n -> utf8("x".repeat(n)))));
  }

  @Provide
  Arbitrary<byte[]> hostileBytes() {
    Arbitrary<byte[]> soup = token().list().ofMaxSize(100).map(CsvRecordReaderPropertiesTest::concat);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
        Tuple.of(5, soup),
        Tuple.of(3, wellFormed().flatMap(w -> corrupted(w.bytes()))),
        Tuple.of(2, wellFormed().flatMap(w -> Arbitraries.integers().between(0, w.bytes().length)
            .map(cut -> Arrays.copyOf(w.bytes(), cut)))));
  }

  /** A well-formed file with one damage: a hostile token inserted, a byte dropped, or a slice repeated. */
  Arbitrary<byte[]> corrupted(byte[] bytes) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, bytes.length);
    Arbitrary<byte[]> inserted = Combinators.combine(at, token()).as((i, t) -> concat(List.of(Arrays.copyOf(bytes, i), t, Arrays.copyOfRange(bytes, i, bytes.length))));
    Arbitrary<byte[]> dropped = bytes.length == 0 ? Arbitraries.just(bytes) : Arbitraries.integers().between(0, bytes.length - 1)
        .map(i -> concat(List.of(Arrays.copyOf(bytes, i), Arrays.copyOfRange(bytes, i + 1, bytes.length))));
    Arbitrary<byte[]> repeated = Combinators.combine(at, at).as((i, j) -> {
      int from = Math.min(i, j);
      int to = Math.max(i, j);
      return concat(List.of(Arrays.copyOf(bytes, to), Arrays.copyOfRange(bytes, from, bytes.length)));
    });
    return Arbitraries.oneOf(inserted, dropped, repeated);
  }

  @Property(tries = 400)
  void readingEndsInRecordsOrAnInputExceptionAndAccountsForEveryLine(@ForAll("hostileBytes") byte[] bytes) {
    List<Read> result = new ArrayList<>();
    Optional<InputException> failure = outcome(bytes, false, result);
    Optional<String> text = strictText(bytes);
    Statistics.collect(failure.map(CsvRecordReaderPropertiesTest::problem).orElse("read"));
    if (text.isEmpty()) {
      // the first problem found is reported: it may be a quoting one before the bad bytes
      assertThat(failure).as("a file that is not UTF-8 is fatal (EXTRACTS.md: UTF-8)").isPresent();
      return;
    }
    if (failure.isEmpty()) {
      assertEveryLineAccountedFor(text.get(), result.get(0));
    }
  }

  @Property(tries = 60)
  void gzipOfAnyBytesIsReadOrRefused(@ForAll("hostileBytes") byte[] bytes, @ForAll @IntRange(min = 0, max = 100) int cutPercent) {
    byte[] gz = gzip(bytes);
    List<Read> plain = new ArrayList<>();
    List<Read> zipped = new ArrayList<>();
    Optional<InputException> plainFailure = outcome(bytes, false, plain);
    Optional<InputException> zippedFailure = outcome(gz, true, zipped);
    assertThat(zippedFailure.isPresent()).as("gzip changes nothing: %s / %s", plainFailure, zippedFailure).isEqualTo(plainFailure.isPresent());
    if (plainFailure.isEmpty()) {
      assertSameRecords(zipped.get(0), plain.get(0));
    }
    // any strict prefix of a gzip stream is corrupt, whatever it holds: the reader must say so
    int cut = (int) ((long) (gz.length - 1) * cutPercent / 100);
    List<Read> truncated = new ArrayList<>();
    assertThat(outcome(Arrays.copyOf(gz, cut), true, truncated)).as("a truncated gzip file is fatal").isPresent();
    // and plain bytes handed over as gzip are not read as CSV
    if (bytes.length > 0 && (bytes[0] != (byte) 0x1f)) {
      assertThat(outcome(bytes, true, new ArrayList<>())).as("bytes that are not gzip").isPresent();
    }
  }

  /**
   * The same bytes arriving one at a time (a pipe, a slow disk) read the same: no record boundary
   * may depend on where the parser's buffers happen to end.
   */
  @Property(tries = 150)
  void bytesArrivingOneAtATimeReadTheSame(@ForAll("hostileBytes") byte[] bytes) {
    List<Read> whole = new ArrayList<>();
    List<Read> trickled = new ArrayList<>();
    Optional<InputException> wholeFailure = outcome(bytes, false, whole);
    Optional<InputException> trickledFailure = outcomeOf(() -> readAll(new Trickle(bytes), false), trickled);
    assertThat(trickledFailure.isPresent()).as("fails either way: %s / %s", wholeFailure, trickledFailure).isEqualTo(wholeFailure.isPresent());
    if (strictText(bytes).isPresent() && wholeFailure.isPresent()) {
      // (the UTF-8 decoder reads ahead by as much as it is given, so only its errors may come sooner)
      assertThat(trickledFailure.get().getMessage()).as("the same message").isEqualTo(wholeFailure.get().getMessage());
    }
    if (wholeFailure.isEmpty()) {
      assertSameRecords(trickled.get(0), whole.get(0));
    }
  }

  /** An input stream that hands over one byte per read and never claims more are available. */
  static final class Trickle extends java.io.InputStream {
    private final byte[] bytes;
    private int next;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return next < bytes.length ? bytes[next++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      int b = read();
      if (b < 0) {
        return -1;
      }
      buffer[offset] = (byte) b;
      return 1;
    }

    @Override
    public int available() {
      return 0;
    }
  }

  static Optional<InputException> outcomeOf(java.util.function.Supplier<Read> read, List<Read> result) {
    try {
      result.add(read.get());
      return Optional.empty();
    } catch (InputException e) {
      assertOneLineNamingTheFile(e);
      return Optional.of(e);
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError("reading threw " + e + " instead of an InputException", e);
    }
  }

  static void assertSameRecords(Read actual, Read expected) {
    assertThat(actual.blankLines()).isEqualTo(expected.blankLines());
    assertThat(actual.records()).hasSameSizeAs(expected.records());
    for (int i = 0; i < expected.records().size(); i++) {
      CsvRecordReader.Record a = actual.records().get(i);
      CsvRecordReader.Record e = expected.records().get(i);
      assertThat(a.line()).isEqualTo(e.line());
      assertThat(a.raw()).isEqualTo(e.raw());
      assertThat(a.fields()).containsExactly(e.fields());
    }
  }

  // ------------------------------------------------------------------ well-formed CSV

  /**
   * A file written by the test: its bytes, and for each record the fields, the raw text between
   * line ends, the start line and the byte offsets of its quoted fields.
   */
  record Written(byte[] bytes, List<WrittenRecord> records, List<Long> blankLines) {
    @Override
    public String toString() {
      return "Written[" + visible(new String(bytes, StandardCharsets.UTF_8)) + ", records at lines "
          + records.stream().map(WrittenRecord::line).toList() + ", empty lines " + blankLines + "]";
    }
  }

  record WrittenRecord(List<String> fields, String raw, long line, int startByte, int endByte, List<int[]> quotedFieldBytes) {}

  /** Control characters made visible, for the samples jqwik reports. */
  static String visible(String text) {
    String shown = text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0").replace("\uFEFF", "\\uFEFF");
    return shown.length() > 600 ? shown.substring(0, 600) + "...(" + text.length() + " chars)" : shown;
  }

  /** One field: its value and whether the writer quotes it even when RFC 4180 does not need it. */
  record Field(String value, boolean quoteAnyway) {}

  @Provide
  Arbitrary<Field> field() {
    Arbitrary<String> atoms =
        Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of("a", "Z", "0", "9", " ", "-", "\t", MARKER)),
                Tuple.of(8, Arbitraries.of(",", "\"", "\n", "\r", "\r\n")),
                Tuple.of(3, Arbitraries.of("\u0000", "\u00E9", "\u20AC", "\uD83D\uDE00", "\uFEFF", "\u2028")))
            .list()
            .ofMaxSize(12)
            .map(list -> String.join("", list));
    Arbitrary<String> long_ = Arbitraries.integers().between(3_000, 140_000).map(n -> "y".repeat(n / 2) + "\"\r\n," + "z".repeat(n / 2));
    Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(60, atoms), Tuple.of(1, long_));
    return Combinators.combine(value, Arbitraries.of(false, false, false, true)).as(Field::new);
  }

  /** A record, the line end after it, and the empty lines that follow it (each with its line end). */
  record Planned(List<Field> fields, String lineEnd, List<String> blankLinesAfter) {}

  @Provide
  Arbitrary<Written> wellFormed() {
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n");
    Arbitrary<List<String>> blanks = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(List.<String>of())), Tuple.of(1, lineEnd.list().ofMinSize(1).ofMaxSize(2)));
    Arbitrary<Planned> record = Combinators.combine(field().list().ofMinSize(1).ofMaxSize(6), lineEnd, blanks).as(Planned::new);
    return Combinators.combine(
            record.list().ofMaxSize(25), Arbitraries.of(true, false), Arbitraries.of(true, false), blanks)
        .as(CsvRecordReaderPropertiesTest::write);
  }

  /** Writes the records with RFC 4180 quoting; the expected lines are counted while writing. */
  static Written write(List<Planned> planned, boolean bom, boolean lastLineEnd, List<String> leadingBlanks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<WrittenRecord> records = new ArrayList<>();
    List<Long> blankLines = new ArrayList<>();
    long line = 1;
    if (bom) {
      out.writeBytes(utf8("\uFEFF"));
    }
    for (String end : leadingBlanks) {
      blankLines.add(line++);
      out.writeBytes(utf8(end));
    }
    for (int r = 0; r < planned.size(); r++) {
      Planned p = planned.get(r);
      boolean last = r == planned.size() - 1;
      StringBuilder raw = new StringBuilder();
      List<int[]> quoted = new ArrayList<>();
      int start = out.size();
      for (int f = 0; f < p.fields().size(); f++) {
        String value = p.fields().get(f).value();
        if (f > 0) {
          raw.append(',');
        }
        boolean quote =
            p.fields().get(f).quoteAnyway()
                || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                // a lone empty field unquoted would be an empty line, which is not a record
                || (value.isEmpty() && p.fields().size() == 1)
                // unquoted, a leading U+FEFF at the start of the file would be taken for a BOM
                || value.startsWith("\uFEFF");
        if (quote) {
          int at = start + utf8(raw.toString()).length;
          String text = "\"" + value.replace("\"", "\"\"") + "\"";
          raw.append(text);
          quoted.add(new int[] {at, at + utf8(text).length});
        } else {
          raw.append(value);
        }
      }
      out.writeBytes(utf8(raw.toString()));
      records.add(new WrittenRecord(p.fields().stream().map(Field::value).toList(), raw.toString(), line, start, out.size(), quoted));
      line += raw.chars().filter(c -> c == '\n').count() + 1;
      if (!last || lastLineEnd) {
        out.writeBytes(utf8(p.lineEnd()));
        for (String end : p.blankLinesAfter()) {
          blankLines.add(line++);
          out.writeBytes(utf8(end));
        }
      }
    }
    return new Written(out.toByteArray(), records, blankLines);
  }

  @Property(tries = 200)
  void wellFormedCsvReadsBackAsWritten(@ForAll("wellFormed") Written written) {
    Read read = readAll(written.bytes(), false);
    assertThat(read.records()).extracting(CsvRecordReader.Record::line)
        .as("start lines")
        .containsExactlyElementsOf(written.records().stream().map(WrittenRecord::line).toList());
    for (int i = 0; i < written.records().size(); i++) {
      WrittenRecord expected = written.records().get(i);
      CsvRecordReader.Record actual = read.records().get(i);
      assertThat(actual.raw()).as("raw text of record %d", i).isEqualTo(expected.raw());
      assertThat(actual.fields()).as("fields of record %d", i).containsExactlyElementsOf(expected.fields());
    }
    assertThat(read.blankLines()).as("empty lines").isEqualTo(written.blankLines());
  }

  @Property(tries = 200)
  void aTruncatedFileKeepsEveryCompleteRecordOrFailsNamingTheOpenQuote(
      @ForAll("wellFormed") Written written, @ForAll @IntRange(min = 0, max = 1000) int cutPerMille) {
    byte[] bytes = written.bytes();
    int cut = (int) ((long) bytes.length * cutPerMille / 1000);
    byte[] truncated = Arrays.copyOf(bytes, cut);
    List<Read> result = new ArrayList<>();
    Optional<InputException> failure = outcome(truncated, false, result);

    if (strictText(truncated).isEmpty()) {
      assertThat(failure).as("a cut inside a UTF-8 sequence is fatal").isPresent();
      return;
    }
    Optional<WrittenRecord> cutRecord = written.records().stream().filter(r -> r.startByte() < cut && cut < r.endByte()).findFirst();
    Optional<int[]> openQuote =
        cutRecord.flatMap(r -> r.quotedFieldBytes().stream()
            .filter(q -> q[0] < cut && cut < q[1] && quotesIn(truncated, q[0], cut) % 2 == 1)
            .findFirst());
    if (openQuote.isPresent()) {
      assertThat(failure).as("a quote left open by the cut is fatal").isPresent();
      long quoteLine = cutRecord.get().line() + newlinesIn(truncated, cutRecord.get().startByte(), openQuote.get()[0]);
      assertThat(failure.get().getMessage()).as("names the line where the quote opened").startsWith(FILE + ", line " + quoteLine + ":");
      return;
    }
    assertThat(failure).as("a cut outside quotes and UTF-8 sequences leaves a readable file").isEmpty();
    Read read = result.get(0);
    assertEveryLineAccountedFor(strictText(truncated).get(), read);
    List<WrittenRecord> complete = written.records().stream().filter(r -> r.endByte() <= cut).toList();
    assertThat(read.records().size()).as("complete records kept, at most one partial one after them").isBetween(complete.size(), complete.size() + 1);
    for (int i = 0; i < complete.size(); i++) {
      assertThat(read.records().get(i).fields()).as("fields of complete record %d", i).containsExactlyElementsOf(complete.get(i).fields());
      assertThat(read.records().get(i).line()).isEqualTo(complete.get(i).line());
    }
  }

  // ------------------------------------------------------------------ very long fields

  /**
   * A field beyond Jackson's ceiling was fatal: the record it is in is now over the record limit
   * long before, so it comes back too long, without being held, and reading goes on.
   */
  @Property(tries = 1)
  void aFieldBeyondJacksonsCeilingIsARecordTooLongNotACrash(@ForAll @IntRange(min = 1, max = 200) int extra) {
    int length = CsvRecordReader.HARD_FIELD_LIMIT_CHARS + extra;
    byte[] bytes = new byte[length + 8];
    Arrays.fill(bytes, (byte) 'v');
    bytes[0] = 'h';
    bytes[1] = '\n';
    bytes[bytes.length - 3] = '\n';
    bytes[bytes.length - 1] = '\n';
    Read read = readAll(bytes, false);
    // bytes 2 to length + 4 are the long record's: length + 3 bytes on line 2; line 3 is "v"
    assertThat(read.records()).extracting(CsvRecordReader.Record::line).containsExactly(1L, 2L, 3L);
    assertThat(read.records().get(1).tooLong())
        .isEqualTo(new CsvRecordReader.TooLong(length + 3, 2, 2, CsvRecordReader.DEFAULT_RECORD_LIMIT_BYTES));
    assertThat(read.records().get(1).raw()).isEqualTo("v".repeat(CsvRecordReader.TOO_LONG_RAW_CHARS));
    assertThat(read.records().get(2).fields()).containsExactly("v");
  }

  /**
   * With any record limit, the records of well-formed CSV whose raw text is longer in UTF-8 than
   * the limit come back too long, with their size, first and last lines and the start of their raw
   * text; every other record, and every line number, is as written.
   */
  @Property(tries = 200)
  void recordsOverTheLimitAndOnlyThoseComeBackTooLong(
      @ForAll("wellFormed") Written written, @ForAll @IntRange(min = 1, max = 400) int limit) {
    Read read;
    try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(written.bytes()), FILE, false, limit)) {
      List<CsvRecordReader.Record> records = new ArrayList<>();
      for (CsvRecordReader.Record r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
      read = new Read(records, reader.blankLines());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(read.records()).extracting(CsvRecordReader.Record::line)
        .as("start lines")
        .containsExactlyElementsOf(written.records().stream().map(WrittenRecord::line).toList());
    assertThat(read.blankLines()).as("empty lines").isEqualTo(written.blankLines());
    for (int i = 0; i < written.records().size(); i++) {
      WrittenRecord expected = written.records().get(i);
      CsvRecordReader.Record actual = read.records().get(i);
      long bytes = utf8(expected.raw()).length;
      if (bytes > limit) {
        long lastLine = expected.line() + expected.raw().chars().filter(c -> c == '\n').count();
        assertThat(actual.tooLong()).as("record %d, %d bytes", i, bytes).isEqualTo(new CsvRecordReader.TooLong(bytes, expected.line(), lastLine, limit));
        assertThat(expected.raw()).as("raw of record %d is its start", i).startsWith(actual.raw());
        assertThat(utf8(actual.raw()).length).as("raw of record %d within the limit", i).isLessThanOrEqualTo(limit);
      } else {
        assertThat(actual.isTooLong()).as("record %d, %d bytes", i, bytes).isFalse();
        assertThat(actual.raw()).as("raw text of record %d", i).isEqualTo(expected.raw());
        assertThat(actual.fields()).as("fields of record %d", i).containsExactlyElementsOf(expected.fields());
      }
    }
  }

  // ------------------------------------------------------------------ the defects these properties found

  /** A lone CR used to end the record and, taken for the end of the file, swallow the records after it. */
  @Example
  void aLoneCarriageReturnIsFatalNotTheEndOfTheFile() {
    List<Read> result = new ArrayList<>();
    Optional<InputException> failure = outcome(utf8("h1,h2\na,b\rc,d\ne,f\n"), false, result);
    assertThat(failure).isPresent();
    assertThat(failure.get().getMessage()).startsWith(FILE + ", line 2: a carriage return (CR) not followed by a line feed");
    // a file ending in CR (a CRLF cut short) is still read
    assertThat(readAll(utf8("h1,h2\na,b\r"), false).records()).extracting(CsvRecordReader.Record::raw).containsExactly("h1,h2", "a,b");
  }

  /** A one-character file ended in an internal error (StringIndexOutOfBoundsException, exit 3). */
  @Example
  void aOneCharacterFileIsRead() {
    assertThat(readAll(utf8("x"), false).records()).extracting(CsvRecordReader.Record::raw).containsExactly("x");
    assertThat(readAll(utf8("\n"), false).blankLines()).containsExactly(1L);
  }

  /** A CR inside quotes is not a line end: records after it kept Jackson's line count, one too many. */
  @Example
  void aCarriageReturnInsideQuotesDoesNotMoveLineNumbers() {
    Read read = readAll(utf8("h1,h2\na,\"b\rc\"\nd,e\n"), false);
    assertThat(read.records()).extracting(CsvRecordReader.Record::line).containsExactly(1L, 2L, 3L);
  }

  /** A doubled quote on a later line was taken for the place where the open quote opened. */
  @Example
  void anOpenQuoteIsPlacedWhereItOpenedNotAtADoubledQuote() {
    List<Read> result = new ArrayList<>();
    Optional<InputException> failure = outcome(utf8("h1,h2\na,\"b\nsay \"\"hi\"\"\nmore\n"), false, result);
    assertThat(failure).isPresent();
    assertThat(failure.get().getMessage()).startsWith(FILE + ", line 2: a quoted field is still open");
  }

  // ------------------------------------------------------------------ helpers

  static int quotesIn(byte[] bytes, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += bytes[i] == '"' ? 1 : 0;
    }
    return n;
  }

  static long newlinesIn(byte[] bytes, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += bytes[i] == '\n' ? 1 : 0;
    }
    return n;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
