package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.audit.ParquetTables;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * {@code publish/<table>.arrow} holds what {@code publish/<table>.parquet} holds: each file is
 * written from the same rows, read back with Arrow Java's own reader and with the project's Parquet
 * reader, and compared column by column (names, types, nullability) and cell by cell.
 */
class ArrowTableWriterTest {
  @TempDir Path dir;

  /** Every column type a table may have, plain and nullable; keys first. */
  static final Schema SAMPLE =
      SchemaBuilder.record("Sample").namespace("org.offstats.test").fields()
          .requiredString("area")
          .requiredBoolean("flagged")
          .requiredLong("count")
          .requiredDouble("rate")
          .optionalString("note")
          .optionalLong("maybe_count")
          .optionalDouble("maybe_rate")
          .optionalBoolean("maybe_flag")
          .endRecord();

  static final List<String> SAMPLE_KEYS = List.of("area", "flagged");

  static GenericRecord sample(String area, boolean flagged, long count, double rate, String note, Long maybeCount, Double maybeRate,
      Boolean maybeFlag) {
    GenericData.Record row = new GenericData.Record(SAMPLE);
    row.put("area", area);
    row.put("flagged", flagged);
    row.put("count", count);
    row.put("rate", rate);
    row.put("note", note);
    row.put("maybe_count", maybeCount);
    row.put("maybe_rate", maybeRate);
    row.put("maybe_flag", maybeFlag);
    return row;
  }

  /** Given out of order: the writers get them sorted, as WriteRunFolder gives them. */
  static List<GenericRecord> sampleRows() {
    return List.of(
        sample("Wrexham", true, 12, 0.25, "Ysgol – café 漢字 😀", null, null, null),
        sample("Cardiff", false, Long.MAX_VALUE, 1.0E-4, null, 7L, 0.1, true),
        sample("Cardiff", true, Long.MIN_VALUE, -0.0, "", -3L, Double.NaN, false),
        sample("", false, 0, Double.POSITIVE_INFINITY, "a,\"b\"\nc", 0L, -1.5E300, null),
        sample("Ñandú", false, 1, 1.0 / 3, "=SUM(A1)", Long.MIN_VALUE, Double.MIN_VALUE, true));
  }

  @Test
  void sameSchemaAndCellsAsTheParquetFromTheSameRows() throws IOException {
    Comparison both = writeBoth(sampleRows(), SAMPLE, SAMPLE_KEYS, ArrowTableWriter.BATCH_ROWS);
    assertThat(both.arrow().rows()).hasSize(5);
    assertThat(both.arrow().rows()).isEqualTo(both.parquet().rows());
    assertThat(both.arrow().rows().get(0)).as("sorted by key: the empty area first")
        .containsExactly("", false, 0L, Double.POSITIVE_INFINITY, "a,\"b\"\nc", 0L, -1.5E300, null);
    assertThat(both.arrow().fields()).isEqualTo(ArrowFiles.fieldsFor(both.parquetFile()));
    assertThat(both.arrow().fields().stream().map(Field::getName)).containsExactlyElementsOf(both.parquet().columns());
  }

  @Test
  void typesFollowTheAvroSchema() throws IOException {
    Comparison both = writeBoth(sampleRows(), SAMPLE, SAMPLE_KEYS, ArrowTableWriter.BATCH_ROWS);
    ArrowType int64 = new ArrowType.Int(64, true);
    ArrowType float64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    assertThat(both.arrow().fields())
        .extracting(Field::getName, Field::getType, Field::isNullable)
        .containsExactly(
            tuple("area", ArrowType.Utf8.INSTANCE, false),
            tuple("flagged", ArrowType.Bool.INSTANCE, false),
            tuple("count", int64, false),
            tuple("rate", float64, false),
            tuple("note", ArrowType.Utf8.INSTANCE, true),
            tuple("maybe_count", int64, true),
            tuple("maybe_rate", float64, true),
            tuple("maybe_flag", ArrowType.Bool.INSTANCE, true));
    assertThat(both.arrow().schemaMetadata()).as("no key-value metadata: nothing that varies").isEmpty();
    assertThat(both.arrow().fields()).allSatisfy(f -> assertThat(f.getMetadata()).isEmpty());
  }

