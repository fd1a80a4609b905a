package org.offstats.extract;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.util.ArrayList;
import java.util.List;
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
 * <p>Reading is strict: invalid UTF-8, malformed quoting, a line ended by a lone CR and a quote
 * still open at the end of the file are {@link InputException}s (the rest of the file cannot be
 * trusted). A leading byte-order mark is removed. Completely empty lines are not records: they are
 * counted in {@link #blankLines()} so the manifest can list them.
 */
public final class CsvRecordReader implements Closeable {
  /** Jackson's own ceiling on one value; beyond it a field cannot even be held to be rejected. */
  public static final int HARD_FIELD_LIMIT_CHARS = 64 * 1024 * 1024;

  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(HARD_FIELD_LIMIT_CHARS).build())
          .build();

  /** One record: the physical line it starts on, its fields, and its raw text without line end. */
  public record Record(long line, String[] fields, String raw) {}

  private final String file;
  private final RecordingReader window;
  private final CsvParser parser;
  private long recordStartLine = 1;
  private long previousEnd = -1;
  private final List<Long> blankLines = new ArrayList<>();
  private boolean finished;
  private boolean insideDocument;
  private boolean headerRead;

  /**
   * @param in the file's bytes (gzip-compressed when {@code gzipped})
   * @param file the path shown in messages, relative to the input folder
   */
  public CsvRecordReader(InputStream in, String file, boolean gzipped) throws IOException {
    this.file = file;
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
    this.window = new RecordingReader(chars);
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
      Record record = readRecord();
      if (record == null) {
        finished = true;
      } else if (record.raw().isEmpty()) {
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
      List<String> fields = new ArrayList<>();
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        fields.add(parser.getText());
      }
      if (token != JsonToken.END_ARRAY) {
        throw InputException.at(file, recordStartLine, "unexpected CSV structure");
      }
      JsonLocation end = parser.currentLocation();
      String raw = cutRaw(end.getCharOffset());
      Record record = new Record(recordStartLine, fields.toArray(String[]::new), raw);
      // physical lines end with \n or \r\n; Jackson's own line count also counts a CR inside quotes
      recordStartLine += newlines(raw) + 1;
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

  /**
   * The raw text of the record that ends at {@code lineFeedOffset}: from after the previous
   * record's line feed, without this record's line end. At the end of the file (no final line
   * feed) Jackson's offset points past the text: the record is then the rest of the window.
   */
  private String cutRaw(long lineFeedOffset) {
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
    String raw = window.slice(start, end);
    if (raw.endsWith("\n")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    if (raw.endsWith("\r")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    previousEnd = atEndOfFile ? end - 1 : end;
    window.discardBefore(previousEnd + 1);
    return raw;
  }

  private InputException quotingProblem(com.fasterxml.jackson.core.JsonParseException e) {
    String text = window.slice(previousEnd + 1, window.endOffset());
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing closing quote")) {
      return InputException.at(
          file,
          recordStartLine + lineOfOpenQuote(text),
          "a quoted field is still open at the end of the file (rule: RFC 4180 quoting); the rest of"
              + " the file cannot be read");
    }
    String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
    // line and column counted here from the record's start: Jackson's own counts include CRs inside
    // quotes and vary with where its buffers end
    long line = recordStartLine;
    long column = -1;
    long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
    if (offset >= previousEnd + 1) {
      String before = window.slice(previousEnd + 1, Math.min(offset, window.endOffset()));
      line += newlines(before);
      column = before.length() - before.lastIndexOf('\n');
    }
    return InputException.at(
        file,
        line,
        (column > 0 ? "column " + column + ": " : "")
            + "malformed CSV quoting (rule: RFC 4180): "
            + detail.replaceAll("\\s+", " "));
  }

  /**
   * Lines below the record's first line at which its unmatched quote opened: a quote opens a field
   * only at the field's start, and a doubled quote inside a quoted field does not close it.
   */
  static long lineOfOpenQuote(String recordText) {
    boolean quoted = false;
    boolean fieldStart = true;
    long line = 0;
    long openedAt = 0;
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
        openedAt = line;
      }
      if (c == '\n') {
        line++;
      }
      fieldStart = !quoted && (c == ',' || c == '\n');
    }
    return openedAt;
  }

  private static long newlines(String text) {
    return text.chars().filter(c -> c == '\n').count();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /**
   * Passes characters through to Jackson while keeping those not yet claimed by a record, and drops
   * a byte-order mark at the start.
   */
  private static final class RecordingReader extends Reader {
    private final Reader in;
    private final StringBuilder kept = new StringBuilder();
    private long keptStart;
    private boolean atStart = true;
    private static final int COMPACT_AFTER = 1 << 16;

    RecordingReader(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0 && atStart) {
        atStart = false;
        if (buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
          n--;
          if (n == 0) {
            return read(buffer, offset, length);
          }
        }
      }
      if (n > 0) {
        kept.append(buffer, offset, n);
      }
      return n;
    }

    long endOffset() {
      return keptStart + kept.length();
    }

    char charAt(long offset) {
      return kept.charAt((int) (offset - keptStart));
    }

    String slice(long from, long to) {
      return kept.substring((int) (from - keptStart), (int) (to - keptStart));
    }

    /** Forgets characters before {@code offset}, compacting only now and then to stay linear. */
    void discardBefore(long offset) {
      int drop = (int) Math.min(offset - keptStart, kept.length());
      if (drop > COMPACT_AFTER || drop == kept.length()) {
        kept.delete(0, drop);
        keptStart += drop;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
