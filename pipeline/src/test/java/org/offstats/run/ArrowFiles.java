package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.Text;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.offstats.audit.ParquetTables;

/** Reading an Arrow IPC file back with Arrow Java's own reader, and what a Parquet file's columns call for in Arrow. */
public final class ArrowFiles {
  private ArrowFiles() {}

  /** An Arrow file's fields, schema metadata, number of record batches and cells (strings as {@link String}). */
  public record Contents(List<Field> fields, Map<String, String> schemaMetadata, int batches, List<List<Object>> rows) {}

  public static Contents read(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      List<List<Object>> rows = new ArrayList<>();
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      for (ArrowBlock block : blocks) {
        reader.loadRecordBatch(block);
        for (int i = 0; i < batch.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : batch.getFieldVectors()) {
            Object value = vector.getObject(i);
            row.add(value instanceof Text text ? text.toString() : value);
          }
          rows.add(row);
        }
      }
      Map<String, String> metadata = batch.getSchema().getCustomMetadata();
      return new Contents(batch.getSchema().getFields(), metadata == null ? Map.of() : metadata, blocks.size(), rows);
    }
  }

  /**
   * The Arrow fields a Parquet file's columns call for: UTF-8 strings as Utf8, INT64 as Int64,
   * DOUBLE as Float64, BOOLEAN as Bool, and OPTIONAL as nullable.
   */
  public static List<Field> fieldsFor(Path parquet) throws IOException {
    List<Field> fields = new ArrayList<>();
    for (Type column : ParquetTables.parquetSchema(parquet).getFields()) {
      PrimitiveType primitive = column.asPrimitiveType();
      ArrowType type = switch (primitive.getPrimitiveTypeName()) {
        case BINARY -> {
          assertThat(primitive.getLogicalTypeAnnotation()).as(column.getName() + " is a UTF-8 string").isEqualTo(LogicalTypeAnnotation.stringType());
          yield ArrowType.Utf8.INSTANCE;
        }
        case INT64 -> new ArrowType.Int(64, true);
        case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        case BOOLEAN -> ArrowType.Bool.INSTANCE;
        default -> throw new AssertionError(column + ": not a table column type");
      };
      fields.add(new Field(column.getName(), new FieldType(column.isRepetition(Type.Repetition.OPTIONAL), type, null), null));
    }
    return fields;
  }
}