  @Test
  void nullCellsStayNull() throws IOException {
    Comparison both = writeBoth(sampleRows(), SAMPLE, SAMPLE_KEYS, ArrowTableWriter.BATCH_ROWS);
    long nulls = both.arrow().rows().stream().flatMap(List::stream).filter(v -> v == null).count();
    assertThat(nulls).as("three in the first row given, one each in the second and fourth").isEqualTo(5);
  }

  @Test
  void aTableWithNoRowsKeepsItsSchema() throws IOException {
    Comparison both = writeBoth(List.of(), SAMPLE, SAMPLE_KEYS, ArrowTableWriter.BATCH_ROWS);
    assertThat(both.arrow().rows()).isEmpty();
    assertThat(both.parquet().rows()).isEmpty();
    assertThat(both.arrow().fields()).isEqualTo(ArrowFiles.fieldsFor(both.parquetFile()));
  }

  @Test
  void rowsSpreadOverSeveralBatchesComeBackInOrder() throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(sample("area " + i, i % 2 == 0, i, i / 7.0, i % 3 == 0 ? null : "note " + i, i % 4 == 0 ? null : (long) -i, null, i % 5 == 0));
    }
    Comparison both = writeBoth(rows, SAMPLE, SAMPLE_KEYS, 3);
    assertThat(both.arrow().batches()).isEqualTo(4);
    assertThat(both.arrow().rows()).isEqualTo(both.parquet().rows());
  }

  @Test
  void sameRowsGiveTheSameBytes() throws IOException {
    List<GenericRecord> rows = ParquetTableWriter.sortedByKeys(sampleRows(), SAMPLE, SAMPLE_KEYS, dir.resolve("sample"));
    ArrowTableWriter.write(rows, SAMPLE, dir.resolve("first.arrow"));
    ArrowTableWriter.write(rows, SAMPLE, dir.resolve("again.arrow"));
    assertThat(Files.mismatch(dir.resolve("first.arrow"), dir.resolve("again.arrow"))).isEqualTo(-1L);
    assertThat(Files.readAllBytes(dir.resolve("first.arrow"))).startsWith("ARROW1".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void everyPublishedTableSchemaHasTheParquetFilesColumns() throws IOException {
    for (TableSchema table : Schemas.tables()) {
      Comparison both = writeBoth(List.of(), table.publishedSchema(), table.keys(), ArrowTableWriter.BATCH_ROWS);
      assertThat(both.arrow().fields()).as(table.name()).isEqualTo(ArrowFiles.fieldsFor(both.parquetFile()));
    }
  }

  @Test
  void aColumnTypeOutsideTheFourFails() {
    Schema withInt = SchemaBuilder.record("Odd").fields().requiredInt("small").endRecord();
    assertThatThrownBy(() -> ArrowTableWriter.write(List.of(), withInt, dir.resolve("odd.arrow")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Odd.small");
  }

  @Test
  void aNullInARequiredColumnIsABug() {
    GenericRecord row = sample("Cardiff", false, 1, 0.5, null, null, null, null);
    row.put("area", null);
    assertThatThrownBy(() -> ArrowTableWriter.write(List.of(row), SAMPLE, dir.resolve("bad.arrow")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("area");
  }

  // ------------------------------------------------------------------ helpers

  record Comparison(ArrowFiles.Contents arrow, ParquetTables.Table parquet, Path parquetFile) {}

  /** Writes the Parquet file as the run does (it sorts), and the Arrow file from the same rows sorted. */
  private Comparison writeBoth(List<GenericRecord> rows, Schema schema, List<String> keys, int batchRows) throws IOException {
    Path parquet = dir.resolve(schema.getName() + ".parquet");
    Path arrow = dir.resolve(schema.getName() + ".arrow");
    ParquetTableWriter.write(rows, schema, keys, parquet, false);
    ArrowTableWriter.write(ParquetTableWriter.sortedByKeys(rows, schema, keys, parquet), schema, arrow, batchRows);
    return new Comparison(ArrowFiles.read(arrow), ParquetTables.read(parquet), parquet);
  }
}
