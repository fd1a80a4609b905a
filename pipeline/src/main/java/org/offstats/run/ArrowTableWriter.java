package org.offstats.run;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.offstats.extract.InputException;

/**
 * Writes one table as an Arrow IPC file ({@code publish/<table>.arrow}, the "Feather v2" format that
 * {@code pyarrow.ipc.open_file} and {@code polars.read_ipc} load as it is), from the rows and Avro
 * schema its Parquet file is written from: the same columns, types, nullability, rows and order.
 *
 * <p>Types: Avro string is Utf8, long is Int64, double is Float64, boolean is Bool, and {@code
 * ["null", X]} is a nullable X; other columns are not nullable, as in the Parquet file. The file
 * carries no metadata beyond the schema (no timestamps, no writer name) and the record batches are
 * cut at a fixed number of rows, so the same rows give the same bytes (OUTPUTS.md "Determinism").
 *
 * <p>Arrow Java reaches into {@code java.nio} for its off-heap buffers: the JVM must run with
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} ({@code offstats.jar}'s manifest opens it for
 * {@code java -jar}).
 */
public final class ArrowTableWriter {
  /** Rows per record batch. Pinned: batch boundaries are part of the file's bytes. */
  static final int BATCH_ROWS = 64 * 1024;

  private ArrowTableWriter() {}

  /**
   * Fails before any work when this JVM does not open {@code java.nio} to Arrow Java, which would
   * otherwise stop the run only when it writes its first table.
   */
  public static void checkJavaOptions() {
    if (!Buffer.class.getModule().isOpen(Buffer.class.getPackageName(), ArrowTableWriter.class.getModule())) {
      throw new InputException("Java was started without --add-opens=java.base/java.nio=ALL-UNNAMED, which the Arrow export "
          + "(publish/*.arrow) needs: run java -jar offstats.jar, which adds it, or add the option to the java command");
    }
  }

  /** Writes {@code rows}, in the order given, as an Arrow IPC file with {@code avroSchema}'s columns. */
  public static void write(List<? extends IndexedRecord> rows, Schema avroSchema, Path file) throws IOException {
    write(rows, avroSchema, file, BATCH_ROWS);
  }

  static void write(List<? extends IndexedRecord> rows, Schema avroSchema, Path file, int batchRows) throws IOException {
    List<TableColumn> columns = TableColumn.of(avroSchema);
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema(columns), allocator);
        WritableByteChannel out = Channels.newChannel(OwnerOnly.newPublicFile(file));
        ArrowFileWriter writer = new ArrowFileWriter(batch, null, out)) {
      writer.start();
      for (int from = 0; from < rows.size(); from += batchRows) {
        fill(batch, columns, rows.subList(from, Math.min(rows.size(), from + batchRows)));
        writer.writeBatch();
      }
      writer.end();
    }
  }

  /** The Arrow schema of a table: one field per column, no metadata. */
  static org.apache.arrow.vector.types.pojo.Schema arrowSchema(List<TableColumn> columns) {
    List<Field> fields =
        columns.stream().map(c -> new Field(c.name(), new FieldType(c.nullable(), arrowType(c.type()), null), null)).toList();
    return new org.apache.arrow.vector.types.pojo.Schema(fields);
  }

  private static ArrowType arrowType(TableColumn.Type type) {
    return switch (type) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case LONG -> new ArrowType.Int(64, true);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
    };
  }

  /** Fresh, zeroed buffers for each batch: no bytes of an earlier batch reach the file. */
  private static void fill(VectorSchemaRoot batch, List<TableColumn> columns, List<? extends IndexedRecord> rows) {
    batch.allocateNew();
    for (TableColumn column : columns) {
      FieldVector vector = batch.getVector(column.name());
      for (int i = 0; i < rows.size(); i++) {
        Object value = rows.get(i).get(column.position());
        if (value == null) {
          if (!column.nullable()) {
            throw new IllegalStateException("column " + column.name() + " is not nullable, but a row has no value (a pipeline bug)");
          }
          vector.setNull(i);
          continue;
        }
        switch (column.type()) {
          case STRING -> ((VarCharVector) vector).setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
          case LONG -> ((BigIntVector) vector).setSafe(i, (Long) value);
          case DOUBLE -> ((Float8Vector) vector).setSafe(i, (Double) value);
          case BOOLEAN -> ((BitVector) vector).setSafe(i, (Boolean) value ? 1 : 0);
        }
      }
    }
    batch.setRowCount(rows.size());
  }
}
