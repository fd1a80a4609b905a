package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecordReader.Record> readAll(CsvRecordReader reader) throws IOException {
    if (!reader.headerRead()) {
      reader.header();
    }
    List<CsvRecordReader.Record> records = new ArrayList<>();
    for (CsvRecordReader.Record r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  private static CsvRecordReader reader(String text) throws IOException {
    return new CsvRecordReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", false);
  }

  @Test
  void quotedLineBreaksMoveTheNextRecordsLine() throws IOException {
    // line 1 header; line 2 "a,b"; line 3-4 the quoted break; line 5 "f,g"
    CsvRecordReader reader = reader("h1,h2\na,b\nc,\"d\ne\"\nf,g");
    assertThat(reader.header()).containsExactly("h1", "h2");
    List<CsvRecordReader.Record> records = readAll(reader);
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(2L, 3L, 5L);
    assertThat(records.get(1).fields()).containsExactly("c", "d\ne");
    assertThat(records.get(1).raw()).isEqualTo("c,\"d\ne\"");
    assertThat(records.get(2).raw()).isEqualTo("f,g");
  }

  @Test
  void bomAndCrlfAreRemovedFromHeaderAndRaw() throws IOException {
    CsvRecordReader reader = reader("\uFEFFh1,h2\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n");
    assertThat(reader.header()).containsExactly("h1", "h2");
    List<CsvRecordReader.Record> records = readAll(reader);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).fields()).containsExactly("x,1", "say \"hi\"");
    assertThat(records.get(0).raw()).isEqualTo("\"x,1\",\"say \"\"hi\"\"\"");
  }

  @Test
  void blankLinesAreNotRecordsButAreCounted() throws IOException {
    CsvRecordReader reader = reader("h1,h2\na,b\n\nc,d\n");
    reader.header();
    assertThat(readAll(reader)).extracting(CsvRecordReader.Record::line).containsExactly(2L, 4L);
    assertThat(reader.blankLines()).containsExactly(3L);
  }

  @Test
  void headerOnlyFileHasNoRecords() throws IOException {
    CsvRecordReader reader = reader("h1,h2\n");
    assertThat(reader.header()).containsExactly("h1", "h2");
    assertThat(reader.next()).isNull();
  }

  @Test
  void fieldCountIsWhatTheRecordHas() throws IOException {
    CsvRecordReader reader = reader("h1,h2,h3\na,b\na,b,c,d\n");
    reader.header();
    assertThat(readAll(reader)).extracting(r -> r.fields().length).containsExactly(2, 4);
  }

  @Test
  void quoteOpenAtEndOfFileIsFatalAndNamesTheLineWhereItOpened() throws IOException {
    // the quote opens on line 3 (the record starts on line 3) and never closes
    CsvRecordReader reader = reader("h1,h2\na,b\nc,\"open\nmore\nlines\n");
    reader.header();
    reader.next();
    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.csv, line 3: a quoted field is still open");
  }

  @Test
  void quoteOpenAtEndOfFileNamesItsColumnAndHowFarItRuns() throws IOException {
    // line 2 opens a quote at column 3 (after "a,"); lines 3 and 4 are swallowed by it
    CsvRecordReader reader = reader("h1,h2\na,\"b\nc,d\ne,f\n");
    reader.header();
    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessage("t.csv, line 2: a quoted field is still open at the end of the file: it opened at column 3 of this line and runs"
            + " on to line 4, the end of the file (rule: RFC 4180 quoting); the rest of the file cannot be read: look for an"
            + " unbalanced quote on line 2");
  }

  @Test
  void aQuoteThatClosesAtTheNextQuoteNamesWhereItOpened() throws IOException {
    // the quote opened on line 2, column 3 closes at the quote of line 4, column 3; the "f" after
    // it (line 4, column 4) is where the quoting breaks
    CsvRecordReader reader = reader("h1,h2\na,\"b\nc,d\ne,\"f\"\n");
    reader.header();
    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.csv, line 4: column 4: malformed CSV quoting")
        .hasMessageEndingWith("; the quoted value before it opened at line 2, column 3: if that quote is unbalanced, lines 2 to 4"
            + " were read as one value");
  }

  private static CsvRecordReader reader(String text, long recordLimitBytes) throws IOException {
    return new CsvRecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", false, recordLimitBytes);
  }

  @Test
  void aRecordOverTheLimitComesBackTooLongAndTheNextRecordIsReadAsUsual() throws IOException {
    // limit 10 bytes. Line 2 "a,b" is 3 bytes. Lines 3-4 hold one record, "0123\n4567",xyz:
    // 1 + 4 + 1 + 4 + 1 + 1 + 3 = 15 bytes; the reader hands over its first 10 ("0123\n4567,
    // still inside the quotes) and skips the rest. Line 5 "c,d" follows as usual.
    CsvRecordReader reader = reader("h1,h2\na,b\n\"0123\n4567\",xyz\nc,d\n", 10);
    reader.header();
    List<CsvRecordReader.Record> records = readAll(reader);
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(2L, 3L, 5L);
    assertThat(records.get(0).fields()).containsExactly("a", "b");
    assertThat(records.get(1).isTooLong()).isTrue();
    assertThat(records.get(1).tooLong()).isEqualTo(new CsvRecordReader.TooLong(15, 3, 4, 10));
    assertThat(records.get(1).raw()).isEqualTo("\"0123\n4567");
    assertThat(records.get(1).fields()).isEmpty();
    assertThat(records.get(1).tooLong().message())
        .isEqualTo("the record is 15 bytes over lines 3 to 4, over the limit of 10 (--max-record-bytes); it was skipped without"
            + " being read whole, and raw holds its first characters only");
    assertThat(records.get(2).fields()).containsExactly("c", "d");
  }

  @Test
  void theLimitCountsUtf8BytesWithoutTheLineEnd() throws IOException {
    // limit 4: "ab,c" (4 bytes, CRLF not counted) fits; "\u00e9\u00e9" is 2 + 2 = 4 bytes and fits;
    // "\u00e9,\u00e9" is 2 + 1 + 2 = 5 bytes and does not; "abcdef" at the end without a line end is 6
    CsvRecordReader reader = reader("h\r\nab,c\r\n\u00e9\u00e9\n\u00e9,\u00e9\nabcdef", 4);
    reader.header();
    List<CsvRecordReader.Record> records = readAll(reader);
    assertThat(records).extracting(CsvRecordReader.Record::isTooLong).containsExactly(false, false, true, true);
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(records.get(1).fields()).containsExactly("\u00e9\u00e9");
    assertThat(records.get(2).tooLong().bytes()).isEqualTo(5);
    assertThat(records.get(2).raw()).isEqualTo("\u00e9,");
    assertThat(records.get(3).tooLong()).isEqualTo(new CsvRecordReader.TooLong(6, 5, 5, 4));
    assertThat(records.get(3).raw()).isEqualTo("abcd");
  }

  @Test
  void aQuoteNeverClosedInARecordOverTheLimitIsFatalNamingWhereItOpened() throws IOException {
    // limit 5: line 3 opens a quote at column 1 that never closes: "open\nx\ny\n after it is
    // 1 + 4 + 1 + 1 + 1 + 1 + 1 = 10 bytes, to line 5, the last line
    CsvRecordReader reader = reader("h\na\n\"open\nx\ny\n", 5);
    reader.header();
    assertThat(reader.next().fields()).containsExactly("a");
    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessage("t.csv, line 3: a quoted field is still open at the end of the file: it opened at column 1 of this line and runs"
            + " on for 10 bytes, past --max-record-bytes, to line 5, the end of the file (rule: RFC 4180 quoting); the rest of the"
            + " file cannot be read: look for an unbalanced quote on line 3");
  }

  @Test
  void aHeaderOverTheLimitIsFatal() throws IOException {
    CsvRecordReader reader = reader("h1,h2,h3\na\n", 5);
    assertThatThrownBy(reader::header)
        .isInstanceOf(InputException.class)
        .hasMessage("t.csv, line 1: the header row is longer than 5 bytes (--max-record-bytes)");
  }

  @Test
  void invalidUtf8IsFatal() throws IOException {
    byte[] bytes = {'h', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
    CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), "t.csv", false);
    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid UTF-8");
  }

  @Test
  void readsGzip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("h1\nv\n".getBytes(StandardCharsets.UTF_8));
    }
    CsvRecordReader reader =
        new CsvRecordReader(new ByteArrayInputStream(bytes.toByteArray()), "t.csv.gz", true);
    assertThat(reader.header()).containsExactly("h1");
    assertThat(readAll(reader)).extracting(CsvRecordReader.Record::raw).containsExactly("v");
  }

  /**
   * Random records with quoted commas, doubled quotes, CR and LF inside quotes, long values that
   * straddle the parser's buffers and mixed line ends: every raw text and start line must match
   * what was written, computed here while writing.
   */
  @Test
  void rawTextAndLinesSurviveBufferBoundaries() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder text = new StringBuilder("h1,h2,h3\r\n");
    List<String> expectedRaw = new ArrayList<>();
    List<Long> expectedLine = new ArrayList<>();
    long line = 2;
    for (int i = 0; i < 5000; i++) {
      StringBuilder record = new StringBuilder();
      for (int f = 0; f < 3; f++) {
        if (f > 0) {
          record.append(',');
        }
        switch (random.nextInt(5)) {
          case 0 -> record.append("\"q\"\"\n").append("x".repeat(random.nextInt(9000))).append("\r\nz\"");
          case 1 -> record.append("\"a,b\"");
          case 2 -> record.append("");
          default -> record.append("v").append(random.nextInt(1000));
        }
      }
      String raw = record.toString();
      expectedRaw.add(raw);
      expectedLine.add(line);
      line += raw.chars().filter(c -> c == '\n').count() + 1;
      text.append(raw).append(random.nextBoolean() ? "\r\n" : "\n");
    }
    CsvRecordReader reader = reader(text.toString());
    reader.header();
    List<CsvRecordReader.Record> records = readAll(reader);
    assertThat(records).extracting(CsvRecordReader.Record::raw).containsExactlyElementsOf(expectedRaw);
    assertThat(records).extracting(CsvRecordReader.Record::line).containsExactlyElementsOf(expectedLine);
  }
}
