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

  /** The published rows of {@code table}, in key order. */
  public static List<GenericRecord> of(String table, ForceCells cells, Suppression suppression, DisclosurePolicy policy) {
    TableSchema schema = cells.schema(table);
    Schema published = schema.publishedSchema();
    Set<String> counts = new HashSet<>(schema.countMeasures());
    Map<String, List<String>> derived = schema.derivedMeasures();
    List<GenericRecord> rows = new ArrayList<>();
    List<IndexedRecord> exact = cells.rows(table);
    for (int row = 0; row < exact.size(); row++) {
      IndexedRecord source = exact.get(row);
      GenericRecord out = new GenericData.Record(published);
      for (Schema.Field field : schema.schema().getFields()) {
        if (published.getField(field.name()) == null) {
          continue;
        }
        Object value = source.get(field.pos());
        String name = field.name();
        if (counts.contains(name)) {
          boolean withheld = suppression.isSuppressed(new CellId(table, row, name));
          out.put(name, withheld ? null : policy.published(((Number) value).longValue()));
          out.put(TableSchema.suppressedFlag(name), withheld);
        } else if (derived.containsKey(name)) {
          int index = row;
          boolean withheld = derived.get(name).stream().anyMatch(count -> suppression.isSuppressed(new CellId(table, index, count)));
          out.put(name, withheld ? null : derivedValue(value, derived.get(name), source, schema, policy));
          out.put(TableSchema.suppressedFlag(name), withheld);
        } else {
          out.put(name, value);
        }
      }
      rows.add(out);
    }
    return rows;
  }

  /**
   * A ratio of two counts (numerator first) is recomputed from their published values when counts
   * are rounded, so that no exact count can be worked back from it; a quantile is left as it is.
   */
  private static Object derivedValue(Object exact, List<String> from, IndexedRecord source, TableSchema schema, DisclosurePolicy policy) {
    if (policy.roundingBase().isEmpty() || from.size() != 2) {
      return exact;
    }
    long numerator = policy.published(((Number) source.get(schema.schema().getField(from.get(0)).pos())).longValue());
    long denominator = policy.published(((Number) source.get(schema.schema().getField(from.get(1)).pos())).longValue());
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
