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
