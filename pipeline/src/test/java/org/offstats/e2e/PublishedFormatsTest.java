package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.audit.ParquetTables;
import org.offstats.run.ArrowFiles;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * The published tables as other tools read them (issue 9), on one run of the bundled sample
 * extracts plus the awkward police.uk files (empty strings, non-ASCII): DuckDB reads every Parquet
 * file with the types of the table's Avro schema; each {@code publish/<table>.arrow} holds the
 * Parquet file's schema and cells (read with Arrow Java), each {@code publish/<table>.csv} its cells
 * (read with DuckDB's CSV reader), and the manifest lists both with the table's row count.
 */
class PublishedFormatsTest {
  @TempDir static Path temp;
  private static Path run;
  private static Connection db;

  @BeforeAll
  static void runOnTheBundledSample() throws IOException {
    Path input = temp.resolve("input");
    Fixtures.copy("policeuk/awkward", input.resolve("policeuk"));
    for (CsvContract extract : Schemas.extracts()) {
      try (InputStream sample = PublishedFormatsTest.class.getResourceAsStream("/sample-data/" + extract.name() + ".csv")) {
        Files.copy(sample, input.resolve(extract.name() + ".csv"));
      }
    }
    run = temp.resolve("runs").resolve("sample");
    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    db = Duck.open();
  }

  @AfterAll
  static void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void duckDbReadsEveryParquetColumnWithItsAvroType() {
    int files = 0;
    for (TableSchema table : Schemas.tables()) {
      for (String part : List.of("publish", "restricted")) {
        Schema schema = part.equals("publish") ? table.publishedSchema() : table.schema();
        Path file = run.resolve(part).resolve(table.name() + ".parquet");
        List<String> expected = schema.getFields().stream().map(f -> f.name() + " " + duckDbType(f.schema())).toList();
        assertThat(Duck.describe(db, file)).as(part + "/" + table.name() + ".parquet").isEqualTo(expected);
        files++;
      }
    }
    assertThat(files).isEqualTo(26);
  }

  @Test
  void everyArrowFileHoldsItsParquetTable() throws IOException {
    for (TableSchema table : Schemas.tables()) {
      Path parquet = run.resolve("publish").resolve(table.name() + ".parquet");
      ArrowFiles.Contents arrow = ArrowFiles.read(run.resolve("publish").resolve(table.name() + ".arrow"));
      assertThat(arrow.fields()).as(table.name() + ": columns, types, nullability").isEqualTo(ArrowFiles.fieldsFor(parquet));
      assertThat(arrow.rows()).as(table.name() + ": rows in order").isEqualTo(ParquetTables.read(parquet).rows());
    }
    assertThat(ArrowFiles.read(run.resolve("publish/arrests_by_offence.arrow")).rows()).as("the sample fills the tables").hasSizeGreaterThan(1000);
    assertThat(ArrowFiles.read(run.resolve("publish/policeuk_street_by_type.arrow")).rows()).isNotEmpty();
  }

  @Test
  void everyCsvFileHoldsItsParquetTable() throws IOException {
    for (TableSchema table : Schemas.tables()) {
      Schema schema = table.publishedSchema();
      Path csv = run.resolve("publish").resolve(table.name() + ".csv");
      Path parquet = run.resolve("publish").resolve(table.name() + ".parquet");
      String text = Files.readString(csv, StandardCharsets.UTF_8);
      List<String> header = Arrays.stream(text.substring(0, text.indexOf('\n')).split(",")).map(c -> c.replaceAll("^\"|\"$", "")).toList();
      assertThat(header).as(table.name() + ": header").isEqualTo(schema.getFields().stream().map(Schema.Field::name).toList());
      assertThat(text).as(table.name() + ": \\n line ends, no BOM").doesNotContain("\r\n").doesNotStartWith("\uFEFF").endsWith("\n");

      String columns = schema.getFields().stream().map(f -> Duck.literal(f.name()) + ": " + Duck.literal(duckDbType(f.schema())))
          .collect(Collectors.joining(", ", "{", "}"));
      String fromCsv = "read_csv(" + Duck.literal(csv) + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
          + "nullstr = ['[c]', '[x]'], columns = " + columns + ")";
      // the CSV escapes formula-like strings with a leading quote mark: undo it to compare
      String asPublished = schema.getFields().stream()
          .map(f -> duckDbType(f.schema()).equals("VARCHAR")
              ? "regexp_replace(" + Duck.ident(f.name()) + ", '^''([=+\\-@\\t\\r])', '\\1') AS " + Duck.ident(f.name())
              : Duck.ident(f.name()))
          .collect(Collectors.joining(", "));
      long rows = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(parquet));
      assertThat(Duck.count(db, "SELECT count(*) FROM " + fromCsv)).as(table.name() + ": rows").isEqualTo(rows);
      for (String[] sides : List.of(new String[] {"SELECT " + asPublished + " FROM " + fromCsv, "SELECT * FROM " + Duck.parquet(parquet)},
          new String[] {"SELECT * FROM " + Duck.parquet(parquet), "SELECT " + asPublished + " FROM " + fromCsv})) {
        assertThat(Duck.rows(db, sides[0] + " EXCEPT ALL " + sides[1] + " LIMIT 5")).as(table.name() + ": " + sides[0]).isEmpty();
      }
      for (Schema.Field field : schema.getFields()) {
        if (duckDbType(field.schema()).equals("VARCHAR")) {
          assertThat(Duck.count(db, "SELECT count(*) FROM " + fromCsv + " WHERE regexp_matches(" + Duck.ident(field.name()) + ", '^[=+\\-@\\t\\r]')"))
              .as(table.name() + "." + field.name() + ": no cell a spreadsheet would evaluate").isZero();
        }
      }
    }
  }

  @Test
  void manifestListsTheArrowAndCsvFilesWithTheirTable() {
    JsonNode manifest = RunFolder.manifest(run);
    Map<String, JsonNode> outputs = new HashMap<>();
    manifest.path("outputs").forEach(o -> outputs.put(o.path("path").asText(), o));
    List<String> problems = new ArrayList<>();
    for (TableSchema table : Schemas.tables()) {
      long rows = outputs.get("publish/" + table.name() + ".parquet").path("rows").asLong();
      for (String format : List.of(".arrow", ".csv")) {
        String path = "publish/" + table.name() + format;
        JsonNode output = outputs.get(path);
        if (output == null) {
          problems.add(path + " is not listed");
        } else if (!output.path("table").asText().equals(table.name()) || output.path("rows").asLong(-1) != rows
            || !output.path("sha256").asText().equals(RunFolder.sha256(run.resolve(path)))) {
          problems.add(path + ": " + output + " (the Parquet file has " + rows + " rows)");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The DuckDB type of an Avro column type, {@code ["null", X]} as X. */
  private static String duckDbType(Schema type) {
    if (type.getType() == Schema.Type.UNION) {
      return duckDbType(type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow());
    }
    return switch (type.getType()) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      default -> throw new AssertionError(type + " is not a table column type");
    };
  }
}
