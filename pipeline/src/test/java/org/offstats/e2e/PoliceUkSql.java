package org.offstats.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The three police.uk tables of OUTPUTS.md written out by hand from the spec text, and an
 * independent DuckDB computation of them from the raw public files (EXTRACTS.md "Public open-data
 * files"). DuckDB's own CSV reader does the parsing; nothing here uses the pipeline's code.
 */
final class PoliceUkSql {
  private PoliceUkSql() {}

  static final TableSpec STREET =
      spec("policeuk_street_by_type", List.of("month", "force", "reported_by", "crime_type", "last_outcome_category"), "crimes");
  static final TableSpec OUTCOMES =
      spec("policeuk_outcomes_by_type", List.of("month", "force", "reported_by", "outcome_type"), "outcomes");
  static final TableSpec STOP_SEARCH =
      spec(
          "policeuk_stop_search",
          List.of("month", "force", "type", "object_of_search", "outcome", "gender", "age_range", "officer_defined_ethnicity"),
          "searches");

  static final List<TableSpec> TABLES = List.of(STREET, OUTCOMES, STOP_SEARCH);

  /** The manifest's extract name of each kind (the name of its rejects file). */
  static final Map<String, String> EXTRACT_OF_KIND =
      Map.of("street", "policeuk_street", "outcomes", "policeuk_outcomes", "stop-and-search", "policeuk_stop_and_search");

  /** EXTRACTS.md: the file-name pattern, as a DuckDB (RE2) regular expression on the base name. */
  static final String NAME_PATTERN = "^(\\d{4}-\\d{2})-([a-z0-9-]+)-(street|outcomes|stop-and-search)\\.csv(\\.gz)?$";

  private static TableSpec spec(String name, List<String> keys, String measure) {
    List<TableSpec.Column> columns = new ArrayList<>();
    keys.forEach(k -> columns.add(new TableSpec.Column(k, TableSpec.Kind.STRING, true)));
    columns.add(new TableSpec.Column(measure, TableSpec.Kind.COUNT, false));
    return new TableSpec(name, List.copyOf(columns));
  }

  /** The kind of a police.uk file name: street, outcomes or stop-and-search. */
  static String kindOf(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(NAME_PATTERN).matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a police.uk file name: " + fileName);
    }
    return m.group(3);
  }

  /**
   * {@code read_csv} over the files as plain RFC 4180 text: every value a string, the header
   * from the first line, the file's path in {@code filename}. DuckDB reads an empty field as NULL.
   */
  static String readCsv(List<Path> files) {
    String list = files.stream().map(Duck::literal).collect(Collectors.joining(", ", "[", "]"));
    return "read_csv(" + list + ", header = true, all_varchar = true, filename = true,"
        + " delim = ',', quote = '\"', escape = '\"')";
  }

  private static String baseName(String column) {
    return "regexp_extract(" + column + ", '([^/]+)$', 1)";
  }

  /** The file name's month ({@code YYYY-MM}) of the row's file. */
  static String fileMonth() {
    return "regexp_extract(" + baseName("filename") + ", " + Duck.literal(NAME_PATTERN) + ", 1)";
  }

  /** The file name's force slug of the row's file. */
  static String fileForce() {
    return "regexp_extract(" + baseName("filename") + ", " + Duck.literal(NAME_PATTERN) + ", 2)";
  }

  private static String text(String column) {
    return "coalesce(" + Duck.ident(column) + ", '')";
  }

  /**
   * Loads raw_street, raw_outcomes and raw_stop_search from the files (by kind, from the name) and
   * creates {@code expected_<table>} for each police.uk table, following OUTPUTS.md:
   * street/outcomes month = the {@code Month} column, stop-and-search month = the file name's month,
   * force = the file name's slug, every empty field the empty string.
   */
  static void load(Connection db, List<Path> files) {
    Map<String, List<Path>> byKind = new LinkedHashMap<>();
    for (String kind : List.of("street", "outcomes", "stop-and-search")) {
      byKind.put(kind, new ArrayList<>());
    }
    for (Path file : files) {
      byKind.get(kindOf(file.getFileName().toString())).add(file);
    }
    rawTable(db, "raw_street", byKind.get("street"),
        "\"Crime ID\", \"Month\", \"Reported by\", \"Falls within\", \"Longitude\", \"Latitude\", \"Location\","
            + " \"LSOA code\", \"LSOA name\", \"Crime type\", \"Last outcome category\", \"Context\"");
    rawTable(db, "raw_outcomes", byKind.get("outcomes"),
        "\"Crime ID\", \"Month\", \"Reported by\", \"Falls within\", \"Longitude\", \"Latitude\", \"Location\","
            + " \"LSOA code\", \"LSOA name\", \"Outcome type\"");
    rawTable(db, "raw_stop_search", byKind.get("stop-and-search"),
        "\"Type\", \"Date\", \"Part of a policing operation\", \"Policing operation\", \"Latitude\", \"Longitude\","
            + " \"Gender\", \"Age range\", \"Self-defined ethnicity\", \"Officer-defined ethnicity\", \"Legislation\","
            + " \"Object of search\", \"Outcome\", \"Outcome linked to object of search\","
            + " \"Removal of more than just outer clothing\"");

    Duck.execute(db,
        "CREATE OR REPLACE TABLE expected_policeuk_street_by_type AS SELECT "
            + text("Month") + " AS month, " + fileForce() + " AS force, " + text("Reported by") + " AS reported_by, "
            + text("Crime type") + " AS crime_type, " + text("Last outcome category") + " AS last_outcome_category, "
            + "count(*) AS crimes FROM raw_street GROUP BY ALL");
    Duck.execute(db,
        "CREATE OR REPLACE TABLE expected_policeuk_outcomes_by_type AS SELECT "
            + text("Month") + " AS month, " + fileForce() + " AS force, " + text("Reported by") + " AS reported_by, "
            + text("Outcome type") + " AS outcome_type, count(*) AS outcomes FROM raw_outcomes GROUP BY ALL");
    Duck.execute(db,
        "CREATE OR REPLACE TABLE expected_policeuk_stop_search AS SELECT "
            + fileMonth() + " AS month, " + fileForce() + " AS force, " + text("Type") + " AS type, "
            + text("Object of search") + " AS object_of_search, " + text("Outcome") + " AS outcome, "
            + text("Gender") + " AS gender, " + text("Age range") + " AS age_range, "
            + text("Officer-defined ethnicity") + " AS officer_defined_ethnicity, count(*) AS searches "
            + "FROM raw_stop_search GROUP BY ALL");
  }

  /** A raw table with the exact public columns (a missing or misnamed column fails here) and filename. */
  private static void rawTable(Connection db, String name, List<Path> files, String columns) {
    if (files.isEmpty()) {
      String empty = java.util.Arrays.stream(columns.split(", "))
          .map(c -> "NULL::VARCHAR AS " + c).collect(Collectors.joining(", "));
      Duck.execute(db, "CREATE OR REPLACE TABLE " + name + " AS SELECT " + empty + ", NULL::VARCHAR AS filename LIMIT 0");
      return;
    }
    Duck.execute(db, "CREATE OR REPLACE TABLE " + name + " AS SELECT " + columns + ", filename FROM " + readCsv(files));
  }

  /** Records per file (by absolute path) in the raw tables: an independent {@code rows_read}. */
  static Map<String, Long> recordsPerFile(Connection db) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String raw : List.of("raw_street", "raw_outcomes", "raw_stop_search")) {
      for (List<Object> row : Duck.rows(db, "SELECT filename, count(*) FROM " + raw + " GROUP BY filename")) {
        counts.put(row.get(0).toString(), ((Number) row.get(1)).longValue());
      }
    }
    return counts;
  }
}
