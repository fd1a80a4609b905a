package org.offstats.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.offstats.extract.RejectedRow;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * The sinks of the job: each table written whole by one writer into {@code restricted/} and
 * {@code publish/}, the rejects files, and the facts file for the manifest. All write into the
 * run's temporary folder; the run step renames it into place only when everything succeeded.
 */
public final class WriteRunFolder {
  private WriteRunFolder() {}

  /**
   * Writes a table published as it is (police.uk, already public): its rows into {@code
   * restricted/} and, projected to the published schema, into {@code publish/}.
   */
  public static void writeAsItIs(List<? extends SpecificRecordBase> rows, String tableName, RunLayout layout) {
    TableSchema table = Schemas.table(tableName);
    ParquetTableWriter.write(rows, table.schema(), table.keys(), layout.restrictedTable(tableName), true);
    Schema published = table.publishedSchema();
    List<IndexedRecord> publishedRows = new ArrayList<>(rows.size());
    rows.forEach(r -> publishedRows.add(ParquetTableWriter.project(r, published)));
    writePublished(publishedRows, published, tableName, layout);
  }

  /**
   * Writes a table's published rows (already projected to {@code published}) as {@code
   * publish/<table>.parquet}, and the same rows in the same order as {@code .arrow} (for Python
   * and R data frames) and {@code .csv} (for spreadsheets).
   */
  static void writePublished(List<? extends IndexedRecord> publishedRows, Schema published, String tableName, RunLayout layout) {
    for (PublishedFile write : publishedFiles(publishedRows, published, tableName, layout)) {
      write.call();
    }
  }

  /** Writing one file of {@code publish/}: independent of the others, so it may run beside them. */
  interface PublishedFile extends Callable<Void> {
    @Override
    Void call();
  }

  /**
   * The writes of {@link #writePublished}, one per file, in the order it writes them: the rows are
   * put in order here, once, for all three.
   */
  static List<PublishedFile> publishedFiles(List<? extends IndexedRecord> publishedRows, Schema published, String tableName, RunLayout layout) {
    List<String> keys = Schemas.table(tableName).keys();
    List<? extends IndexedRecord> inOrder = ParquetTableWriter.sortedByKeys(publishedRows, published, keys, layout.publishedTable(tableName));
    PublishedFile parquet = () -> {
      ParquetTableWriter.writeInOrder(inOrder, published, layout.publishedTable(tableName), false);
      return null;
    };
    PublishedFile arrowFile = () -> {
      Path arrow = layout.publishedArrow(tableName);
      try {
        ArrowTableWriter.write(inOrder, published, arrow);
      } catch (IOException | RuntimeException e) {
        throw CannotWriteException.writing(arrow, e);
      }
      return null;
    };
    PublishedFile csvFile = () -> {
      Path csv = layout.publishedCsv(tableName);
      try {
        CsvTableWriter.write(inOrder, published, csv);
      } catch (IOException | RuntimeException e) {
        throw CannotWriteException.writing(csv, e);
      }
      return null;
    };
    return List.of(parquet, arrowFile, csvFile);
  }

  /** Writes {@code restricted/rejects/<extract>.csv} for every extract, sorted by (file, line). */
  public static void rejects(PCollection<RejectedRow> rejected, String runRoot) {
    rejected
        .apply("CollectRejects", GatherAll.<RejectedRow>of())
        .apply("WriteRejectsCsv", ParDo.of(new WriteRejectsFn(runRoot)));
  }

  /** Writes the facts file read by the manifest step. */
  public static void facts(PCollection<KV<String, Long>> facts, String runRoot) {
    facts
        .apply("CollectFacts", GatherAll.<KV<String, Long>>of())
        .apply("WriteFactsFile", ParDo.of(new WriteFactsFn(runRoot)));
  }

  static final class WriteRejectsFn extends DoFn<List<RejectedRow>, Void> {
    private final String runRoot;

    WriteRejectsFn(String runRoot) {
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element List<RejectedRow> rejected) {
      RunLayout layout = new RunLayout(Path.of(runRoot));
      CsvSchema.Builder header = CsvSchema.builder();
      Schemas.rejects().columnNames().forEach(header::addColumn);
      CsvMapper csv = new CsvMapper();
      for (var extract : Schemas.recordSources()) {
        List<Object[]> rows =
            rejected.stream()
                .filter(r -> r.extract().equals(extract.name()))
                .sorted(RejectedRow.FILE_AND_LINE)
                .map(r -> new Object[] {r.file(), r.line(), r.reason().name(), r.message(), r.raw()})
                .toList();
        Path file = layout.rejectsFile(extract.name());
        try (Writer writer = new java.io.OutputStreamWriter(OwnerOnly.newFile(file), StandardCharsets.UTF_8)) {
          // the header is written even when there are no rows (Jackson writes it with the first row)
          writer.write(String.join(",", Schemas.rejects().columnNames()) + "\n");
          try (var sequence = csv.writer(header.build().withoutHeader().withLineSeparator("\n")).writeValues(writer)) {
            sequence.writeAll(rows);
          }
        } catch (IOException | RuntimeException e) {
          throw CannotWriteException.writing(file, e);
        }
      }
    }
  }

  static final class WriteFactsFn extends DoFn<List<KV<String, Long>>, Void> {
    private final String runRoot;

    WriteFactsFn(String runRoot) {
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element List<KV<String, Long>> facts) {
      RunFacts.write(facts, new RunLayout(Path.of(runRoot)).work());
    }
  }

  /** Coder for facts. */
  public static KvCoder<String, Long> factCoder() {
    return KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }
}
