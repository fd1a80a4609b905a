package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.cli.OffstatsCli;
import org.offstats.extract.ReferenceData;
import org.offstats.figures.FigureDefinitions;
import org.offstats.schema.table.Headline;
import org.offstats.generate.SyntheticExtracts;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * Issue 4's audit, from the outside: a run with the bundled policy over a small synthetic extract
 * (many small cells), then the withheld cells read back from the nulls in {@code publish/} and, for
 * each, the range of values consistent with every published count and every declared relation, by
 * linear programming ({@link DisclosureAudit}, which knows nothing of how the cells were chosen).
 * Every withheld cell's range must be wider than the threshold, no published count may be small,
 * and the same tables must give the same pattern again.
 */
class SecondarySuppressionAuditTest {
  private static final List<String> FORCE_TABLES =
      List.of(
          "arrests_by_offence", "arrests_by_bcu", "arrests_by_offence_group", "arrests_by_demographics", "arrest_outcomes",
          "outcomes_by_offence", "charge_rates", "time_to_outcome", "protection_orders");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} arrests, seed {1}")
  @CsvSource({"600, 23", "1500, 5"})
  void noWithheldCellCanBeNarrowedToWithinTheThreshold(int arrests, long seed) throws IOException {
    Path input = temp.resolve("input");
    SyntheticExtracts.write(input, arrests, seed, false);
    Path run = temp.resolve("run");
    int exit = OffstatsCli.execute("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31", "--progress", "off");
    assertThat(exit).isZero();
    DisclosurePolicy policy = DisclosurePolicy.bundled();
    assertThat(policy.secondarySuppression()).as("the bundled policy").isTrue();

    Map<String, List<GenericRecord>> tables = new LinkedHashMap<>();
    for (String table : FORCE_TABLES) {
      tables.put(table, read(run.resolve("restricted").resolve(table + ".parquet")));
    }
    ForceCells cells = new ForceCells(tables);
    // the headline figures as published bound sums of cells too: the attacker knows them
    List<Headline> headlines = new ArrayList<>();
    for (GenericRecord row : read(run.resolve("restricted").resolve("headlines.parquet"))) {
      headlines.add(new Headline(row.get("figure_id").toString(), row.get("unit").toString(), (Double) row.get("value"),
          (Double) row.get("published_value"), row.get("statement").toString()));
    }
    List<Relation> relations =
        AdditiveRelations.of(
            cells, AdditiveRelations.Hierarchy.of(reference(input.resolve("reference"))),
            HeadlineDisclosure.totals(headlines, FigureDefinitions.bundled().figures(), LocalDate.parse("2025-10-31")));
    for (Relation relation : relations) {
      long sum = relation.plus().stream().mapToLong(cells::value).sum() - relation.minus().stream().mapToLong(cells::value).sum();
      assertThat(sum).as("declared relation holds on the exact tables: " + relation.name()).isBetween(relation.low(), relation.high());
    }

    Set<CellId> withheld = new HashSet<>();
    for (String table : FORCE_TABLES) {
      TableSchema schema = Schemas.table(table);
      for (GenericRecord row : read(run.resolve("publish").resolve(table + ".parquet"), schema.publishedSchema())) {
        List<String> keys = schema.keys().stream().map(k -> String.valueOf(row.get(k))).toList();
        int index = cells.row(table, keys).orElseThrow();
        for (String measure : schema.countMeasures()) {
          CellId cell = new CellId(table, index, measure);
          Object shown = row.get(measure);
          assertThat(row.get(TableSchema.suppressedFlag(measure))).as(cell + " flag").isEqualTo(shown == null);
          if (shown == null) {
            withheld.add(cell);
          } else {
            assertThat(policy.isSmall((Long) shown)).as(cell + " published small").isFalse();
            assertThat((Long) shown).as(cell + " published exactly").isEqualTo(cells.value(cell));
          }
        }
      }
    }
    assertThat(withheld).isNotEmpty();

    List<DisclosureAudit.Range> exposed = DisclosureAudit.exposed(cells, relations, withheld, policy);
    assertThat(exposed).as("withheld cells whose consistent range is " + policy.protectionWidth() + " wide or less").isEmpty();

    assertThat(Suppression.of(cells, relations, policy).cells().keySet()).as("the same pattern again").isEqualTo(withheld);
  }

  private static ReferenceData reference(Path folder) throws IOException {
    return ReferenceData.load(new ReferenceData.Opener() {
      @Override
      public InputStream open(String name) throws IOException {
        return Files.newInputStream(folder.resolve(name + ".csv"));
      }

      @Override
      public String describe(String name) {
        return name;
      }
    });
  }

  private static List<GenericRecord> read(Path file) throws IOException {
    return read(file, null);
  }

  /** The rows of a Parquet file, read with {@code schema} when given (else the file's own). */
  private static List<GenericRecord> read(Path file, org.apache.avro.Schema schema) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    Configuration conf = new Configuration();
    if (schema != null) {
      AvroReadSupport.setAvroReadSchema(conf, schema);
    }
    // generic records: the published shape has the table's record name but not its generated class
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toString()), conf))
            .withDataModel(GenericData.get()).build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
