package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish/<table>.csv}: the exact text for hand-made tables that carry the {@code
 * _suppressed} companions disclosure control will add (OUTPUTS.md), and awkward strings read back
 * through an RFC 4180 parser.
 */
class CsvTableWriterTest {
  @TempDir Path dir;

  /** A published table as disclosure control will shape it: counts and a rate with their flags. */
  static final Schema SUPPRESSED_TABLE =
      SchemaBuilder.record("ChargeRatesSuppressed").fields()
          .requiredString("scope")
          .requiredBoolean("domestic_abuse")
          .optionalLong("crimes_recorded")
          .requiredBoolean("crimes_recorded_suppressed")
          .optionalDouble("charge_rate")
          .optionalBoolean("charge_rate_suppressed")
          .optionalDouble("median_days")
          .endRecord();

  /** Jackson quotes strings of more than 24 characters, whatever they hold: harmless under RFC 4180. */
  static final String HEADER =
      "scope,domestic_abuse,crimes_recorded,\"crimes_recorded_suppressed\",charge_rate,charge_rate_suppressed,median_days\n";

  static GenericRecord row(Schema schema, Object... values) {
    GenericData.Record row = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      row.put(i, values[i]);
    }
    return row;
  }

  private String write(Schema schema, List<GenericRecord> rows) throws IOException {
    Path file = dir.resolve(schema.getName() + ".csv");
    CsvTableWriter.write(rows, schema, file);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0]).as("no byte order mark (EF BB BF)").isNotEqualTo((byte) 0xEF);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void suppressedCellsAreConfidentialAndOtherNullsNotAvailable() throws IOException {
    String csv =
        write(SUPPRESSED_TABLE, List.of(
            // a suppressed count and the rate computed from it: [c] both
            row(SUPPRESSED_TABLE, "Rape", false, null, true, null, true, 41.5),
            // nothing suppressed; a median that could not be computed is [x]
            row(SUPPRESSED_TABLE, "Robbery", true, 120L, false, 0.25, false, null),
            // a flag of null says nothing: the null is [x]
            row(SUPPRESSED_TABLE, "Theft", false, 3L, false, null, null, 1.0E-4),
            // a suppressed value is never shown, even if one is left in the cell
            row(SUPPRESSED_TABLE, "Fraud", true, 4L, true, 0.5, false, 3.0)));
    assertThat(csv).isEqualTo(
        HEADER
            + "Rape,false,[c],true,[c],true,41.5\n"
            + "Robbery,true,120,false,0.25,false,[x]\n"
            + "Theft,false,3,false,[x],[x],0.0001\n"
            + "Fraud,true,[c],true,0.5,false,3\n");
  }

  @Test
  void numbersAreWrittenPlainAndNeverEscaped() throws IOException {
    Schema numbers = SchemaBuilder.record("Numbers").fields().requiredLong("n").requiredDouble("x").endRecord();
    String csv =
        write(numbers, List.of(
            row(numbers, -5L, -0.5),
            row(numbers, Long.MIN_VALUE, 1.0E-7),
            row(numbers, 0L, 1.0E21),
            row(numbers, 42L, 2.0 / 3),
            row(numbers, 7L, -0.0)));
    assertThat(csv).isEqualTo(
        "n,x\n"
            + "-5,-0.5\n"
            + "-9223372036854775808,0.0000001\n"
            + "0,1000000000000000000000\n"
            + "42,0.6666666666666666\n"
            + "7,-0\n");
  }

  @Test
  void formulaLikeStringsGetALeadingQuoteMark() {
    assertThat(CsvTableWriter.withoutFormula("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(CsvTableWriter.withoutFormula("+44 20")).isEqualTo("'+44 20");
    assertThat(CsvTableWriter.withoutFormula("-1+1")).isEqualTo("'-1+1");
    assertThat(CsvTableWriter.withoutFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvTableWriter.withoutFormula("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvTableWriter.withoutFormula("\rcmd")).isEqualTo("'\rcmd");
    assertThat(CsvTableWriter.withoutFormula("a=b")).as("only the first character counts").isEqualTo("a=b");
    assertThat(CsvTableWriter.withoutFormula("")).isEmpty();
    assertThat(CsvTableWriter.withoutFormula("'already")).isEqualTo("'already");
  }

  @Test
  void awkwardStringsSurviveAnRfc4180Reader() throws IOException {
    Schema text = SchemaBuilder.record("Text").fields().requiredString("key").optionalString("value").endRecord();
    List<String> values =
        List.of(
            "plain",
            "comma, inside",
            "a \"quoted\" word",
            "two\nlines",
            "carriage\r\nreturn",
            "lone\rcarriage return",
            "Ysgol Gymraeg – café, naïve, 漢字, 😀",
            "=1+2",
            "-minus",
            "@at",
            "\ttab first",
            "",
            " leading and trailing spaces ",
            "[x]");
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(row(text, String.format("%02d", i), values.get(i)));
    }
    rows.add(row(text, "99", null));
    String csv = write(text, rows);
    assertThat(csv).startsWith("key,value\n00,plain\n01,\"comma, inside\"\n02,\"a \"\"quoted\"\" word\"\n").endsWith("\n99,[x]\n");

    List<List<String>> read = parse(csv);
    assertThat(read.get(0)).containsExactly("key", "value");
    assertThat(read).hasSize(values.size() + 2);
    for (int i = 0; i < values.size(); i++) {
      assertThat(read.get(i + 1)).as(values.get(i)).containsExactly(String.format("%02d", i), CsvTableWriter.withoutFormula(values.get(i)));
    }
    assertThat(read.get(values.size() + 1)).containsExactly("99", "[x]");
  }

  @Test
  void aTableWithNoRowsHasItsHeader() throws IOException {
    assertThat(write(SUPPRESSED_TABLE, List.of())).isEqualTo(
        HEADER);
  }

  @Test
  void sameRowsGiveTheSameBytes() throws IOException {
    List<GenericRecord> rows = List.of(row(SUPPRESSED_TABLE, "Rape", false, null, true, null, true, 41.5));
    CsvTableWriter.write(rows, SUPPRESSED_TABLE, dir.resolve("first.csv"));
    CsvTableWriter.write(rows, SUPPRESSED_TABLE, dir.resolve("again.csv"));
    assertThat(Files.mismatch(dir.resolve("first.csv"), dir.resolve("again.csv"))).isEqualTo(-1L);
  }

  @Test
  void aSuppressionFlagMustBeBoolean() {
    Schema odd = SchemaBuilder.record("Odd").fields().requiredLong("arrests").requiredString("arrests_suppressed").endRecord();
    assertThatThrownBy(() -> CsvTableWriter.write(List.of(), odd, dir.resolve("odd.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrests_suppressed");
  }

  /** RFC 4180 parsing (Jackson's reader, quotes on), every row as a list of fields. */
  private static List<List<String>> parse(String csv) throws IOException {
    CsvMapper reader = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = reader.readerFor(String[].class).readValues(csv)) {
      it.forEachRemaining(r -> rows.add(Arrays.asList(r)));
    }
    return rows;
  }
}
