package org.offstats.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.offstats.schema.TableSchema;

/**
 * A force table's rows as {@code publish/} holds them (OUTPUTS.md "Suppression in publish/"): keys
 * unchanged; a suppressed count null with its {@code _suppressed} flag true; a rate or quantile
 * null and flagged when any count it is computed from is suppressed; with a rounding base,
 * unsuppressed counts rounded and ratios recomputed from the rounded counts.
 */
public final class PublishedRows {
  private PublishedRows() {}

  /**
   * How one column of the exact rows goes into the published ones: its position in both, its
   * {@code _suppressed} flag's position (-1 for a column that is never withheld), and for a derived
   * measure the positions of the counts it is computed from. Worked out once per table rather than
   * looking fields up by name in every row.
   */
  private record Column(String name, int exactPos, int publishedPos, int flagPos, boolean count, List<String> from, int[] fromPos) {}

  /** The published rows of {@code table}, in key order. */
  public static List<GenericRecord> of(String table, ForceCells cells, Suppression suppression, DisclosurePolicy policy) {
    TableSchema schema = cells.schema(table);
    Schema published = schema.publishedSchema();
    List<Column> columns = columns(schema, published);
    List<GenericRecord> rows = new ArrayList<>();
    List<IndexedRecord> exact = cells.rows(table);
    for (int row = 0; row < exact.size(); row++) {
      IndexedRecord source = exact.get(row);
      GenericRecord out = new GenericData.Record(published);
      for (Column column : columns) {
        Object value = source.get(column.exactPos());
        if (column.count()) {
          boolean withheld = suppression.isSuppressed(new CellId(table, row, column.name()));
          out.put(column.publishedPos(), withheld ? null : policy.published(((Number) value).longValue()));
          out.put(column.flagPos(), withheld);
        } else if (column.from() != null) {
          boolean withheld = false;
          for (String count : column.from()) {
            withheld = withheld || suppression.isSuppressed(new CellId(table, row, count));
          }
          out.put(column.publishedPos(), withheld ? null : derivedValue(value, column.fromPos(), source, policy));
          out.put(column.flagPos(), withheld);
        } else {
          out.put(column.publishedPos(), value);
        }
      }
      rows.add(out);
    }
    return rows;
  }

  /** The exact schema's columns that {@code published} keeps, in the exact schema's order. */
  private static List<Column> columns(TableSchema schema, Schema published) {
    Set<String> counts = new HashSet<>(schema.countMeasures());
    Map<String, List<String>> derived = schema.derivedMeasures();
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : schema.schema().getFields()) {
      Schema.Field out = published.getField(field.name());
      if (out == null) {
        continue;
      }
      String name = field.name();
      boolean controlled = counts.contains(name) || derived.containsKey(name);
      int flagPos = controlled ? published.getField(TableSchema.suppressedFlag(name)).pos() : -1;
      List<String> from = counts.contains(name) ? null : derived.get(name);
      int[] fromPos = from == null ? null : from.stream().mapToInt(count -> schema.schema().getField(count).pos()).toArray();
      columns.add(new Column(name, field.pos(), out.pos(), flagPos, counts.contains(name), from, fromPos));
    }
    return columns;
  }

  /**
   * A ratio of two counts (numerator first) is recomputed from their published values when counts
   * are rounded, so that no exact count can be worked back from it; a quantile is left as it is.
   */
  private static Object derivedValue(Object exact, int[] from, IndexedRecord source, DisclosurePolicy policy) {
    if (policy.roundingBase().isEmpty() || from.length != 2) {
      return exact;
    }
    long numerator = policy.published(((Number) source.get(from[0])).longValue());
    long denominator = policy.published(((Number) source.get(from[1])).longValue());
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
