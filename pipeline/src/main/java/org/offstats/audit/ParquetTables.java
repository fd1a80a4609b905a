package org.offstats.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.offstats.schema.Schemas;

/**
 * Reads a run's Parquet table back, whole, for cell-by-cell comparison. Through a plain local file
 * (no Hadoop file system), as {@code ParquetTableWriter} writes them.
 */
public final class ParquetTables {
  private ParquetTables() {}

  /**
   * One table as read: its name (the file name), columns, key columns (empty when unknown: rows are
   * then matched by position), and rows with strings as {@link String}.
   */
  public record Table(String name, List<String> columns, List<String> keys, List<List<Object>> rows) {
    public int column(String column) {
      return columns.indexOf(column);
    }
  }

  /** A file that cannot be read as Parquet (a flipped byte can break a page or the footer). */
  public static final class UnreadableException extends IOException {
    UnreadableException(Path file, Throwable cause) {
      super(file.getFileName() + " is not readable as Parquet (" + describe(cause) + ")", cause);
    }
  }

  public static Table read(Path file) throws UnreadableException {
    String name = tableName(file);
    List<List<Object>> rows = new ArrayList<>();
    Schema schema = null;
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
            .withDataModel(GenericData.get())
            .withConf(new Configuration(false))
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        schema = record.getSchema();
        List<Object> row = new ArrayList<>(schema.getFields().size());
        for (int i = 0; i < schema.getFields().size(); i++) {
          row.add(normalise(record.get(i)));
        }
        rows.add(row);
      }
      if (schema == null) {
        schema = emptyFileSchema(file);
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      throw new UnreadableException(file, e);
    }
    List<String> columns = schema.getFields().stream().map(Schema.Field::name).toList();
    return new Table(name, columns, keys(name, schema, columns), rows);
  }

  /** {@code publish/charge_rates.parquet} holds table {@code charge_rates}. */
  public static String tableName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".parquet") ? name.substring(0, name.length() - ".parquet".length()) : name;
  }

  /** The table's keys from {@code schemas/}, else from the file's own schema, else none. */
  @SuppressWarnings("unchecked")
  private static List<String> keys(String name, Schema schema, List<String> columns) {
    List<String> keys;
    try {
      keys = Schemas.table(name).keys();
    } catch (NoSuchElementException e) {
      Object property = schema.getObjectProp("offstats.keys");
      keys = property instanceof List<?> list ? (List<String>) list : List.of();
    }
    return columns.containsAll(keys) ? List.copyOf(keys) : List.of();
  }

  /** A table with no rows still has its schema in the footer. */
  private static Schema emptyFileSchema(Path file) throws IOException {
    return new org.apache.parquet.avro.AvroSchemaConverter(new Configuration(false)).convert(parquetSchema(file));
  }

  /** The Parquet schema in a file's footer: physical types, logical types and repetition. */
  public static MessageType parquetSchema(Path file) throws IOException {
    try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static Object normalise(Object value) {
    return value instanceof CharSequence text ? text.toString() : value;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage().split("\n")[0];
    String text = root.getClass().getSimpleName() + message;
    // parquet's messages may end in an object's identity hash, which differs from run to run
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  /** A local file as a Parquet {@link InputFile}. */
  static final class LocalInputFile implements InputFile {
    private final Path path;

    LocalInputFile(Path path) {
      this.path = path;
    }

    @Override
    public long getLength() throws IOException {
      return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableByteChannel channel = Files.newByteChannel(path);
      InputStream in = Channels.newInputStream(channel);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
          channel.position(newPos);
        }
      };
    }
  }
}
