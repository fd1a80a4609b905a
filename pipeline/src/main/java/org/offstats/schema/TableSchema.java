package org.offstats.schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A published table's schema: its name, key columns (the sort order) and all columns, keys first.
 * Fields flagged {@code offstats.restricted} appear only in {@code restricted/}.
 */
public final class TableSchema implements Serializable {
  /** Schema property flagging a count measure under disclosure control. */
  static final String COUNT = "offstats.count";

  /** Schema property listing the counts a rate or quantile is computed from. */
  static final String DERIVED_FROM = "offstats.derivedFrom";

  static final String SUPPRESSED_SUFFIX = "_suppressed";

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

  /**
   * Count measures under disclosure control (flagged {@code offstats.count}): each is suppressed
   * in {@code publish/} when small. Empty for tables published as they are (police.uk, headlines).
   */
  public List<String> countMeasures() {
    return schema().getFields().stream().filter(f -> Boolean.TRUE.equals(f.getObjectProp(COUNT))).map(Schema.Field::name).toList();
  }

  /**
   * Measures computed from counts (rates, quantiles; flagged {@code offstats.derivedFrom}), each
   * with the counts it is computed from: suppressed whenever one of them is.
   */
  public Map<String, List<String>> derivedMeasures() {
    Map<String, List<String>> derived = new LinkedHashMap<>();
    for (Schema.Field field : schema().getFields()) {
      @SuppressWarnings("unchecked")
      List<String> from = (List<String>) field.getObjectProp(DERIVED_FROM);
      if (from != null) {
        derived.put(field.name(), List.copyOf(from));
      }
    }
    return derived;
  }

  /** Whether {@code publish/} holds this table with disclosure control applied. */
  public boolean disclosureControlled() {
    return !countMeasures().isEmpty();
  }

  /** The name of a measure's companion flag in {@code publish/} (OUTPUTS.md "Suppression"). */
  public static String suppressedFlag(String measure) {
    return measure + SUPPRESSED_SUFFIX;
  }

  /**
   * The schema of this table in {@code publish/}: without fields flagged restricted, and with
   * every count or derived measure nullable and followed by its BOOLEAN {@code <measure>_suppressed}
   * companion (OUTPUTS.md "Suppression in publish/").
   */
  public Schema publishedSchema() {
    Set<String> controlled = new HashSet<>(countMeasures());
    controlled.addAll(derivedMeasures().keySet());
    List<Schema.Field> kept = new ArrayList<>();
    for (Schema.Field f : schema().getFields()) {
      if (Boolean.TRUE.equals(f.getObjectProp("offstats.restricted"))) {
        continue;
      }
      if (!controlled.contains(f.name())) {
        kept.add(new Schema.Field(f, f.schema()));
        continue;
      }
      Schema nullable = Schema.createUnion(Schema.create(Schema.Type.NULL), f.schema());
      kept.add(new Schema.Field(f.name(), nullable, withSuppressionNote(f.doc()), Schema.Field.NULL_DEFAULT_VALUE));
      kept.add(
          new Schema.Field(
              suppressedFlag(f.name()),
              Schema.create(Schema.Type.BOOLEAN),
              "true when " + f.name() + " is withheld by disclosure control (its value is then null)",
              (Object) null));
    }
    return Schema.createRecord(schema().getName(), schema().getDoc(), schema().getNamespace(), false, kept);
  }

  private static String withSuppressionNote(String doc) {
    String note = "null when suppressed by disclosure control";
    return doc == null ? note : doc + "; " + note;
  }
}
