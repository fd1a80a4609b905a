package org.offstats.extract;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.offstats.domain.NumberFormats;
import java.util.zip.GZIPInputStream;

/**
 * Reads RFC 4180 records from one CSV file with Jackson's streaming CSV parser, keeping for each
 * record the physical line where it starts and its raw text (for the rejects file).
 *
 * <p>Jackson parses the fields (quotes, doubled quotes, quoted line breaks, {@code \n} and {@code
 * \r\n}). It does not hand back a record's raw text, so a thin {@link RecordingReader} keeps the
 * characters Jackson has consumed since the previous record; after each record Jackson's current
 * location is the line feed that ended it, which cuts the raw text out of that window. The window
 * never holds more than one record plus Jackson's read-ahead.
 *
 * <p>No record is held whole beyond a limit ({@code --max-record-bytes}): the same reader follows
 * the quoting on the way to Jackson, counting each record's UTF-8 bytes, and once a record passes
 * the limit it hands Jackson a line end in its place and skips the rest of the record (to the line
 * feed that ends it outside quotes). The record comes back {@link Record#tooLong()}, with its size,
 * its lines and its first characters, to be rejected; the next record is read as usual.
 *
 * <p>Reading is strict: invalid UTF-8, malformed quoting, a line ended by a lone CR and a quote
 * still open at the end of the file are {@link InputException}s (the rest of the file cannot be
 * trusted); a quote left open names the line and column where it opened and how far it ran. A
 * leading byte-order mark is removed. Completely empty lines are not records: they are counted in
 * {@link #blankLines()} so the manifest can list them.
 */
public final class CsvRecordReader implements Closeable {
  /** Jackson's own ceiling on one value; beyond it a field cannot even be held to be rejected. */
  public static final int HARD_FIELD_LIMIT_CHARS = 64 * 1024 * 1024;

  /** {@code --max-record-bytes} unless given. */
  public static final long DEFAULT_RECORD_LIMIT_BYTES = 8L * 1024 * 1024;

  /** The most {@code --max-record-bytes} may be: a record within it has no field beyond Jackson's ceiling. */
  public static final long MAX_RECORD_LIMIT_BYTES = HARD_FIELD_LIMIT_CHARS;

