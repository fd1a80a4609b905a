package org.offstats.policeuk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.ReasonCode;
import org.offstats.extract.RejectedRow;
import org.offstats.run.RunFacts;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;
import org.offstats.schema.table.PoliceUkOutcomesByType;
import org.offstats.schema.table.PoliceUkStopSearchByType;
import org.offstats.schema.table.PoliceUkStreetByType;
import org.offstats.tables.AggregateCells;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;
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

  /** Each police.uk file kind and the table it is summarised into. */
  private static final Map<String, TableOf<?>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("street", new TableOf<>("policeuk_street_by_type", PoliceUkStreetByType.class));
    TABLES.put("outcomes", new TableOf<>("policeuk_outcomes_by_type", PoliceUkOutcomesByType.class));
    TABLES.put("stop-and-search", new TableOf<>("policeuk_stop_search", PoliceUkStopSearchByType.class));
  }

  /** A police.uk table: its name, row class and the tag its cells travel under. */
  public record TableOf<R extends SpecificRecordBase>(String table, Class<R> rowClass, TupleTag<KV<List<String>, Contribution>> cells)
      implements java.io.Serializable {
    TableOf(String table, Class<R> rowClass) {
      this(table, rowClass, new TupleTag<KV<List<String>, Contribution>>(table) {});
    }
  }

  private final List<PoliceUkFile> files;

  public PoliceUkTables(List<PoliceUkFile> files) {
    this.files = files;
  }

  /** The police.uk tables, in the order they are written. */
  public static List<TableOf<?>> tables() {
    return List.copyOf(TABLES.values());
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<TupleTag<?>> others = new ArrayList<>();
    others.add(FACTS);
    TABLES.values().forEach(t -> others.add(t.cells()));
    PCollectionTuple read =
        begin
            .apply("ListPoliceUkFiles", Create.of(files).withCoder(SerializableCoder.of(PoliceUkFile.class)))
            .apply("CountRecords", ParDo.of(new ReadFileFn()).withOutputTags(REJECTED, TupleTagList.of(others)));
    read.get(REJECTED).setCoder(RejectedRow.Coder.of());
    PCollectionTuple result = PCollectionTuple.of(REJECTED, read.get(REJECTED)).and(FACTS, read.get(FACTS));
    for (TableOf<?> table : TABLES.values()) {
      result = result.and(table.table(), rows(read.get(table.cells()).setCoder(AggregateCells.CONTRIBUTION_CODER), table));
    }
    return result;
  }

  private static <R extends SpecificRecordBase> PCollection<SpecificRecordBase> rows(
      PCollection<KV<List<String>, Contribution>> cells, TableOf<R> table) {
    @SuppressWarnings("unchecked")
    PCollection<SpecificRecordBase> rows =
        (PCollection<SpecificRecordBase>)
            (PCollection<?>)
                cells
                    .apply("Count " + table.table(), new AggregateCells())
                    .apply("ToRows " + table.table(), ParDo.of(new ToRowFn<>(table.rowClass())))
                    .setCoder(AvroCoder.of(table.rowClass()));
    return rows;
  }

  /** Reads one file: each record goes to its table's cell, or to the rejects. */
  static final class ReadFileFn extends DoFn<PoliceUkFile, RejectedRow> {
    @ProcessElement
    public void processElement(@Element PoliceUkFile file, MultiOutputReceiver out) throws IOException {
      CsvContract source = file.source();
      TableOf<?> table = TABLES.get(file.kind());
      int[] fromColumn = cellColumns(Schemas.table(table.table()), source);
      boolean monthFromFile = file.kind().equals("stop-and-search");
      long accepted = 0;
      List<Long> blankLines;
      try (InputStream in = Files.newInputStream(Path.of(file.location()));
          CsvRecordReader reader = new CsvRecordReader(in, file.path(), file.gzipped())) {
        int fieldCount = reader.header().size();
        for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
          String[] fields = record.fields();
          if (fields.length != fieldCount) {
            out.get(REJECTED).output(new RejectedRow(source.name(), file.path(), record.line(), ReasonCode.WRONG_FIELD_COUNT,
                "the record has " + fields.length + " fields; the header has " + fieldCount, record.raw()));
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
          out.get(table.cells()).output(KV.of(cell, Contribution.count()));
          accepted++;
        }
        blankLines = reader.blankLines();
      }
      out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.ACCEPTED, file.path()), accepted));
      for (Long line : blankLines) {
        out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.BLANK_LINE, file.path(), line.toString()), 1L));
      }
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

  static final class ToRowFn<R extends SpecificRecordBase> extends DoFn<KV<List<String>, CellStats>, R> {
    private final Class<R> rowClass;

    ToRowFn(Class<R> rowClass) {
      this.rowClass = rowClass;
    }

    @ProcessElement
    public void processElement(@Element KV<List<String>, CellStats> cell, OutputReceiver<R> out) throws ReflectiveOperationException {
      R row = TableRows.withKeys(rowClass.getDeclaredConstructor().newInstance(), cell.getKey());
      // the one measure follows the keys: the number of records in the cell
      row.put(cell.getKey().size(), cell.getValue().count());
      out.output(row);
    }
  }
}
