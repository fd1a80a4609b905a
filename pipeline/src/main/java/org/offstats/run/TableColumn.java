package org.offstats.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * One column of a table as the export formats (Arrow, CSV) see it: its name, its position in the
 * row, one of the four types a table column may have (OUTPUTS.md "Tables": strings, BOOLEAN,
 * INT64, DOUBLE) and whether it may be null. Read from the same Avro schema the Parquet file is
 * written from, so the three files of a table agree on names, types and nullability.
 */
record TableColumn(String name, int position, Type type, boolean nullable) {

  /** The Avro types a table column may have. */
  enum Type {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN
  }

  /**
   * The columns of a table's record schema, in order. {@code ["null", X]} (either order) is a
   * nullable X; anything else than the four types is a schema mistake and fails.
   */
  static List<TableColumn> of(Schema record) {
    List<TableColumn> columns = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      Schema type = field.schema();
      boolean nullable = false;
      if (type.getType() == Schema.Type.UNION) {
        List<Schema> branches = type.getTypes();
        if (branches.size() != 2 || branches.stream().noneMatch(b -> b.getType() == Schema.Type.NULL)) {
          throw new IllegalArgumentException(record.getName() + "." + field.name() + ": only [\"null\", X] unions are table columns");
        }
        type = branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
        nullable = true;
      }
      columns.add(new TableColumn(field.name(), field.pos(), typeOf(record, field, type), nullable));
    }
    return columns;
  }

  private static Type typeOf(Schema record, Schema.Field field, Schema type) {
    Schema.Type avro = type.getLogicalType() == null ? type.getType() : Schema.Type.NULL;
    return switch (avro) {
      case STRING -> Type.STRING;
      case LONG -> Type.LONG;
      case DOUBLE -> Type.DOUBLE;
      case BOOLEAN -> Type.BOOLEAN;
      default -> throw new IllegalArgumentException(record.getName() + "." + field.name() + ": Avro type " + type
          + " is not a table column type (string, long, double or boolean)");
    };
  }
}
