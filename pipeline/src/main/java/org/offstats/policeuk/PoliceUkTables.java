package org.offstats.policeuk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.offstats.extract.CheckedInput;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.InputScan;
import org.offstats.extract.ReasonCode;
import org.offstats.extract.RejectedRow;
import org.offstats.run.GatherAll;
import org.offstats.run.RunFacts;
import org.offstats.run.RunLayout;
import org.offstats.run.WriteRunFolder;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;
import org.offstats.schema.table.PoliceUkOutcomesByType;
import org.offstats.schema.table.PoliceUkStopSearchByType;
import org.offstats.schema.table.PoliceUkStreetByType;
import org.offstats.tables.CellSink;
import org.offstats.tables.PartialTables;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;
import org.offstats.tables.ExactTables;
import org.offstats.tables.TableRows;

/**
 * {@code policeuk_street_by_type}, {@code policeuk_outcomes_by_type} and {@code
 * policeuk_stop_search} (OUTPUTS.md): the public police.uk files counted record for record, as they
 * are, with no reference data and no as-at bound. Every record counts (empty Crime IDs of
 * anti-social behaviour, repeated Crime IDs, empty fields as empty strings); the only reject is a
 * record with the wrong number of fields.
 *
 * <p>A table's cell is its key columns: {@code force} is the file name's force slug, {@code month}
 * the file's month for stop and search (whose UTC dates may fall in the previous month) and the
 * {@code Month} column otherwise, and every other key is the input column of the same name.
 */
