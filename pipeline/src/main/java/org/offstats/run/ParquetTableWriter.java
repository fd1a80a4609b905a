package org.offstats.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hadoop.conf.Configuration;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.offstats.domain.CodePointOrder;
import org.offstats.schema.TableSchema;

/**
 * Writes one table as one Parquet file, rows fully sorted by the table's keys, with every writer
 * setting pinned so the same rows give the same bytes on any machine, runner or parallelism.
 *
 * <p>Beam's {@code ParquetIO.sink} through {@code FileIO} shards files and does not order rows, so
 * tables are written here with parquet-avro's writer directly, by a single writer per table. The
 * file is written through a plain local stream: no Hadoop file system, so no {@code .crc} side
 * files, and no wall-clock, host or path data goes into the file.
 */
public final class ParquetTableWriter {
  /** Pinned: changing any of these changes published bytes and needs a version note. */
  static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;

  static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;
  static final int PAGE_BYTES = 1024 * 1024;

  /**
   * Data page v2, no dictionary: parquet-mr 1.13 lists a column chunk's encodings from a {@code
   * HashSet} of enums, whose order follows identity hash codes and so changes from one JVM to the
   * next. With v2 pages and no dictionary every column chunk has exactly one encoding, so the
   * footer is the same in every process. (v1 pages always add a level encoding beside the data
   * encoding.) Tables are small and compressed, so the dictionary is not missed.
   */
  static final ParquetProperties.WriterVersion WRITER_VERSION = ParquetProperties.WriterVersion.PARQUET_2_0;

  static final boolean DICTIONARY = false;

  private ParquetTableWriter() {}

  /**
   * Writes {@code rows} (already projected to {@code schema}) to {@code file}, sorted by {@code
   * keys}. A disk that refuses the file (full, read-only) is a {@link CannotWriteException} naming
   * it.
   */
  public static void write(List<? extends IndexedRecord> rows, Schema schema, List<String> keys, Path file, boolean ownerOnly) {
    writeInOrder(sortedByKeys(rows, schema, keys, file), schema, file, ownerOnly);
  }

  /** Writes {@code sorted}, already in the table's row order ({@link #sortedByKeys}), as {@link #write} does. */
  static void writeInOrder(List<? extends IndexedRecord> sorted, Schema schema, Path file, boolean ownerOnly) {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
    try {
      writeSorted(sorted, schema, model, file, ownerOnly);
    } catch (IOException | RuntimeException e) {
      // parquet-mr wraps some failed writes in runtime exceptions of its own
      throw CannotWriteException.writing(file, e);
    }
  }

  private static void writeSorted(List<? extends IndexedRecord> sorted, Schema schema, GenericData model, Path file, boolean ownerOnly)
      throws IOException {
    try (ParquetWriter<IndexedRecord> writer =
        new Builder(new LocalFile(file, ownerOnly), schema, model)
            .withConf(new Configuration(false))
            .withCompressionCodec(CODEC)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .withPageSize(PAGE_BYTES)
            .withDictionaryEncoding(DICTIONARY)
            .withWriterVersion(WRITER_VERSION)
            .withValidation(false)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (IndexedRecord row : sorted) {
        writer.write(row);
      }
    }
  }

  /**
   * {@code rows} in the table's row order ({@link #keyOrder}); two rows with one key are a bug,
   * named after {@code file}.
   */
  public static <R extends IndexedRecord> List<R> sortedByKeys(List<R> rows, Schema schema, List<String> keys, Path file) {
    // each row's key values read once, rather than on every comparison
    int[] positions = keys.stream().mapToInt(key -> schema.getField(key).pos()).toArray();
    List<KeyedRow<R>> keyed = new ArrayList<>(rows.size());
    for (R row : rows) {
      Object[] values = new Object[positions.length];
      for (int k = 0; k < positions.length; k++) {
        values[k] = row.get(positions[k]);
      }
      keyed.add(new KeyedRow<>(values, row));
    }
    Comparator<KeyedRow<R>> order = (a, b) -> compareKeys(a.keys(), b.keys());
    keyed.sort(order);
    List<R> sorted = new ArrayList<>(keyed.size());
    for (int i = 0; i < keyed.size(); i++) {
      if (i > 0 && order.compare(keyed.get(i - 1), keyed.get(i)) == 0) {
        throw new IllegalStateException(file.getFileName() + ": two rows for one key (a pipeline bug)");
      }
      sorted.add(keyed.get(i).row());
    }
    return Collections.unmodifiableList(sorted);
  }

