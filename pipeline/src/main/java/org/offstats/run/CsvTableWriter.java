package org.offstats.run;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.offstats.domain.NumberFormats;

/**
 * Writes one table as CSV for press officers and spreadsheets ({@code publish/<table>.csv}), from
 * the rows and Avro schema its Parquet file is written from, in the order given.
 *
 * <p>The format: UTF-8 without a byte order mark; a header row of column names; rows ended by
 * {@code \n}; fields quoted as RFC 4180 says by Jackson CSV, with its default quoting: it quotes
 * more than RFC 4180 needs (any string of more than 24 characters or holding a space or
 * punctuation below {@code -}), which every CSV reader takes. Its stricter check is not used: it
 * leaves a lone CR unquoted, which readers take for a line end. Cells:
 *
 * <ul>
 *   <li>a measure {@code m} whose companion column {@code m_suppressed} (BOOLEAN, added by
 *       disclosure control, OUTPUTS.md "Suppression in publish/") is true: {@code [c]}, the GSS
 *       shorthand for confidential, whatever {@code m} holds;
 *   <li>any other null: {@code [x]}, the GSS shorthand for not available;
 *   <li>booleans {@code true}/{@code false}; longs as digits; doubles as the shortest plain decimal
 *       that reads back as the same double ({@link NumberFormats#shortestDecimal}: {@code 0.0001},
 *       {@code 0.25}, {@code 3});
 *   <li>strings as they are, except that one a spreadsheet could take for a formula (starting with
 *       {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR) gets a leading {@code '}, as
 *       OWASP's CSV injection guidance says. Numbers are never changed.
 * </ul>
 */
public final class CsvTableWriter {
  /** One mapper for every table: thread-safe once made, and each new one resolves its serializers again. */
  private static final CsvMapper MAPPER = new CsvMapper();

  /** GSS shorthand: confidential (a suppressed cell). */
  public static final String SUPPRESSED = "[c]";

  /** GSS shorthand: not available (any other null). */
  public static final String NOT_AVAILABLE = "[x]";

  /** A measure {@code m}'s suppression flag is the BOOLEAN column {@code m + SUPPRESSED_SUFFIX}. */
  public static final String SUPPRESSED_SUFFIX = "_suppressed";

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvTableWriter() {}

  /** Writes {@code rows}, in the order given, as CSV with {@code avroSchema}'s columns. */
  public static void write(List<? extends IndexedRecord> rows, Schema avroSchema, Path file) throws IOException {
    List<TableColumn> columns = TableColumn.of(avroSchema);
    int[] suppressedBy = suppressionFlags(columns);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\n");
    columns.forEach(c -> schema.addColumn(c.name()));
    try (Writer text = new OutputStreamWriter(OwnerOnly.newPublicFile(file), StandardCharsets.UTF_8);
        SequenceWriter csv = MAPPER.writer(schema.build()).writeValues(text)) {
      // the header goes through the same writer as the rows, so a table with no rows has it too
      csv.write(columns.stream().map(TableColumn::name).toArray());
      for (IndexedRecord row : rows) {
        String[] cells = new String[columns.size()];
        for (TableColumn column : columns) {
          int flag = suppressedBy[column.position()];
          boolean suppressed = flag >= 0 && Boolean.TRUE.equals(row.get(flag));
          cells[column.position()] = suppressed ? SUPPRESSED : cell(row.get(column.position()), column.type());
        }
        csv.write(cells);
      }
    }
  }

  /** One value as its CSV text, before quoting; {@code null} is {@link #NOT_AVAILABLE}. */
  static String cell(Object value, TableColumn.Type type) {
    if (value == null) {
      return NOT_AVAILABLE;
    }
    return switch (type) {
      case STRING -> withoutFormula(value.toString());
      case LONG -> Long.toString((Long) value);
      case DOUBLE -> NumberFormats.shortestDecimal((Double) value);
      case BOOLEAN -> Boolean.toString((Boolean) value);
    };
  }

  /** OWASP: a cell a spreadsheet would evaluate as a formula is shown as text with a leading {@code '}. */
  static String withoutFormula(String text) {
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /**
   * For each column position, the position of the BOOLEAN column that says it is suppressed, or
   * -1. A column named like a flag that is not BOOLEAN is a schema mistake.
   */
  private static int[] suppressionFlags(List<TableColumn> columns) {
    Map<String, TableColumn> byName = new HashMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    int[] flags = new int[columns.size()];
    List<String> wrong = new ArrayList<>();
    for (TableColumn column : columns) {
      TableColumn flag = byName.get(column.name() + SUPPRESSED_SUFFIX);
      flags[column.position()] = flag == null ? -1 : flag.position();
      if (flag != null && flag.type() != TableColumn.Type.BOOLEAN) {
        wrong.add(flag.name());
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("suppression flags must be BOOLEAN columns: " + wrong);
    }
    return flags;
  }
}
