package org.offstats.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published force tables exactly as OUTPUTS.md "Tables" names them: keys first, then
 * measures. Written out here by hand from the spec text (not read from {@code schemas/}) so that a
 * drift between the schema files and the contract shows up as a test failure.
 */
record TableSpec(String name, List<Column> columns) {

  /** How a column is stored, per OUTPUTS.md: strings, BOOLEAN flag, INT64 counts, DOUBLE rates. */
  enum Kind {
    STRING("VARCHAR"),
    FLAG("BOOLEAN"),
    COUNT("BIGINT"),
    REAL("DOUBLE");

    final String duckType;

    Kind(String duckType) {
      this.duckType = duckType;
    }
  }

  record Column(String name, Kind kind, boolean key) {}

  List<String> keys() {
    return columns.stream().filter(Column::key).map(Column::name).toList();
  }

  List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** Keys and measures compared exactly (everything except DOUBLE). */
  List<String> exactColumns() {
    return columns.stream().filter(c -> c.kind != Kind.REAL).map(Column::name).toList();
  }

  List<String> realColumns() {
    return columns.stream().filter(c -> c.kind == Kind.REAL).map(Column::name).toList();
  }

  /** "name TYPE" for each column, in order, as DuckDB's DESCRIBE prints a Parquet file. */
  List<String> describe() {
    return columns.stream().map(c -> c.name + " " + c.kind.duckType).collect(Collectors.toList());
  }

  static final List<TableSpec> FORCE_TABLES =
      List.of(
          table(
              "arrests_by_offence",
              "month unit_type unit_code offence_group offence_code domestic_abuse:FLAG",
              "arrests persons"),
          table("arrests_by_bcu", "month bcu_code offence_group domestic_abuse:FLAG", "arrests"),
          table("arrests_by_offence_group", "month offence_group", "arrests"),
          table(
              "arrests_by_demographics",
              "financial_year offence_group sex age_band ethnicity_group",
              "arrests"),
          table(
              "arrest_outcomes",
              "financial_year unit_type offence_group",
              "arrests arrests_charged"),
          table(
              "outcomes_by_offence",
              "financial_year scope_type scope outcome_group",
              "crimes"),
          table(
              "charge_rates",
              "financial_year scope_type scope",
              "crimes_recorded charged_summonsed charge_rate:REAL"),
          table(
              "time_to_outcome",
              "financial_year scope_type scope outcome_group",
              "outcomes median_days:REAL p25_days:REAL p75_days:REAL"),
          table("protection_orders", "month order_type event", "events"));

  static final Map<String, TableSpec> BY_NAME =
      FORCE_TABLES.stream().collect(Collectors.toMap(TableSpec::name, t -> t));

  static TableSpec of(String name) {
    TableSpec spec = BY_NAME.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no table " + name);
    }
    return spec;
  }

  /** Keys default to STRING and measures to COUNT; ":KIND" overrides. */
  private static TableSpec table(String name, String keys, String measures) {
    List<Column> columns = new ArrayList<>();
    for (String key : keys.split(" ")) {
      columns.add(column(key, Kind.STRING, true));
    }
    for (String measure : measures.split(" ")) {
      columns.add(column(measure, Kind.COUNT, false));
    }
    return new TableSpec(name, List.copyOf(columns));
  }

  private static Column column(String text, Kind defaultKind, boolean key) {
    String[] parts = text.split(":");
    Kind kind = parts.length == 2 ? Kind.valueOf(parts[1]) : defaultKind;
    return new Column(parts[0], kind, key);
  }
}