  private record KeyedRow<R>(Object[] keys, R row) {}

  /** {@link #keyOrder} over key values already read from two rows. */
  private static int compareKeys(Object[] a, Object[] b) {
    for (int k = 0; k < a.length; k++) {
      int order = compareValues(a[k], b[k]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** Copies a table row into {@code schema}'s fields by name (publish/ drops restricted fields). */
  public static GenericRecord project(IndexedRecord row, Schema schema) {
    GenericData.Record projected = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      projected.put(field.pos(), row.get(row.getSchema().getField(field.name()).pos()));
    }
    return projected;
  }

  /**
   * OUTPUTS.md row order: by the keys in order; strings by code point, false before true, nulls
   * first.
   */
  public static Comparator<IndexedRecord> keyOrder(Schema schema, List<String> keys) {
    Comparator<IndexedRecord> order = (a, b) -> 0;
    for (String key : keys) {
      int pos = schema.getField(key).pos();
      order = order.thenComparing(r -> r.get(pos), ParquetTableWriter::compareValues);
    }
    return order;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof CharSequence && b instanceof CharSequence) {
      return CodePointOrder.compare(a.toString(), b.toString());
    }
    return ((Comparable) a).compareTo(b);
  }

  /** parquet-avro's writer with the key-value metadata limited to the schema. */
  private static final class Builder extends ParquetWriter.Builder<IndexedRecord, Builder> {
    private final Schema schema;
    private final GenericData model;

    Builder(OutputFile file, Schema schema, GenericData model) {
      super(file);
      this.schema = schema;
      this.model = model;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<IndexedRecord> getWriteSupport(Configuration conf) {
      return new SchemaOnlyMetadata(new AvroWriteSupport<>(new AvroSchemaConverter(conf).convert(schema), schema, model));
    }
  }

  /**
   * OUTPUTS.md: key-value metadata is limited to the schema. parquet-avro also records its
   * {@code writer.model.name}; only {@code parquet.avro.schema} is kept.
   */
  private static final class SchemaOnlyMetadata extends WriteSupport<IndexedRecord> {
    private static final String AVRO_SCHEMA = "parquet.avro.schema";
    private final WriteSupport<IndexedRecord> avro;

    SchemaOnlyMetadata(WriteSupport<IndexedRecord> avro) {
      this.avro = avro;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      WriteContext context = avro.init(configuration);
      Map<String, String> schemaOnly = new HashMap<>();
      schemaOnly.put(AVRO_SCHEMA, context.getExtraMetaData().get(AVRO_SCHEMA));
      return new WriteContext(context.getSchema(), schemaOnly);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      avro.prepareForWrite(recordConsumer);
    }

    @Override
    public void write(IndexedRecord record) {
      avro.write(record);
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
      return avro.finalizeWrite();
    }
  }

  /** A local file as a Parquet {@link OutputFile}, owner-only under restricted/. */
  private static final class LocalFile implements OutputFile {
    private final Path path;
    private final boolean ownerOnly;

    LocalFile(Path path, boolean ownerOnly) {
      this.path = path;
      this.ownerOnly = ownerOnly;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      OutputStream out = ownerOnly ? OwnerOnly.newFile(path) : OwnerOnly.newPublicFile(path);
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
          position += length;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return ROW_GROUP_BYTES;
    }
  }
}