  /** How much of a record over the limit the rejects keep. */
  public static final int TOO_LONG_RAW_CHARS = 1024;

  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(HARD_FIELD_LIMIT_CHARS).build())
          .build();

  /**
   * One record: the physical line it starts on, its fields, and its raw text without line end; for
   * a record over the limit no fields, the first {@value #TOO_LONG_RAW_CHARS} characters of its raw
   * text, and {@link #tooLong()}.
   *
   * <p>The raw text is needed only for the few records rejected, so a record read from a file keeps
   * where its characters are in the reader's window and makes the string on the first call of
   * {@link #raw()}; the window never changes characters once they are in it. Like the reader, a
   * record belongs to one thread at a time.
   */
  public static final class Record {
    private final long line;
    private final String[] fields;
    private final TooLong tooLong;
    private String raw;
    private final char[] window;
    private final int rawStart;
    private final int rawLength;

    public Record(long line, String[] fields, String raw) {
      this(line, fields, raw, null);
    }

    public Record(long line, String[] fields, String raw, TooLong tooLong) {
      this.line = line;
      this.fields = fields;
      this.raw = raw;
      this.tooLong = tooLong;
      this.window = null;
      this.rawStart = 0;
      this.rawLength = raw.length();
    }

    private Record(long line, String[] fields, char[] window, int rawStart, int rawLength) {
      this.line = line;
      this.fields = fields;
      this.tooLong = null;
      this.window = window;
      this.rawStart = rawStart;
      this.rawLength = rawLength;
    }

    public long line() {
      return line;
    }

    public String[] fields() {
      return fields;
    }

    public String raw() {
      if (raw == null) {
        raw = new String(window, rawStart, rawLength);
      }
      return raw;
    }

    public TooLong tooLong() {
      return tooLong;
    }

    public boolean isTooLong() {
      return tooLong != null;
    }

    boolean isBlank() {
      return rawLength == 0 && tooLong == null;
    }

    /** Line feeds inside the record (in quoted values): it runs over that many more lines. */
    long lineFeeds() {
      if (raw != null) {
        return newlines(raw);
      }
      long lineFeeds = 0;
      for (int i = rawStart; i < rawStart + rawLength; i++) {
        if (window[i] == '\n') {
          lineFeeds++;
        }
      }
      return lineFeeds;
    }
  }

  /** A record over the limit: its size in UTF-8 bytes without its line end, and its last line. */
  public record TooLong(long bytes, long firstLine, long lastLine, long limit) {
    /** The reject message: no content, only sizes and lines. */
    public String message() {
      return "the record is " + NumberFormats.grouped(bytes) + " bytes"
          + (lastLine > firstLine ? " over lines " + firstLine + " to " + lastLine : "") + ", over the limit of "
          + NumberFormats.grouped(limit) + " (--max-record-bytes); it was skipped without being read whole, and raw holds"
          + " its first characters only";
    }
  }

  private final String file;
  private final long recordLimitBytes;
  private final CheckedInput checked;
  private final RecordingReader window;
  private final CsvParser parser;
  private long recordStartLine = 1;
  private long previousEnd = -1;
  private final List<Long> blankLines = new ArrayList<>();
  private boolean finished;
  private boolean insideDocument;
  /** The current record's fields, as Jackson gives them: one list for every record. */
  private final ArrayList<String> fields = new ArrayList<>();
  private boolean headerRead;

  /**
   * @param in the file's bytes (gzip-compressed when {@code gzipped})
   * @param file the path shown in messages, relative to the input folder
   */
  public CsvRecordReader(InputStream in, String file, boolean gzipped) throws IOException {
    this(in, file, gzipped, DEFAULT_RECORD_LIMIT_BYTES);
  }

  /**
   * Reads a file whose bytes must be those checksummed before reading: at the end of the file the
   * reader confirms it, and a reading problem in a file that changed under it is reported as the
   * change (a file cut short by a writer looks like a broken file).
   *
   * @param recordLimitBytes the longest record, in UTF-8 bytes without its line end, read whole
   */
  public CsvRecordReader(CheckedInput input, boolean gzipped, long recordLimitBytes) throws IOException {
    this(input.stream(), input.path(), gzipped, recordLimitBytes, input);
  }

  /**
   * @param recordLimitBytes the longest record, in UTF-8 bytes without its line end, read whole
   */
  public CsvRecordReader(InputStream in, String file, boolean gzipped, long recordLimitBytes) throws IOException {
    this(in, file, gzipped, recordLimitBytes, null);
  }

  private CsvRecordReader(InputStream in, String file, boolean gzipped, long recordLimitBytes, CheckedInput checked)
      throws IOException {
    this.file = file;
    this.checked = checked;
    this.recordLimitBytes = recordLimitBytes;
    InputStream bytes;
    try {
      bytes = new BufferedInputStream(gzipped ? new GZIPInputStream(in, 1 << 16) : in, 1 << 16);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw InputException.in(file, "not a gzip file, or its header is corrupt (rule: .csv.gz files are gzip-compressed CSV)");
    }
    Reader chars =
        new InputStreamReader(
            bytes,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.window = new RecordingReader(chars, recordLimitBytes);
    this.parser = FACTORY.createParser(window);
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
  }

  /** Reads the header record. Call once, before {@link #next()}. */
  public List<String> header() throws IOException {
    headerRead = true;
    Record header = next();
    if (header == null) {
      throw InputException.in(file, "the file is empty: it has no header row");
    }
    if (header.isTooLong()) {
      throw InputException.at(file, header.line(), "the header row is longer than " + recordLimitBytes + " bytes (--max-record-bytes)");
    }
    List<String> names = new ArrayList<>();
    for (String name : header.fields()) {
      names.add(name.endsWith("\r") ? name.substring(0, name.length() - 1) : name);
    }
    return names;
  }

  public boolean headerRead() {
    return headerRead;
  }

  /** The next record, or null at the end of the file. */
  public Record next() throws IOException {
    while (!finished) {
      Record record;
      try {
        record = readRecord();
      } catch (InputException problem) {
        throw checked == null ? problem : checked.changedOr(problem);
      }
      if (record == null) {
        finished = true;
        if (checked != null) {
          checked.confirmUnchanged();
        }
      } else if (record.isBlank()) {
        blankLines.add(record.line());
      } else {
        return record;
      }
    }
    return null;
  }

  /** Physical line numbers of empty lines, which are not records. */
  public List<Long> blankLines() {
    return List.copyOf(blankLines);
  }

  private Record readRecord() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (!insideDocument && token == JsonToken.START_ARRAY) {
        // WRAP_AS_ARRAY opens one array around the whole file before the first record
        insideDocument = true;
        token = parser.nextToken();
      }
      if (token == null || token == JsonToken.END_ARRAY) {
        return null;
      }
      if (token != JsonToken.START_ARRAY) {
        throw InputException.at(file, recordStartLine, "unexpected CSV structure");
      }
      fields.clear();
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        fields.add(parser.getText());
      }
      if (token != JsonToken.END_ARRAY) {
        throw InputException.at(file, recordStartLine, "unexpected CSV structure");
      }
      long end = parser.currentLocation().getCharOffset();
      long start = previousEnd + 1;
      RecordingReader.Cut cut = window.cutEndingBy(end);
      Record record = cutRaw(end, fields.toArray(new String[0]));
      if (cut != null) {
        return tooLong(cut, record.raw(), start);
      }
      if (fields.size() > 1024) {
        fields.clear();
        fields.trimToSize(); // a very wide record's list is not kept
      }
      // physical lines end with \n or \r\n; Jackson's own line count also counts a CR inside quotes
      recordStartLine += record.lineFeeds() + 1;
      return record;
    } catch (CharacterCodingException e) {
      // the decoder reads ahead of the parser, so the bad bytes are at or after this line
      throw InputException.at(
          file, recordStartLine, "invalid UTF-8 at or after this line (rule: files are UTF-8)");
    } catch (StreamConstraintsException e) {
      throw InputException.at(
          file, recordStartLine, "a field is longer than " + HARD_FIELD_LIMIT_CHARS + " characters");
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      throw quotingProblem(e);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw InputException.at(file, recordStartLine, "the gzip data is corrupt or truncated at or after this line");
    }
  }

  /** A record cut short on its way to Jackson: rejected whole, or fatal when its quote never closes. */
  private Record tooLong(RecordingReader.Cut cut, String raw, long start) {
    if (cut.quoteNeverCloses()) {
      throw InputException.at(
          file,
          cut.quoteLine(),
          "a quoted field is still open at the end of the file: it opened at column " + cut.quoteColumn() + " of this line and runs"
              + " on for " + NumberFormats.grouped(cut.bytes()) + " bytes, past --max-record-bytes, to line " + cut.lastLine()
              + ", the end of the file (rule: RFC 4180 quoting); the rest of the file cannot be read: look for an unbalanced quote"
              + " on line " + cut.quoteLine());
    }
    int kept = (int) Math.min(Math.min(raw.length(), cut.prefixEnd() - start), TOO_LONG_RAW_CHARS);
    if (kept > 0 && Character.isHighSurrogate(raw.charAt(kept - 1))) {
      kept--;
    }
    Record record = new Record(recordStartLine, new String[0], raw.substring(0, Math.max(kept, 0)),
        new TooLong(cut.bytes(), recordStartLine, cut.lastLine(), recordLimitBytes));
    recordStartLine = cut.lastLine() + 1;
    return record;
  }

  /**
   * The record that ends at {@code lineFeedOffset}, its raw text from after the previous record's
   * line feed, without this record's line end. At the end of the file (no final line feed)
   * Jackson's offset points past the text: the record is then the rest of the window.
   */
  private Record cutRaw(long lineFeedOffset, String[] recordFields) {
    long start = previousEnd + 1;
    long end = lineFeedOffset;
    boolean atEndOfFile = end >= window.endOffset() || end < start || window.charAt(end) != '\n';
    if (atEndOfFile && end >= start && end + 1 < window.endOffset() && window.charAt(end) == '\r') {
      // Jackson ends a record at a lone CR too; EXTRACTS.md's line ends are \n and \r\n only, and
      // taking it for the end of the file would swallow the records after it
      throw InputException.at(
          file,
          recordStartLine + newlines(window.slice(start, end)),
          "a carriage return (CR) not followed by a line feed (rule: lines end with \\n or \\r\\n;"
              + " a CR inside a value needs quotes)");
    }
    if (atEndOfFile) {
      end = window.endOffset();
    }
    long rawEnd = end;
    if (rawEnd > start && window.charAt(rawEnd - 1) == '\n') {
      rawEnd--;
    }
    if (rawEnd > start && window.charAt(rawEnd - 1) == '\r') {
      rawEnd--;
    }
    Record record = window.record(recordStartLine, recordFields, start, rawEnd);
    previousEnd = atEndOfFile ? end - 1 : end;
    window.discardBefore(previousEnd + 1);
    return record;
  }

  private InputException quotingProblem(com.fasterxml.jackson.core.JsonParseException e) {
    String text = window.slice(previousEnd + 1, window.endOffset());
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing closing quote")) {
      QuoteOpening opening = lastQuoteOpening(text);
      long quoteLine = recordStartLine + opening.lineOffset();
      long lastLine = recordStartLine + newlines(text) - (text.endsWith("\n") ? 1 : 0);
      return InputException.at(
          file,
          quoteLine,
          "a quoted field is still open at the end of the file: it opened at column " + opening.column() + " of this line and runs"
              + " on to line " + lastLine + ", the end of the file (rule: RFC 4180 quoting); the rest of the file cannot be read:"
              + " look for an unbalanced quote on line " + quoteLine);
    }
    String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
    // line and column counted here from the record's start: Jackson's own counts include CRs inside
    // quotes and vary with where its buffers end
    long line = recordStartLine;
    long column = -1;
    long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
    String runaway = "";
    if (offset >= previousEnd + 1) {
      String before = window.slice(previousEnd + 1, Math.min(offset, window.endOffset()));
      line += newlines(before);
      column = before.length() - before.lastIndexOf('\n');
      // a quote left open further up closes at the next quote in the file, and the error shows there
      QuoteOpening opening = lastQuoteOpening(before);
      long quoteLine = recordStartLine + opening.lineOffset();
      if (opening.column() > 0 && quoteLine < line) {
        runaway = "; the quoted value before it opened at line " + quoteLine + ", column " + opening.column()
            + ": if that quote is unbalanced, lines " + quoteLine + " to " + line + " were read as one value";
      }
    }
    return InputException.at(
        file,
        line,
        (column > 0 ? "column " + column + ": " : "")
            + "malformed CSV quoting (rule: RFC 4180): "
            + detail.replaceAll("\\s+", " ")
            + runaway);
  }

  /** Where a quoted field opened: lines below the record's first line, and the column (0: none). */
  record QuoteOpening(long lineOffset, long column) {}

  /**
   * Where the last quoted field of a record's text opened: a quote opens a field only at the
   * field's start, and a doubled quote inside a quoted field does not close it.
   */
  static QuoteOpening lastQuoteOpening(String recordText) {
    boolean quoted = false;
    boolean fieldStart = true;
    long line = 0;
    long lineStart = 0;
    QuoteOpening opening = new QuoteOpening(0, 0);
    for (int i = 0; i < recordText.length(); i++) {
      char c = recordText.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < recordText.length() && recordText.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        opening = new QuoteOpening(line, i - lineStart + 1);
      }
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      }
      fieldStart = !quoted && (c == ',' || c == '\n');
    }
    return opening;
  }

  private static long newlines(String text) {
    long newlines = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      newlines++;
    }
    return newlines;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /**
   * Passes characters through to Jackson while keeping those not yet claimed by a record, drops a
   * byte-order mark at the start, and cuts short the records over the limit. It follows RFC 4180
   * quoting as Jackson does (a quote opens a value only at its start; a doubled quote inside it is
   * a quote), counting the current record's UTF-8 bytes; where Jackson would fail on the quoting,
   * Jackson reports it before reaching anything this reader did differently.
   */
  private static final class RecordingReader extends Reader {
    /** Characters claimed by records before the window moves to a new array (each array stays under G1's "humongous" size). */
    private static final int COMPACT_AFTER = 1 << 17;
    /** Room for what Jackson reads ahead of the records, beyond {@link #COMPACT_AFTER}. */
    private static final int READ_AHEAD_ROOM = 1 << 14;
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** a quote inside a quoted value: closing it, or the first of a doubled quote */
    private static final int QUOTE_IN_QUOTED = 3;

    /**
     * A record cut short: Jackson was given its characters up to {@code prefixEnd}, then a line
     * end at {@code lineFeedOffset} (after a closing quote when it was inside one).
     */
    record Cut(long prefixEnd, long lineFeedOffset, long bytes, long lastLine, boolean quoteNeverCloses, long quoteLine,
        long quoteColumn) {}

    private final Reader in;
    private final long limit;
    private final char[] ahead = new char[1 << 16];
    private int aheadPosition;
    private int aheadEnd;
    private boolean started;
    /**
     * The characters not yet claimed by a record, from {@code keptStart}: appended to, never
     * changed, so records can point into it ({@link Record}); compacting moves to a new array.
     */
    private char[] kept = new char[COMPACT_AFTER + READ_AHEAD_ROOM];
    private int keptLength;
    private long keptStart;
    private long handedOver;
    private String lineEnd = "";
    private int lineEndPosition;
    private final ArrayDeque<Cut> cuts = new ArrayDeque<>();

    // where the quoting stands, at the next character
    private int state = FIELD_START;
    private long recordBytes;
    private boolean pendingCr;
    private long line = 1;
    private long column = 1;
    private long quoteLine;
    private long quoteColumn;
    private long endedRecordBytes;

    RecordingReader(Reader in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = 0;
      while (n < length) {
        if (lineEndPosition < lineEnd.length()) {
          buffer[offset + n++] = lineEnd.charAt(lineEndPosition++);
          handedOver++;
          continue;
        }
        if (aheadPosition == aheadEnd && (n > 0 || !fill())) {
          break;
        }
        char c = ahead[aheadPosition++];
        if (!started) {
          started = true;
          if (c == '\uFEFF') {
            continue;
          }
        }
        int before = state;
        boolean ended = step(c);
        if (!ended && recordBytes > limit) {
          skipRestOfRecord(before);
          continue;
        }
        buffer[offset + n++] = c;
        handedOver++;
      }
      if (n == 0 && length > 0) {
        return -1;
      }
      keep(buffer, offset, n);
      return n;
    }

    /** Refills the read-ahead; false at the end of the input. */
    private boolean fill() throws IOException {
      int n;
      do {
        n = in.read(ahead, 0, ahead.length);
      } while (n == 0);
      aheadPosition = 0;
      aheadEnd = Math.max(n, 0);
      return n > 0;
    }

    /** Advances the quoting over {@code c}; true when it ends the record (a line feed outside quotes). */
    private boolean step(char c) {
      boolean ended = false;
      switch (state) {
        case QUOTED -> {
          state = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
          recordBytes += utf8Bytes(c);
        }
        case QUOTE_IN_QUOTED -> {
          if (c == '"') {
            state = QUOTED;
            recordBytes++;
          } else {
            ended = unquoted(c);
          }
        }
        case FIELD_START -> {
          if (c == '"') {
            state = QUOTED;
            quoteLine = line;
            quoteColumn = column;
            recordBytes++;
          } else {
            ended = unquoted(c);
          }
        }
        default -> ended = unquoted(c);
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      return ended;
    }

    private boolean unquoted(char c) {
      if (c == '\n') {
        endedRecordBytes = recordBytes;
        recordBytes = 0;
        pendingCr = false;
        state = FIELD_START;
        return true;
      }
      if (pendingCr) {
        recordBytes++; // a CR not followed by a line feed is part of the record (and fatal later)
        pendingCr = false;
      }
      if (c == '\r') {
        pendingCr = true; // counted only if no line feed follows: CRLF is a line end
        state = UNQUOTED;
        return false;
      }
      recordBytes += utf8Bytes(c);
      state = c == ',' ? FIELD_START : UNQUOTED;
      return false;
    }

    private static int utf8Bytes(char c) {
      return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    /**
     * The current record is over the limit: skips it to its end, and queues for Jackson the line
     * end that stands for it, closing the quote first if the characters handed over end inside one.
     */
    private void skipRestOfRecord(int stateBefore) throws IOException {
      boolean ended = false;
      while (!ended && (aheadPosition < aheadEnd || fill())) {
        ended = step(ahead[aheadPosition++]);
      }
      boolean quoteNeverCloses = !ended && state == QUOTED;
      long bytes = ended ? endedRecordBytes : recordBytes + (pendingCr ? 1 : 0);
      long lastLine = ended || column == 1 ? line - 1 : line;
      lineEnd = stateBefore == QUOTED ? "\"\n" : "\n";
      lineEndPosition = 0;
      cuts.add(new Cut(handedOver, handedOver + lineEnd.length() - 1, bytes, lastLine, quoteNeverCloses, quoteLine, quoteColumn));
      state = FIELD_START;
      recordBytes = 0;
      pendingCr = false;
    }

    /** The cut record that Jackson ended at {@code lineFeedOffset}, if the record there was cut short. */
    Cut cutEndingBy(long lineFeedOffset) {
      return !cuts.isEmpty() && cuts.peek().lineFeedOffset() <= lineFeedOffset ? cuts.poll() : null;
    }

    private void keep(char[] buffer, int offset, int n) {
      if (keptLength + n > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(2 * kept.length, keptLength + n));
      }
      System.arraycopy(buffer, offset, kept, keptLength, n);
      keptLength += n;
    }

    long endOffset() {
      return keptStart + keptLength;
    }

    char charAt(long offset) {
      return kept[(int) (offset - keptStart)];
    }

    String slice(long from, long to) {
      return new String(kept, (int) (from - keptStart), (int) (to - from));
    }

    /** A record whose raw text is the characters {@code [from, to)}, made when it is asked for. */
    Record record(long line, String[] fields, long from, long to) {
      return new Record(line, fields, kept, (int) (from - keptStart), (int) (to - from));
    }

    /**
     * Forgets characters before {@code offset}, compacting only now and then to stay linear. The
     * characters kept move to a new array: records still point into the old one.
     */
    void discardBefore(long offset) {
      int drop = (int) Math.min(offset - keptStart, keptLength);
      if (drop > COMPACT_AFTER || drop == keptLength) {
        char[] rest = new char[keptLength - drop + COMPACT_AFTER + READ_AHEAD_ROOM];
        System.arraycopy(kept, drop, rest, 0, keptLength - drop);
        kept = rest;
        keptLength -= drop;
        keptStart += drop;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
