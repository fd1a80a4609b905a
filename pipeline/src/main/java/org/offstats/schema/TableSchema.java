package org.offstats.schema;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A published table's schema: its name, key columns (the sort order) and all columns, keys first.
 * Fields flagged {@code offstats.restricted} appear only in {@code restricted/}.
 */
public final class TableSchema implements Serializable {
  private final String name;
  private final List<String> keys;
  private final String schemaJson;
  private transient Schema schema;

  private TableSchema(Schema schema) {
    this.schema = schema;
    this.schemaJson = schema.toString();
    this.name = (String) schema.getObjectProp("offstats.table");
    @SuppressWarnings("unchecked")
    List<String> keyNames = (List<String>) schema.getObjectProp("offstats.keys");
    this.keys = List.copyOf(keyNames);
    for (int i = 0; i < keys.size(); i++) {
      if (!schema.getFields().get(i).name().equals(keys.get(i))) {
        throw new IllegalStateException("table " + name + ": keys must be the first columns, in order");
      }
    }
  }

  static TableSchema of(Schema schema) {
    return new TableSchema(schema);
  }

  public String name() {
    return name;
  }

  public List<String> keys() {
    return keys;
  }

  public List<String> columnNames() {
    return schema().getFields().stream().map(Schema.Field::name).toList();
  }

  public Schema schema() {
    if (schema == null) {
      schema = new Schema.Parser().parse(schemaJson);
    }
    return schema;
  }

  /** The schema of this table in {@code publish/}: without fields flagged restricted. */
  public Schema publishedSchema() {
    List<Schema.Field> kept =
        schema().getFields().stream()
            .filter(f -> !Boolean.TRUE.equals(f.getObjectProp("offstats.restricted")))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    Schema published =
        Schema.createRecord(schema().getName(), schema().getDoc(), schema().getNamespace(), false, kept);
    return published;
  }
}
