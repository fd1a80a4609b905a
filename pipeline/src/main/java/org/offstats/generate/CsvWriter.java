package org.offstats.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one CSV file: UTF-8 without a byte-order mark, {@code \n} line ends, the header in the
 * schema's column order, and RFC 4180 quoting for any value that holds a comma, quote or line
 * break. The generator hands over fields in its own order; this maps them to the schema's.
 */
final class CsvWriter implements Closeable {
  private final Writer out;
  private final int[] fieldForColumn;
  private final StringBuilder line = new StringBuilder(256);
  private long linesWritten;

  CsvWriter(Path file, List<String> columns, List<String> fields) throws IOException {
    this.fieldForColumn = mapping(file, columns, fields);
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    writeLine(columns.toArray(String[]::new), 0, false);
  }

  /** Writes a record given in the generator's field order. */
  void write(String[] fields) throws IOException {
    write(fields, 0);
  }

  /**
   * Writes a record with {@code fieldDelta} fields too many (an empty field appended) or too few
   * (the last column left out): a deliberately malformed record.
   */
  void write(String[] fields, int fieldDelta) throws IOException {
    writeLine(fields, fieldDelta, true);
  }

  /**
   * Physical lines written so far, the header included: the next record starts on this plus one.
   */
  long linesWritten() {
    return linesWritten;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void writeLine(String[] values, int fieldDelta, boolean reorder) throws IOException {
    line.setLength(0);
    int columns = fieldForColumn.length + Math.min(fieldDelta, 0);
    for (int c = 0; c < columns; c++) {
      if (c > 0) {
        line.append(',');
      }
      append(reorder ? values[fieldForColumn[c]] : values[c]);
    }
    for (int extra = 0; extra < fieldDelta; extra++) {
      line.append(',');
    }
    line.append('\n');
    out.append(line);
    linesWritten++;
  }

  private void append(String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        line.append('"');
      }
      line.append(ch);
    }
    line.append('"');
  }

  private static int[] mapping(Path file, List<String> columns, List<String> fields) {
    List<String> missing = new ArrayList<>(fields);
    missing.removeAll(columns);
    List<String> unknown = new ArrayList<>(columns);
    unknown.removeAll(fields);
    if (!missing.isEmpty() || !unknown.isEmpty() || columns.size() != fields.size()) {
      throw new IllegalStateException(
          "the generator's fields for "
              + file.getFileName()
              + " do not match the schema: not in the schema "
              + missing
              + ", not generated "
              + unknown);
    }
    int[] mapping = new int[columns.size()];
    for (int c = 0; c < mapping.length; c++) {
      mapping[c] = fields.indexOf(columns.get(c));
    }
    return mapping;
  }
}
