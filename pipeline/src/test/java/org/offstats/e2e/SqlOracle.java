package org.offstats.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An independent computation of every force table of OUTPUTS.md and of the five shipped headline
 * figures, written in SQL straight from the spec text and run on DuckDB over the raw CSV extracts.
 * It shares no code with the pipeline: when the two disagree, one of them has misread the spec.
 *
 * <p>For <b>clean</b> inputs only (no record that a rule of EXTRACTS.md would reject), because it
 * implements the published definitions, not the validation rules; {@link #cleanlinessViolations()}
 * checks the input really is clean before any comparison is trusted.
 *
 * <p>Each table is materialised as {@code expected_<table>} in {@link #db()}, with the columns in
 * the order of OUTPUTS.md.
 */
public final class SqlOracle implements AutoCloseable {

  static final List<String> EXTRACTS = List.of("arrests", "outcomes", "protection_orders");

  /** Every column of each extract, as EXTRACTS.md lists them (read as text, never type-guessed). */
  static final Map<String, List<String>> EXTRACT_COLUMNS =
      Map.of(
          "arrests",
          List.of(
              "arrest_id", "person_ref", "arrest_date", "bcu_code", "unit_code", "offence_code",
              "domestic_abuse", "operation", "sex", "age_band", "ethnicity"),
          "outcomes",
          List.of(
              "crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code",
              "outcome_type", "outcome_date", "arrest_id"),
          "protection_orders",
          List.of("order_ref", "order_type", "event", "event_date", "bcu_code", "crime_ref"));

  static final Map<String, List<String>> REFERENCE_COLUMNS =
      Map.of(
          "offences",
          List.of("offence_code", "offence_name", "offence_subgroup", "offence_group", "vawg"),
          "outcome_types",
          List.of("outcome_type", "outcome_name", "outcome_group"),
          "units",
          List.of("unit_code", "unit_name", "unit_type", "established"),
          "bcus",
          List.of("bcu_code", "bcu_name", "borough_code", "borough_name"));

  /** The five headline figures OUTPUTS.md says are shipped at least. */
  static final List<String> HEADLINE_IDS =
      List.of(
          "pou_persons_arrested_since_launch",
          "pou_da_arrests_since_launch",
          "rape_charge_rate_latest_fy",
          "da_charge_rate_latest_fy",
          "rape_median_days_to_charge_latest_fy");

  /** The unit of count OUTPUTS.md gives each of the shipped figures. */
  static final Map<String, String> HEADLINE_UNITS =
      Map.of(
          "pou_persons_arrested_since_launch", "persons",
          "pou_da_arrests_since_launch", "arrests",
          "rape_charge_rate_latest_fy", "rate",
          "da_charge_rate_latest_fy", "rate",
          "rape_median_days_to_charge_latest_fy", "days");

  private final Connection db;
  private final LocalDate asAt;

  private SqlOracle(Connection db, LocalDate asAt) {
    this.db = db;
    this.asAt = asAt;
  }

  /** Loads INPUT's extracts and INPUT/reference into DuckDB and computes every expected table. */
  static SqlOracle load(Path input, LocalDate asAt) {
    Connection db = Duck.open();
    SqlOracle oracle = new SqlOracle(db, asAt);
    oracle.loadReference(input.resolve("reference"));
    for (String extract : EXTRACTS) {
      oracle.loadExtract(input, extract);
    }
    oracle.defineMacros();
    oracle.typeAndEnrich();
    oracle.computeTables();
    return oracle;
  }

  Connection db() {
    return db;
  }

  LocalDate asAt() {
    return asAt;
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The files of an extract per EXTRACTS.md "Finding the files": directly in the input folder,
   * named {@code <extract>...csv} or {@code .csv.gz}, in byte order of the name with .gz ignored.
   */
  static List<Path> extractFiles(Path input, String extract) {
    try (Stream<Path> files = Files.list(input)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.startsWith(extract) && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
              })
          .sorted(
              (a, b) ->
                  compareBytes(
                      a.getFileName().toString().replaceFirst("\\.gz$", ""),
                      b.getFileName().toString().replaceFirst("\\.gz$", "")))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String readCsv(List<Path> files) {
    String list =
        files.stream().map(Duck::literal).collect(Collectors.joining(", ", "[", "]"));
    // all_varchar: nothing is type-guessed; the SQL below casts each column as the spec says.
    return "read_csv("
        + list
        + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"',"
        + " union_by_name = true)";
  }

  private void loadReference(Path referenceDir) {
    if (!Files.isDirectory(referenceDir)) {
      throw new IllegalArgumentException(
          "the SQL oracle needs the input's own reference/ folder: " + referenceDir);
    }
    REFERENCE_COLUMNS.forEach(
        (name, columns) ->
            Duck.execute(
                db,
                "CREATE TABLE ref_"
                    + name
                    + " AS SELECT "
                    + String.join(", ", columns)
                    + " FROM "
                    + readCsv(List.of(referenceDir.resolve(name + ".csv")))));
  }

  private void loadExtract(Path input, String extract) {
    List<String> columns = EXTRACT_COLUMNS.get(extract);
    List<Path> files = extractFiles(input, extract);
    String select = String.join(", ", columns);
    if (files.isEmpty()) {
      String empty =
          columns.stream().map(c -> "NULL::VARCHAR AS " + c).collect(Collectors.joining(", "));
      Duck.execute(db, "CREATE TABLE raw_" + extract + " AS SELECT " + empty + " WHERE false");
    } else {
      Duck.execute(
          db,
          "CREATE TABLE raw_" + extract + " AS SELECT " + select + " FROM " + readCsv(files));
    }
  }

  private void defineMacros() {
    // OUTPUTS.md: financial_year `YYYY-YY`, April to March, e.g. 2021-22.
    Duck.execute(
        db,
        "CREATE MACRO fy_start(d) AS CASE WHEN month(d) >= 4 THEN year(d) ELSE year(d) - 1 END");
    Duck.execute(
        db, "CREATE MACRO fy(d) AS printf('%d-%02d', fy_start(d), (fy_start(d) + 1) % 100)");
    // OUTPUTS.md: month `YYYY-MM`.
    Duck.execute(db, "CREATE MACRO ym(d) AS strftime(d, '%Y-%m')");
    // EXTRACTS.md: empty means "not given".
    Duck.execute(db, "CREATE MACRO given(v) AS nullif(v, '')");
  }

  private void typeAndEnrich() {
    // EXTRACTS.md ethnicity table: 18+1 codes plus the legacy O1, each to its 5+1 group;
    // empty = NS = Not stated.
    Duck.execute(
        db,
        """
        CREATE TABLE ethnicity_groups AS SELECT * FROM (VALUES
          ('W1','White'),('W2','White'),('W3','White'),('W9','White'),
          ('M1','Mixed'),('M2','Mixed'),('M3','Mixed'),('M9','Mixed'),
          ('A1','Asian'),('A2','Asian'),('A3','Asian'),('A4','Asian'),('A9','Asian'),
          ('B1','Black'),('B2','Black'),('B9','Black'),
          ('O1','Other'),('O2','Other'),('O9','Other'),
          ('NS','Not stated')) AS t(ethnicity, ethnicity_group)
        """);
    Duck.execute(
        db,
        """
        CREATE TABLE arrests AS
        SELECT a.arrest_id,
               a.person_ref,
               CAST(a.arrest_date AS DATE) AS arrest_date,
               ym(CAST(a.arrest_date AS DATE)) AS month,
               fy(CAST(a.arrest_date AS DATE)) AS financial_year,
               a.bcu_code,
               a.unit_code,
               u.unit_type,
               a.offence_code,
               o.offence_group,
               a.domestic_abuse = 'Y' AS domestic_abuse,
               coalesce(given(a.sex), 'U') AS sex,
               coalesce(given(a.age_band), 'U') AS age_band,
               e.ethnicity_group
        FROM raw_arrests a
        JOIN ref_units u ON u.unit_code = a.unit_code
        JOIN ref_offences o ON o.offence_code = a.offence_code
        JOIN ethnicity_groups e ON e.ethnicity = coalesce(given(a.ethnicity), 'NS')
        """);
    // One row per recorded crime; outcome_group as at the extract, or 'Not yet assigned an
    // outcome' when the crime has none (OUTPUTS.md outcomes_by_offence).
    Duck.execute(
        db,
        """
        CREATE TABLE crimes AS
        SELECT c.crime_ref,
               CAST(c.recorded_date AS DATE) AS recorded_date,
               fy(CAST(c.recorded_date AS DATE)) AS financial_year,
               o.offence_group,
               o.offence_subgroup,
               o.vawg = 'Y' AS offence_vawg,
               c.domestic_abuse = 'Y' AS domestic_abuse,
               given(c.outcome_type) AS outcome_type,
               CAST(given(c.outcome_date) AS DATE) AS outcome_date,
               CASE WHEN given(c.outcome_type) IS NULL THEN 'Not yet assigned an outcome'
                    ELSE t.outcome_group END AS outcome_group
        FROM raw_outcomes c
        JOIN ref_offences o ON o.offence_code = c.offence_code
        LEFT JOIN ref_outcome_types t ON t.outcome_type = given(c.outcome_type)
        """);
    // OUTPUTS.md "Scopes": each crime counts in several scopes at once.
    Duck.execute(
        db,
        """
        CREATE TABLE crime_scopes AS
        SELECT *, 'all' AS scope_type, 'All offences' AS scope FROM crimes
        UNION ALL SELECT *, 'offence_group', offence_group FROM crimes
        UNION ALL SELECT *, 'offence_subgroup', offence_subgroup FROM crimes
        UNION ALL SELECT *, 'domestic_abuse', 'Domestic abuse' FROM crimes WHERE domestic_abuse
        UNION ALL SELECT *, 'vawg', 'VAWG' FROM crimes WHERE offence_vawg OR domestic_abuse
        """);
    Duck.execute(
        db,
        """
        CREATE TABLE orders AS
        SELECT order_type, event, CAST(event_date AS DATE) AS event_date
        FROM raw_protection_orders
        """);
  }

  private void computeTables() {
    expect(
        "arrests_by_offence",
        """
        SELECT month, unit_type, unit_code, offence_group, offence_code, domestic_abuse,
               count(*) AS arrests, count(DISTINCT person_ref) AS persons
        FROM arrests GROUP BY ALL
        """);
    expect(
        "arrests_by_bcu",
        """
        SELECT month, bcu_code, offence_group, domestic_abuse, count(*) AS arrests
        FROM arrests GROUP BY ALL
        """);
    expect(
        "arrests_by_offence_group",
        """
        SELECT month, offence_group, count(*) AS arrests
        FROM arrests GROUP BY ALL
        """);
    expect(
        "arrests_by_demographics",
        """
        SELECT financial_year, offence_group, sex, age_band, ethnicity_group, count(*) AS arrests
        FROM arrests GROUP BY ALL
        """);
    // arrests_charged: arrests whose arrest_id is linked from a crime with outcome type 1.
    expect(
        "arrest_outcomes",
        """
        SELECT financial_year, unit_type, offence_group,
               count(*) AS arrests,
               count(*) FILTER (WHERE arrest_id IN (
                   SELECT arrest_id FROM raw_outcomes
                   WHERE given(outcome_type) = '1' AND given(arrest_id) IS NOT NULL))
                 AS arrests_charged
        FROM arrests GROUP BY ALL
        """);
    expect(
        "outcomes_by_offence",
        """
        SELECT financial_year, scope_type, scope, outcome_group, count(*) AS crimes
        FROM crime_scopes GROUP BY ALL
        """);
    // Cohort basis: of crimes recorded in the year, the share with outcome type 1 at the
    // extract; crimes with no outcome yet stay in the denominator.
    expect(
        "charge_rates",
        """
        SELECT financial_year, scope_type, scope,
               count(*) AS crimes_recorded,
               count(*) FILTER (WHERE outcome_type = '1') AS charged_summonsed,
               (count(*) FILTER (WHERE outcome_type = '1'))::DOUBLE / count(*) AS charge_rate
        FROM crime_scopes GROUP BY ALL
        """);
    // Days = outcome_date - recorded_date; quantile_cont = linear interpolation between order
    // statistics, exactly as OUTPUTS.md names it.
    expect(
        "time_to_outcome",
        """
        WITH o AS (
          SELECT financial_year, scope_type, scope, outcome_group,
                 datediff('day', recorded_date, outcome_date)::DOUBLE AS days
          FROM crime_scopes WHERE outcome_type IS NOT NULL)
        SELECT financial_year, scope_type, scope, outcome_group,
               count(*) AS outcomes,
               quantile_cont(days, 0.5) AS median_days,
               quantile_cont(days, 0.25) AS p25_days,
               quantile_cont(days, 0.75) AS p75_days
        FROM o GROUP BY ALL
        UNION ALL
        SELECT financial_year, scope_type, scope, 'All outcomes',
               count(*), quantile_cont(days, 0.5), quantile_cont(days, 0.25),
               quantile_cont(days, 0.75)
        FROM o GROUP BY financial_year, scope_type, scope
        """);
    expect(
        "protection_orders",
        """
        SELECT ym(event_date) AS month, order_type, event, count(*) AS events
        FROM orders GROUP BY ALL
        """);
  }

  /** Materialises expected_TABLE with OUTPUTS.md's column order and types, sorted by its keys. */
  private void expect(String table, String sql) {
    TableSpec spec = TableSpec.of(table);
    String casts =
        spec.columns().stream()
            .map(
                c ->
                    "CAST("
                        + Duck.ident(c.name())
                        + " AS "
                        + c.kind().duckType
                        + ") AS "
                        + Duck.ident(c.name()))
            .collect(Collectors.joining(", "));
    Duck.execute(
        db,
        "CREATE TABLE expected_"
            + table
            + " AS SELECT "
            + casts
            + " FROM ("
            + sql
            + ") ORDER BY "
            + orderByKeys(spec));
  }

  static String orderByKeys(TableSpec spec) {
    return spec.keys().stream()
        .map(k -> Duck.ident(k) + " ASC NULLS FIRST")
        .collect(Collectors.joining(", "));
  }

  /** The expected rows of a table, sorted by its keys. */
  List<List<Object>> expectedRows(String table) {
    return Duck.rows(
        db,
        "SELECT * FROM expected_" + table + " ORDER BY " + orderByKeys(TableSpec.of(table)));
  }

  /**
   * The latest complete financial year as OUTPUTS.md defines it: the latest year whose 31 March is
   * on or before as-at.
   */
  static String latestCompleteFinancialYear(LocalDate asAt) {
    int endYear =
        asAt.isBefore(LocalDate.of(asAt.getYear(), 3, 31)) ? asAt.getYear() - 1 : asAt.getYear();
    return String.format("%d-%02d", endYear - 1, endYear % 100);
  }

  /** The exact value of each shipped headline figure (null when its cell does not exist). */
  Map<String, Double> headlineValues() {
    String asAtLiteral = "DATE " + Duck.literal(asAt.toString());
    String fy = Duck.literal(latestCompleteFinancialYear(asAt));
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(
        "pou_persons_arrested_since_launch",
        single(
            "SELECT count(DISTINCT person_ref)::DOUBLE FROM arrests WHERE unit_type = 'POU'"
                + " AND arrest_date BETWEEN DATE '2020-11-01' AND "
                + asAtLiteral));
    values.put(
        "pou_da_arrests_since_launch",
        single(
            "SELECT count(*)::DOUBLE FROM arrests WHERE unit_type = 'POU' AND domestic_abuse"
                + " AND arrest_date BETWEEN DATE '2020-11-01' AND "
                + asAtLiteral));
    values.put(
        "rape_charge_rate_latest_fy",
        single(
            "SELECT charge_rate FROM expected_charge_rates WHERE financial_year = "
                + fy
                + " AND scope_type = 'offence_subgroup' AND scope = 'Rape'"));
    values.put(
        "da_charge_rate_latest_fy",
        single(
            "SELECT charge_rate FROM expected_charge_rates WHERE financial_year = "
                + fy
                + " AND scope_type = 'domestic_abuse' AND scope = 'Domestic abuse'"));
    values.put(
        "rape_median_days_to_charge_latest_fy",
        single(
            "SELECT median_days FROM expected_time_to_outcome WHERE financial_year = "
                + fy
                + " AND scope_type = 'offence_subgroup' AND scope = 'Rape'"
                + " AND outcome_group = 'Charged/Summonsed'"));
    return values;
  }

  private Double single(String sql) {
    List<List<Object>> rows = Duck.rows(db, sql);
    if (rows.isEmpty() || rows.get(0).get(0) == null) {
      return null;
    }
    return ((Number) rows.get(0).get(0)).doubleValue();
  }

  /** Every pseudonymised identifier in the inputs (EXTRACTS.md: never in publish/). */
  List<String> identifiers() {
    return Duck.strings(
        db,
        """
        SELECT DISTINCT id FROM (
          SELECT arrest_id AS id FROM raw_arrests
          UNION ALL SELECT person_ref FROM raw_arrests
          UNION ALL SELECT crime_ref FROM raw_outcomes
          UNION ALL SELECT arrest_id FROM raw_outcomes
          UNION ALL SELECT order_ref FROM raw_protection_orders
          UNION ALL SELECT crime_ref FROM raw_protection_orders)
        WHERE given(id) IS NOT NULL ORDER BY id
        """);
  }

  /** The latest date of any kind in the extracts (a safe explicit as-at for generated input). */
  static LocalDate latestDate(Path input) {
    try (SqlOracle probe = new SqlOracle(Duck.open(), LocalDate.MAX)) {
      for (String extract : EXTRACTS) {
        probe.loadExtract(input, extract);
      }
      List<Object> row =
          Duck.rows(
                  probe.db,
                  """
                  SELECT greatest(
                    (SELECT max(CAST(nullif(arrest_date, '') AS DATE)) FROM raw_arrests),
                    (SELECT max(CAST(nullif(recorded_date, '') AS DATE)) FROM raw_outcomes),
                    (SELECT max(CAST(nullif(outcome_date, '') AS DATE)) FROM raw_outcomes),
                    (SELECT max(CAST(nullif(event_date, '') AS DATE)) FROM raw_protection_orders))
                  """)
              .get(0);
      return LocalDate.parse(row.get(0).toString());
    }
  }

  /**
   * Rule checks of EXTRACTS.md, as SQL: each entry is a rule and how many records break it. The
   * oracle's figures are only comparable to the pipeline's when every count is zero.
   */
  List<String> cleanlinessViolations() {
    String asAtLiteral = "DATE " + Duck.literal(asAt.toString());
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("reference offences: repeated offence_code", dupes("ref_offences", "offence_code"));
    checks.put(
        "reference outcome_types: repeated outcome_type", dupes("ref_outcome_types", "outcome_type"));
    checks.put("reference units: repeated unit_code", dupes("ref_units", "unit_code"));
    checks.put("reference bcus: repeated borough_code", dupes("ref_bcus", "borough_code"));
    checks.put(
        "reference bcus: a bcu_code with two names",
        "SELECT count(*) FROM (SELECT bcu_code FROM ref_bcus GROUP BY bcu_code"
            + " HAVING count(DISTINCT bcu_name) > 1)");

    checks.put("arrests: repeated arrest_id", dupes("raw_arrests", "arrest_id"));
    checks.put("arrests: arrest_id not 4-40 chars", idLength("raw_arrests", "arrest_id", 40, false));
    checks.put("arrests: person_ref not 4-64 chars", idLength("raw_arrests", "person_ref", 64, false));
    checks.put("arrests: arrest_date not a valid ISO date", badDate("raw_arrests", "arrest_date", false));
    checks.put(
        "arrests: arrest_date out of range",
        "SELECT count(*) FROM raw_arrests a LEFT JOIN ref_units u USING (unit_code)"
            + " WHERE TRY_CAST(a.arrest_date AS DATE) < greatest(DATE '2000-01-01',"
            + " TRY_CAST(u.established AS DATE)) OR TRY_CAST(a.arrest_date AS DATE) > "
            + asAtLiteral);
    checks.put("arrests: unknown bcu_code", notIn("raw_arrests", "bcu_code", "ref_bcus", "bcu_code"));
    checks.put("arrests: unknown unit_code", notIn("raw_arrests", "unit_code", "ref_units", "unit_code"));
    checks.put(
        "arrests: unknown offence_code",
        notIn("raw_arrests", "offence_code", "ref_offences", "offence_code"));
    checks.put("arrests: domestic_abuse not Y/N", notOneOf("raw_arrests", "domestic_abuse", false, "Y", "N"));
    checks.put("arrests: bad sex", notOneOf("raw_arrests", "sex", true, "M", "F", "X", "U"));
    checks.put(
        "arrests: bad age_band",
        notOneOf("raw_arrests", "age_band", true, "10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U"));
    checks.put(
        "arrests: bad ethnicity",
        "SELECT count(*) FROM raw_arrests WHERE given(ethnicity) IS NOT NULL"
            + " AND ethnicity NOT IN (SELECT ethnicity FROM ethnicity_groups)");

    checks.put("outcomes: repeated crime_ref", dupes("raw_outcomes", "crime_ref"));
    checks.put("outcomes: crime_ref not 4-40 chars", idLength("raw_outcomes", "crime_ref", 40, false));
    checks.put("outcomes: arrest_id not 4-40 chars", idLength("raw_outcomes", "arrest_id", 40, true));
    checks.put(
        "outcomes: unknown offence_code",
        notIn("raw_outcomes", "offence_code", "ref_offences", "offence_code"));
    checks.put("outcomes: domestic_abuse not Y/N", notOneOf("raw_outcomes", "domestic_abuse", false, "Y", "N"));
    checks.put("outcomes: recorded_date not a valid ISO date", badDate("raw_outcomes", "recorded_date", false));
    checks.put(
        "outcomes: recorded_date out of range",
        "SELECT count(*) FROM raw_outcomes WHERE TRY_CAST(recorded_date AS DATE) < DATE '2000-01-01'"
            + " OR TRY_CAST(recorded_date AS DATE) > " + asAtLiteral);
    checks.put("outcomes: unknown bcu_code", notIn("raw_outcomes", "bcu_code", "ref_bcus", "bcu_code"));
    checks.put(
        "outcomes: outcome_type not ^[1-9][0-9]{0,2}$ or not in reference",
        "SELECT count(*) FROM raw_outcomes WHERE given(outcome_type) IS NOT NULL AND"
            + " (NOT regexp_full_match(outcome_type, '[1-9][0-9]{0,2}')"
            + " OR outcome_type NOT IN (SELECT outcome_type FROM ref_outcome_types))");
    checks.put(
        "outcomes: outcome_date given without outcome_type or missing with it",
        "SELECT count(*) FROM raw_outcomes"
            + " WHERE (given(outcome_type) IS NULL) <> (given(outcome_date) IS NULL)");
    checks.put("outcomes: outcome_date not a valid ISO date", badDate("raw_outcomes", "outcome_date", true));
    checks.put(
        "outcomes: outcome_date before recorded_date or after as-at",
        "SELECT count(*) FROM raw_outcomes WHERE TRY_CAST(outcome_date AS DATE)"
            + " < TRY_CAST(recorded_date AS DATE) OR TRY_CAST(outcome_date AS DATE) > "
            + asAtLiteral);

    checks.put(
        "protection_orders: repeated (order_ref, event, event_date)",
        "SELECT count(*) FROM (SELECT 1 FROM raw_protection_orders GROUP BY order_ref, event,"
            + " event_date HAVING count(*) > 1)");
    checks.put(
        "protection_orders: order_ref not 4-40 chars",
        idLength("raw_protection_orders", "order_ref", 40, false));
    checks.put(
        "protection_orders: crime_ref not 4-40 chars",
        idLength("raw_protection_orders", "crime_ref", 40, true));
    checks.put(
        "protection_orders: bad order_type",
        notOneOf("raw_protection_orders", "order_type", false,
            "DVPN", "DVPO", "DAPN", "DAPO", "SPO", "SHPO", "SRO", "NMO"));
    checks.put(
        "protection_orders: bad event",
        notOneOf("raw_protection_orders", "event", false,
            "ISSUED", "APPLIED", "GRANTED", "REFUSED", "BREACHED"));
    checks.put(
        "protection_orders: event_date not a valid ISO date",
        badDate("raw_protection_orders", "event_date", false));
    checks.put(
        "protection_orders: event_date out of range",
        "SELECT count(*) FROM raw_protection_orders WHERE TRY_CAST(event_date AS DATE)"
            + " < DATE '2000-01-01' OR TRY_CAST(event_date AS DATE) > " + asAtLiteral);
    checks.put(
        "protection_orders: unknown bcu_code",
        notIn("raw_protection_orders", "bcu_code", "ref_bcus", "bcu_code"));

    List<String> violations = new ArrayList<>();
    checks.forEach(
        (rule, sql) -> {
          long broken = Duck.count(db, sql);
          if (broken != 0) {
            violations.add(rule + ": " + broken);
          }
        });
    return violations;
  }

  private static String dupes(String table, String key) {
    return "SELECT count(*) FROM (SELECT " + key + " FROM " + table + " GROUP BY " + key
        + " HAVING count(*) > 1)";
  }

  private static String idLength(String table, String column, int max, boolean optional) {
    String missing = optional ? "false" : "given(" + column + ") IS NULL";
    return "SELECT count(*) FROM " + table + " WHERE " + missing + " OR length(" + column
        + ") NOT BETWEEN 4 AND " + max;
  }

  private static String badDate(String table, String column, boolean optional) {
    String missing = optional ? "false" : "given(" + column + ") IS NULL";
    return "SELECT count(*) FROM " + table + " WHERE " + missing + " OR (given(" + column
        + ") IS NOT NULL AND (NOT regexp_full_match(" + column + ", '\\d{4}-\\d{2}-\\d{2}')"
        + " OR TRY_CAST(" + column + " AS DATE) IS NULL))";
  }

  private static String notIn(String table, String column, String reference, String key) {
    return "SELECT count(*) FROM " + table + " WHERE " + column + " IS NULL OR " + column
        + " NOT IN (SELECT " + key + " FROM " + reference + ")";
  }

  private static String notOneOf(String table, String column, boolean optional, String... allowed) {
    String list =
        Stream.of(allowed).map(Duck::literal).collect(Collectors.joining(", ", "(", ")"));
    String missing = optional ? "false" : "given(" + column + ") IS NULL";
    return "SELECT count(*) FROM " + table + " WHERE " + missing + " OR (given(" + column
        + ") IS NOT NULL AND " + column + " NOT IN " + list + ")";
  }
}
