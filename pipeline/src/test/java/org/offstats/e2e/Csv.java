package org.offstats.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small RFC 4180 reader for the files the pipeline writes (rejects), so that the
 * tests do not read outputs with the same CSV library the pipeline reads inputs with.
 */
final class Csv {
  private Csv() {}

  /** One record: its fields by header name, in header order. */
  record Row(Map<String, String> fields) {
    String get(String column) {
      if (!fields.containsKey(column)) {
        throw new AssertionError("no column " + column + " in " + fields.keySet());
      }
      return fields.get(column);
    }
  }

  /** The header and records of a file with a header line. */
  record Table(List<String> header, List<Row> rows) {}

  static Table read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      List<List<String>> records = parse(text);
      if (records.isEmpty()) {
        throw new AssertionError(file + " has no header line");
      }
      List<String> header = records.get(0);
      List<Row> rows = new ArrayList<>();
      for (List<String> record : records.subList(1, records.size())) {
        if (record.size() != header.size()) {
          throw new AssertionError(
              file + ": record with " + record.size() + " fields, header has " + header.size()
                  + ": " + record);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), record.get(i));
        }
        rows.add(new Row(fields));
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits RFC 4180 text into records ({@code \n} or {@code \r\n} line ends). */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      } else if (c == '\n') {
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
      i++;
    }
    if (quoted) {
      throw new AssertionError("quoted field still open at the end of the text");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