public final class PoliceUkTables extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> FACTS = new TupleTag<>() {};
  /** Every police.uk table's rows, as one element. */
  public static final TupleTag<ExactTables> ROWS = new TupleTag<>() {};
  static final TupleTag<PartialTables> PARTIALS = new TupleTag<>() {};

  /** Each police.uk file kind and the table it is summarised into. */
  private static final Map<String, TableOf<?>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("street", new TableOf<>("policeuk_street_by_type", PoliceUkStreetByType.class));
    TABLES.put("outcomes", new TableOf<>("policeuk_outcomes_by_type", PoliceUkOutcomesByType.class));
    TABLES.put("stop-and-search", new TableOf<>("policeuk_stop_search", PoliceUkStopSearchByType.class));
  }

  /** A police.uk table: its name and row class. */
  public record TableOf<R extends SpecificRecordBase>(String table, Class<R> rowClass) implements java.io.Serializable {}



  private final List<PoliceUkFile> files;
  private final Map<String, InputScan.FileChecksum> checksums;
  private final long recordLimitBytes;
  private final String runRoot;

  /**
   * @param checksums each file's checksum taken before reading, which the bytes read must match
   * @param recordLimitBytes the longest record read whole ({@code --max-record-bytes})
   * @param runRoot the temporary run folder the tables are written into
   */
  public PoliceUkTables(List<PoliceUkFile> files, Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes, String runRoot) {
    this.files = files;
    this.checksums = checksums;
    this.recordLimitBytes = recordLimitBytes;
    this.runRoot = runRoot;
  }

  /** The police.uk tables, in the order they are written. */
  public static List<TableOf<?>> tables() {
    return List.copyOf(TABLES.values());
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple read =
        begin
            .apply("ListPoliceUkFiles", Create.of(files).withCoder(SerializableCoder.of(PoliceUkFile.class)))
            .apply("CountRecords", ParDo.of(new ReadFileFn(checksums, recordLimitBytes)).withOutputTags(REJECTED, TupleTagList.of(PARTIALS).and(FACTS)));
    read.get(REJECTED).setCoder(RejectedRow.Coder.of());
    read.get(FACTS).setCoder(WriteRunFolder.factCoder());
    read.get(PARTIALS).setCoder(PartialTables.Coder.of());
    PCollectionTuple built =
        read.get(PARTIALS)
            .apply("GatherPartials", GatherAll.of())
            .apply("BuildAndWrite", ParDo.of(new BuildFn(runRoot)).withOutputTags(ROWS, TupleTagList.of(FACTS)));
    built.get(ROWS).setCoder(ExactTables.Coder.of());
    built.get(FACTS).setCoder(WriteRunFolder.factCoder());
    PCollection<KV<String, Long>> facts =
        PCollectionList.of(read.get(FACTS)).and(built.get(FACTS)).apply("AllFacts", Flatten.pCollections());
    return PCollectionTuple.of(REJECTED, read.get(REJECTED)).and(FACTS, facts).and(ROWS, built.get(ROWS));
  }

  /**
   * Merges the files' partials, turns each table's cells into rows, writes each table into
   * {@code restricted/} and, as it is, into {@code publish/}, and outputs every table's rows as
   * one element (for the headline figures over police.uk tables) and their row counts.
   */
  static final class BuildFn extends DoFn<List<PartialTables>, ExactTables> {
    private final String runRoot;

    BuildFn(String runRoot) {
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element List<PartialTables> partials, MultiOutputReceiver out) throws ReflectiveOperationException {
      PartialTables merged = PartialTables.merge(partials);
      Map<String, List<SpecificRecordBase>> rows = new LinkedHashMap<>();
      for (TableOf<?> table : TABLES.values()) {
        List<SpecificRecordBase> tableRows = new ArrayList<>();
        for (Map.Entry<List<String>, CellStats> cell : merged.cells(table.table()).entrySet()) {
          SpecificRecordBase row = TableRows.withKeys(table.rowClass().getDeclaredConstructor().newInstance(), cell.getKey());
          // the one measure follows the keys: the number of records in the cell
          row.put(cell.getKey().size(), cell.getValue().count());
          tableRows.add(row);
        }
        WriteRunFolder.writeAsItIs(tableRows, table.table(), new RunLayout(Path.of(runRoot)));
        out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.TABLE_ROWS, table.table()), (long) tableRows.size()));
        rows.put(table.table(), tableRows);
      }
      out.get(ROWS).output(new ExactTables(rows));
    }
  }

  /** Reads one file: each record goes to its table's cell, or to the rejects. */
  static final class ReadFileFn extends DoFn<PoliceUkFile, RejectedRow> {
    private final Map<String, InputScan.FileChecksum> checksums;
    private final long recordLimitBytes;

    ReadFileFn(Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes) {
      this.checksums = checksums;
      this.recordLimitBytes = recordLimitBytes;
    }

    @ProcessElement
    public void processElement(@Element PoliceUkFile file, MultiOutputReceiver out) throws IOException {
      CsvContract source = file.source();
      TableOf<?> table = TABLES.get(file.kind());
      int[] fromColumn = cellColumns(Schemas.table(table.table()), source);
      boolean monthFromFile = file.kind().equals("stop-and-search");
      long read = 0;
      long accepted = 0;
      Map<String, Long> rejectedByReason = new java.util.TreeMap<>();
      PartialTables partials = new PartialTables();
      CellSink cells = partials.table(table.table());
      List<Long> blankLines;
      try (CheckedInput input = CheckedInput.open(Path.of(file.location()), checksums.get(file.path()));
          CsvRecordReader reader = new CsvRecordReader(input, file.gzipped(), recordLimitBytes)) {
        int fieldCount = reader.header().size();
        for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
          read++;
          String[] fields = record.fields();
          if (record.isTooLong() || fields.length != fieldCount) {
            // the only rejects of police.uk files: records cannot be counted in a cell without their fields
            ReasonCode reason = record.isTooLong() ? ReasonCode.RECORD_TOO_LONG : ReasonCode.WRONG_FIELD_COUNT;
            out.get(REJECTED).output(new RejectedRow(source.name(), file.path(), record.line(), reason,
                record.isTooLong() ? record.tooLong().message() : "the record has " + fields.length + " fields; the header has " + fieldCount,
                record.raw()));
            rejectedByReason.merge(reason.name(), 1L, Long::sum);
            continue;
          }
          List<String> cell = new ArrayList<>(fromColumn.length);
          for (int column : fromColumn) {
            cell.add(switch (column) {
              case FORCE -> file.force();
              case MONTH -> monthFromFile ? file.month() : fields[source.column("month").index()];
              default -> fields[column];
            });
          }
          cells.add(cell, Contribution.count());
          accepted++;
        }
        blankLines = reader.blankLines();
      }
      out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.READ, file.path()), read));
      out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.ACCEPTED, file.path()), accepted));
      rejectedByReason.forEach((reason, n) -> out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.REJECTED, file.path(), reason), n)));
      for (Long line : blankLines) {
        out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.BLANK_LINE, file.path(), line.toString()), 1L));
      }
      out.get(PARTIALS).output(partials);
    }
  }

  private static final int FORCE = -1;
  private static final int MONTH = -2;

  /** Where each key of the table comes from: an input column, or the file's force or month. */
  static int[] cellColumns(TableSchema table, CsvContract source) {
    return table.keys().stream()
        .mapToInt(key -> switch (key) {
          case "force" -> FORCE;
          case "month" -> MONTH;
          default -> source.column(key).index();
        })
        .toArray();
  }
}
