package org.offstats.extract;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    return fill(record, canonicalValues, null);
  }

  /**
   * As {@link #fill(SpecificRecordBase, String[])}, taking each date the validator has already
   * read ({@link RowValidator.Result#dates()}) instead of reading it again.
   */
  public static <T extends SpecificRecordBase> T fill(T record, String[] canonicalValues, LocalDate[] dates) {
    FieldType[] types = FIELD_TYPES.get(record.getClass());
    if (types == null) {
      // not computeIfAbsent: its lambda would capture the record, an object per record filled
      types = FIELD_TYPES.computeIfAbsent(record.getClass(), c -> fieldTypes(record.getSchema()));
    }
    for (int i = 0; i < types.length; i++) {
      LocalDate date = dates == null || !types[i].isDate() ? null : dates[i];
      record.put(i, date != null ? date : types[i].convert(canonicalValues[i]));
    }
    return record;
  }

  /** Each record class's field types, worked out once: every accepted record is filled. */
  private static final Map<Class<?>, FieldType[]> FIELD_TYPES = new ConcurrentHashMap<>();

  private static FieldType[] fieldTypes(Schema schema) {
    FieldType[] types = new FieldType[schema.getFields().size()];
    for (Schema.Field field : schema.getFields()) {
      Schema type = field.schema();
      boolean optional = type.getType() == Schema.Type.UNION;
      if (optional) {
        type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
      }
      types[field.pos()] = new FieldType(optional, type);
    }
    return types;
  }

  /** A field's type: a union with null (an optional value) or not, and the value's own type. */
  private record FieldType(boolean optional, Schema type) {
    boolean isDate() {
      return type.getType() == Schema.Type.INT && type.getLogicalType() instanceof LogicalTypes.Date;
    }

    Object convert(String value) {
      if (optional && (value == null || value.isEmpty())) {
        return null;
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
}
