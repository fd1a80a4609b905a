package org.offstats.extract;

import java.time.LocalDate;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Fills a generated record class from already-validated CSV values, converting each by its type in
 * {@code schemas/}: strings as they are, flags {@code Y}/{@code N} to booleans, ISO dates, integers;
 * an empty optional value is null.
 */
public final class Records {
  private Records() {}

  public static <T extends SpecificRecordBase> T fill(T record, String[] canonicalValues) {
    Schema schema = record.getSchema();
    for (Schema.Field field : schema.getFields()) {
      String value = canonicalValues[field.pos()];
      record.put(field.pos(), convert(field.schema(), value));
    }
    return record;
  }

  private static Object convert(Schema type, String value) {
    if (type.getType() == Schema.Type.UNION) {
      if (value == null || value.isEmpty()) {
        return null;
      }
      Schema nonNull = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
      return convert(nonNull, value);
    }
    switch (type.getType()) {
      case STRING:
        return value;
      case BOOLEAN:
        return "Y".equals(value);
      case INT:
        return type.getLogicalType() instanceof LogicalTypes.Date
            ? RowValidator.parseDate(value)
            : Integer.valueOf(value);
      case LONG:
        return Long.valueOf(value);
      default:
        throw new IllegalStateException("unsupported column type " + type);
    }
  }
}
