package org.offstats.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The contract of one CSV input (an extract or a reference file), parsed from its Avro schema in
 * {@code schemas/}: the exact column names in canonical order, the key, and each column's rules.
 */
public final class CsvContract implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final List<Column> columns;
  private final List<String> key;
  private final String consistentKey;
  private final String consistentValue;
  private final transient Schema schema;
  private final String schemaJson;

  private CsvContract(Schema schema, String nameProperty) {
    this.schema = schema;
    this.schemaJson = schema.toString();
    this.name = (String) schema.getObjectProp(nameProperty);
    if (name == null) {
      throw new IllegalStateException("schema " + schema.getFullName() + " has no " + nameProperty);
    }
    JsonNode root = readTree(schemaJson);
    List<Column> parsed = new ArrayList<>();
    for (JsonNode field : root.get("fields")) {
      parsed.add(column(field, parsed.size()));
    }
    this.columns = List.copyOf(parsed);
    List<String> keyColumns = new ArrayList<>();
    root.path("offstats.key").forEach(k -> keyColumns.add(k.asText()));
    this.key = List.copyOf(keyColumns);
    JsonNode consistent = root.path("offstats.consistent");
    this.consistentKey = consistent.isMissingNode() ? null : consistent.get("key").asText();
    this.consistentValue = consistent.isMissingNode() ? null : consistent.get("value").asText();
  }

  static CsvContract extract(Schema schema) {
    return new CsvContract(schema, "offstats.extract");
  }

  static CsvContract reference(Schema schema) {
    return new CsvContract(schema, "offstats.reference");
  }

  /** A police.uk file kind; its name is the extract name used in rejects and the manifest. */
  static CsvContract policeUk(Schema schema) {
    return new CsvContract(schema, "offstats.extract");
  }

  /** The extract or reference name ({@code arrests}, {@code offences}, ...). */
  public String name() {
    return name;
  }

  /** Columns in canonical order. */
  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The exact CSV header names, in canonical order. */
  public List<String> headerNames() {
    return columns.stream().map(Column::header).toList();
  }

  public Column column(String columnName) {
    return columns.stream()
        .filter(c -> c.name().equals(columnName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
  }

  /** The columns whose values together identify a record; repeats are {@code DUPLICATE_ID}. */
  public List<String> key() {
    return key;
  }

  /**
   * For reference files where one column must always carry the same value for a given other
   * column (a {@code bcu_code} with one {@code bcu_name}): that pair, else empty.
   */
  public Optional<Map.Entry<String, String>> consistentPair() {
    return consistentKey == null ? Optional.empty() : Optional.of(Map.entry(consistentKey, consistentValue));
  }

  public Schema schema() {
    return schema == null ? new Schema.Parser().parse(schemaJson) : schema;
  }

  private static Column column(JsonNode field, int index) {
    List<String> allowed = new ArrayList<>();
    field.path("offstats.allowed").forEach(v -> allowed.add(v.asText()));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    field.path("offstats.groups").fields().forEachRemaining(g -> {
      List<String> codes = new ArrayList<>();
      g.getValue().forEach(c -> codes.add(c.asText()));
      groups.put(g.getKey(), List.copyOf(codes));
      allowed.addAll(codes);
    });
    JsonNode bound = field.path("offstats.notBeforeReference");
    Column.ReferenceBound referenceBound =
        bound.isMissingNode()
            ? null
            : new Column.ReferenceBound(
                bound.get("via").asText(), bound.get("reference").asText(), bound.get("column").asText());
    String max = text(field, "offstats.max");
    if (max != null && !max.equals("as_at")) {
      throw new IllegalStateException("offstats.max supports only as_at, not " + max);
    }
    return new Column(
        field.get("name").asText(),
        index,
        field.path("offstats.kind").asText(Column.STRING),
        field.path("offstats.required").asBoolean(false),
        text(field, "offstats.requiredWith"),
        text(field, "offstats.ifEmpty"),
        field.path("offstats.minLength").asInt(0),
        field.path("offstats.maxLength").asInt(0),
        text(field, "offstats.pattern"),
        List.copyOf(allowed),
        Collections.unmodifiableMap(groups),
        text(field, "offstats.reference"),
        text(field, "offstats.min"),
        max != null,
        text(field, "offstats.notBefore"),
        referenceBound,
        field.path("offstats.header").asText(field.get("name").asText()));
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable schema", e);
    }
  }
}
