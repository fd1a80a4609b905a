package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offstats diff} end to end (issue 5): two runs on extracts that differ in three known
 * records (one arrest's sex changed, one arrest and one crime without an outcome removed). The
 * cells those records touch are worked out here from the records and the reference data, their old
 * values read from run A with DuckDB, and the diff must list exactly those cells, no others, besides
 * the cells whose withholding alone changed (secondary suppression picks its cells from all the
 * values, so one changed count can move the pattern elsewhere; which cells each run withholds is
 * read from its {@code publish/} flags, and such a cell's exact value is the same in both runs).
 */
class DiffCommandTest {
  private static final String AS_AT = "2025-10-31";
  private static final Pattern CELL = Pattern.compile("^  \\[(.*)\\] (\\w+): (.*) → (.*?)(?: \\(([-+][0-9.]+)\\))?$");
  private static final Pattern ONLY = Pattern.compile("^  \\[(.*)\\] only in ([AB]): (.*)$");
  private static final Pattern SECTION = Pattern.compile("^(?:Table (\\w+)|Headline figures) \\(publish/.*");

  @TempDir static Path temp;
  private static Path inputA;
  private static Path runA;
  private static Path runB;
  private static Connection db;

  private static List<String> sexChanged;
  private static List<String> arrestRemoved;
  private static List<String> crimeRemoved;
  private static List<String> arrestHeader;
  private static List<List<String>> arrestsA;

  @BeforeAll
  static void makeTwoRuns() throws IOException {
    inputA = temp.resolve("input-a");
    Synthetic.write(inputA, 500, 20_251_031L, false);
    Path inputB = AuditFixtures.copyTree(inputA, temp.resolve("input-b"));
    editExtracts(inputB);
    runA = run(inputA, "a");
    runB = run(inputB, "b");
    db = Duck.open();
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  private static Path run(Path input, String name) {
    Path output = temp.resolve("runs").resolve(name);
    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return output;
  }

  /**
   * B = A with: the first male arrest made female; the first arrest after it that is not by a POU,
   * not linked from any crime and in another demographics cell removed; the first crime without an
   * outcome recorded before April 2022 (so no headline figure moves) removed.
   */
  private static void editExtracts(Path input) throws IOException {
    List<List<String>> arrests = AuditFixtures.records(input.resolve("arrests.csv"));
    List<List<String>> crimes = AuditFixtures.records(input.resolve("outcomes.csv"));
    arrestHeader = arrests.get(0);
    arrestsA = arrests.subList(1, arrests.size()).stream().map(List::copyOf).toList();
    List<String> crimeHeader = crimes.get(0);
    Set<String> linkedArrests = new TreeSet<>();
    crimes.subList(1, crimes.size()).forEach(c -> linkedArrests.add(c.get(crimeHeader.indexOf("arrest_id"))));

    int sexIndex = -1;
    int removeIndex = -1;
    for (int i = 1; i < arrests.size(); i++) {
      List<String> arrest = arrests.get(i);
      if (sexIndex < 0 && arrest(arrest, "sex").equals("M")) {
        sexIndex = i;
        sexChanged = List.copyOf(arrest);
      } else if (sexIndex > 0
          && !unitType(arrest(arrest, "unit_code")).equals("POU")
          && !linkedArrests.contains(arrest(arrest, "arrest_id"))
          && !demographicsKey(arrest, arrest(arrest, "sex")).equals(demographicsKey(sexChanged, "M"))
          && !demographicsKey(arrest, arrest(arrest, "sex")).equals(demographicsKey(sexChanged, "F"))) {
        removeIndex = i;
        arrestRemoved = List.copyOf(arrest);
        break;
      }
    }
    assertThat(removeIndex).as("a removable arrest").isPositive();
    List<String> changed = new ArrayList<>(arrests.get(sexIndex));
    changed.set(arrestHeader.indexOf("sex"), "F");
    arrests.set(sexIndex, changed);
    arrests.remove(removeIndex);
    writeCsv(input.resolve("arrests.csv"), arrests);

    for (int i = 1; i < crimes.size(); i++) {
      List<String> crime = crimes.get(i);
      if (crime.get(crimeHeader.indexOf("outcome_type")).isEmpty()
          && LocalDate.parse(crime.get(crimeHeader.indexOf("recorded_date"))).isBefore(LocalDate.of(2022, 4, 1))) {
        crimeRemoved = List.copyOf(crime);
        crimes.remove(i);
        break;
      }
    }
    assertThat(crimeRemoved).as("a crime without an outcome before April 2022").isNotNull();
    Map<String, String> crime = new HashMap<>();
    for (int c = 0; c < crimeHeader.size(); c++) {
      crime.put(crimeHeader.get(c), crimeRemoved.get(c));
    }
    crimeFields = crime;
    writeCsv(input.resolve("outcomes.csv"), crimes);
  }

  private static Map<String, String> crimeFields;

  @Test
  void listsExactlyTheCellsTheChangedRecordsTouch() {
    Cli.Result result = Cli.run("diff", runA.toString(), runB.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(AuditFixtures.identifiersIn(result.console(), inputA)).isEmpty();

    Map<String, Set<String>> expected = expectedChanges();
    assertThat(expected).containsKeys("arrests_by_demographics", "arrests_by_offence", "arrests_by_bcu", "arrest_outcomes",
        "outcomes_by_offence", "charge_rates");
    Map<String, Set<String>> listed = listedChanges(result.stdout());
    assertThat(listed).as(result.stdout()).isEqualTo(expected);
    assertThat(result.stdout())
        .contains("extracts: arrests.csv changed")
        .contains("outcomes.csv changed")
        .contains("reference data: unchanged")
        .contains("headline definitions: unchanged")
        .contains("so: every difference below comes from changed extracts")
        .containsPattern("Unchanged: headlines, .*" + (expected.containsKey("time_to_outcome") ? "protection_orders" : "time_to_outcome"));
    assertThat(result.stdout()).as("the .arrow and .csv files restate the tables listed").doesNotContain(".arrow").doesNotContain(".csv:");
  }

  @Test
  void anArrowOrCsvFileIsNamedOnlyWhenItsTableDoesNotExplainIt() throws IOException {
    Path edited = AuditFixtures.copyTree(runA, temp.resolve("runs").resolve("a-edited"));
    Files.writeString(edited.resolve("publish/charge_rates.csv"), "\n", StandardOpenOption.APPEND);
    Files.delete(edited.resolve("publish/arrests_by_bcu.arrow"));

    Cli.Result result = Cli.run("diff", runA.toString(), edited.toString(), "--fail-on-change");
    assertThat(result.exitCode()).as(result.describe() + "\n" + result.stdout()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("publish/charge_rates.csv: differs, but publish/charge_rates.parquet does not")
        .contains("publish/arrests_by_bcu.arrow: only in A (table arrests_by_bcu in another format)")
        .contains("diff: 0 cell(s) changed");
  }

  @Test
  void failOnChangeExitsOneOnlyWhenSomethingDiffers() {
    assertThat(Cli.run("diff", runA.toString(), runB.toString(), "--fail-on-change").exitCode()).isEqualTo(1);
    Cli.Result same = Cli.run("diff", runA.toString(), runA.toString(), "--fail-on-change");
    assertThat(same.exitCode()).as(same.describe()).isZero();
    assertThat(same.stdout()).contains("diff: no published figure or table cell differs");
  }

  @Test
  void aFolderWithoutAManifestIsBadInput() {
    Cli.Result result = Cli.run("diff", runA.toString(), temp.resolve("nowhere").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("nowhere");
  }

  /** Table → "key | column | old | new" or "key | only in A" lines, worked out from the three records. */
  private Map<String, Set<String>> expectedChanges() {
    Changes changes = new Changes();
    String fy = financialYear(arrest(arrestRemoved, "arrest_date"));
    String group = offence(arrest(arrestRemoved, "offence_code"), "offence_group");
    String unitType = unitType(arrest(arrestRemoved, "unit_code"));
    boolean da = arrest(arrestRemoved, "domestic_abuse").equals("Y");

    changes.add("arrests_by_demographics", demographicsKey(sexChanged, "M"), "arrests", -1);
    changes.add("arrests_by_demographics", demographicsKey(sexChanged, "F"), "arrests", +1);
    changes.add("arrests_by_demographics", demographicsKey(arrestRemoved, arrest(arrestRemoved, "sex")), "arrests", -1);

    String offenceKey = "month=" + arrest(arrestRemoved, "arrest_date").substring(0, 7) + ", unit_type=" + unitType + ", unit_code="
        + arrest(arrestRemoved, "unit_code") + ", offence_group=" + group + ", offence_code=" + arrest(arrestRemoved, "offence_code")
        + ", domestic_abuse=" + da;
    changes.add("arrests_by_offence", offenceKey, "arrests", -1);
    boolean personElsewhereInCell = arrestsA.stream()
        .filter(a -> a != arrestRemoved && !arrest(a, "arrest_id").equals(arrest(arrestRemoved, "arrest_id")))
        .anyMatch(a -> arrest(a, "person_ref").equals(arrest(arrestRemoved, "person_ref"))
            && arrest(a, "arrest_date").substring(0, 7).equals(arrest(arrestRemoved, "arrest_date").substring(0, 7))
            && arrest(a, "unit_code").equals(arrest(arrestRemoved, "unit_code"))
            && arrest(a, "offence_code").equals(arrest(arrestRemoved, "offence_code"))
            && arrest(a, "domestic_abuse").equals(arrest(arrestRemoved, "domestic_abuse")));
    if (!personElsewhereInCell) {
      changes.add("arrests_by_offence", offenceKey, "persons", -1);
    }
    changes.add("arrests_by_bcu", "month=" + arrest(arrestRemoved, "arrest_date").substring(0, 7) + ", bcu_code="
        + arrest(arrestRemoved, "bcu_code") + ", offence_group=" + group + ", domestic_abuse=" + da, "arrests", -1);
    changes.add("arrests_by_offence_group", "month=" + arrest(arrestRemoved, "arrest_date").substring(0, 7) + ", offence_group=" + group, "arrests", -1);
    changes.add("arrest_outcomes", "financial_year=" + fy + ", unit_type=" + unitType + ", offence_group=" + group, "arrests", -1);

    String crimeFy = financialYear(crimeFields.get("recorded_date"));
    for (String scope : scopes(crimeFields)) {
      changes.add("outcomes_by_offence", "financial_year=" + crimeFy + ", " + scope + ", outcome_group=Not yet assigned an outcome",
          "crimes", -1);
      String rateKey = "financial_year=" + crimeFy + ", " + scope;
      changes.add("charge_rates", rateKey, "crimes_recorded", -1);
      changes.chargeRate(rateKey);
    }
    return changes.resolve();
  }

  /** Cell deltas, resolved against run A's published values into the lines the diff should print. */
  private final class Changes {
    private final Map<String, Map<String, Map<String, Long>>> deltas = new LinkedHashMap<>();
    private final Set<String> rateCells = new TreeSet<>();

    void add(String table, String key, String column, long delta) {
      deltas.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(column, delta, Long::sum);
    }

    void chargeRate(String key) {
      rateCells.add(key);
    }

    /**
     * The lines the diff prints, worked out from run A's exact rows in restricted/ and the
     * disclosure rule (a count from 1 to 9 is published as null with its flag true; a rate is
     * null when either of its counts is), so a change shows as the published values change.
     */
    Map<String, Set<String>> resolve() {
      Map<String, Set<String>> lines = new java.util.TreeMap<>();
      deltas.forEach((table, cells) -> {
        Map<String, Map<String, Object>> old = exactRows(runA, table);
        Map<String, Set<String>> withheldA = withheld(runA, table);
        Map<String, Set<String>> withheldB = withheld(runB, table);
        cells.forEach((key, columns) -> {
          Map<String, Object> row = old.get(key);
          long firstCount = row == null ? 0 : (Long) row.get(columns.keySet().iterator().next());
          long firstDelta = columns.values().iterator().next();
          Set<String> tableLines = lines.computeIfAbsent(table, t -> new TreeSet<>());
          if (row == null) {
            tableLines.add(key + " | only in B");
          } else if (firstCount + firstDelta == 0) {
            tableLines.add(key + " | only in A");
          } else {
            columns.forEach((column, delta) -> {
              long before = (Long) row.get(column);
              changed(tableLines, key, column, shown(before, withheldA, key, column), shown(before + delta, withheldB, key, column));
            });
            if (table.equals("charge_rates") && rateCells.contains(key)) {
              long charged = (Long) row.get("charged_summonsed");
              long recordedBefore = (Long) row.get("crimes_recorded");
              long recordedAfter = recordedBefore + columns.get("crimes_recorded");
              changed(tableLines, key, "charge_rate", shown((double) charged / recordedBefore, withheldA, key, "charge_rate"),
                  shown((double) charged / recordedAfter, withheldB, key, "charge_rate"));
            }
          }
        });
      });
      // cells no record touches whose withholding alone changed: the same exact value in both runs
      for (String table : KEYS.keySet()) {
        Map<String, Set<String>> withheldA = withheld(runA, table);
        Map<String, Set<String>> withheldB = withheld(runB, table);
        exactRows(runA, table).forEach((key, row) -> {
          if (!withheldB.containsKey(key)) {
            return;
          }
          Map<String, Long> touched = deltas.getOrDefault(table, Map.of()).getOrDefault(key, Map.of());
          for (String column : row.keySet()) {
            boolean rate = table.equals("charge_rates") && column.equals("charge_rate") && rateCells.contains(key);
            if (touched.containsKey(column) || rate || withheldA.get(key).contains(column) == withheldB.get(key).contains(column)) {
              continue;
            }
            Object exact = row.get(column);
            changed(lines.computeIfAbsent(table, t -> new TreeSet<>()), key, column, withheldA.get(key).contains(column) ? null : exact,
                withheldB.get(key).contains(column) ? null : exact);
          }
        });
      }
      lines.values().removeIf(Set::isEmpty);
      return lines;
    }

    private void changed(Set<String> lines, String key, String column, Object before, Object after) {
      if (!java.util.Objects.equals(before, after)) {
        lines.add(key + " | " + column + " | " + before + " | " + after);
      }
      if ((before == null) != (after == null)) {
        lines.add(key + " | " + column + "_suppressed | " + (before == null) + " | " + (after == null));
      }
    }
  }

  /** A value as {@code publish/} shows it: null where the run withholds the cell. */
  private static Object shown(Object exact, Map<String, Set<String>> withheld, String key, String column) {
    return withheld.getOrDefault(key, Set.of()).contains(column) ? null : exact;
  }

  /** The columns each row of a run's published table withholds (its {@code _suppressed} flags), by key text. */
  private static Map<String, Set<String>> withheld(Path run, String table) {
    Path file = run.resolve("publish").resolve(table + ".parquet");
    List<String> columns = Duck.describe(db, file).stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
    Map<String, Set<String>> withheld = new HashMap<>();
    for (List<Object> row : Duck.rows(db, "SELECT * FROM " + Duck.parquet(file))) {
      List<String> key = new ArrayList<>();
      KEYS.get(table).forEach(k -> key.add(k + "=" + row.get(columns.indexOf(k))));
      Set<String> flagged = new TreeSet<>();
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).endsWith("_suppressed") && Boolean.TRUE.equals(row.get(i))) {
          flagged.add(columns.get(i).substring(0, columns.get(i).length() - "_suppressed".length()));
        }
      }
      withheld.put(String.join(", ", key), flagged);
    }
    return withheld;
  }

  /** Parses the diff's table sections into the same line form as {@link #expectedChanges}. */
  private static Map<String, Set<String>> listedChanges(String stdout) {
    Map<String, Set<String>> listed = new java.util.TreeMap<>();
    String table = null;
    for (String line : stdout.split("\n")) {
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        table = section.group(1) == null ? "headlines" : section.group(1);
        continue;
      }
      Matcher only = ONLY.matcher(line);
      Matcher cell = CELL.matcher(line);
      if (only.matches()) {
        listed.computeIfAbsent(table, t -> new TreeSet<>()).add(only.group(1) + " | only in " + only.group(2));
      } else if (cell.matches()) {
        String before = cell.group(3);
        String after = cell.group(4);
        if (List.of("charge_rate", "median_days", "p25_days", "p75_days").contains(cell.group(2))) {
          before = before.equals("null") ? before : Double.toString(Double.parseDouble(before));
          after = after.equals("null") ? after : Double.toString(Double.parseDouble(after));
        }
        listed.computeIfAbsent(table, t -> new TreeSet<>()).add(cell.group(1) + " | " + cell.group(2) + " | " + before + " | " + after);
      } else if (line.startsWith("  [")) {
        throw new AssertionError("unparsed diff line: " + line);
      }
    }
    return listed;
  }

  private static final Map<String, List<String>> KEYS = Map.of(
      "arrests_by_offence", List.of("month", "unit_type", "unit_code", "offence_group", "offence_code", "domestic_abuse"),
      "arrests_by_bcu", List.of("month", "bcu_code", "offence_group", "domestic_abuse"),
      "arrests_by_offence_group", List.of("month", "offence_group"),
      "arrests_by_demographics", List.of("financial_year", "offence_group", "sex", "age_band", "ethnicity_group"),
      "arrest_outcomes", List.of("financial_year", "unit_type", "offence_group"),
      "outcomes_by_offence", List.of("financial_year", "scope_type", "scope", "outcome_group"),
      "charge_rates", List.of("financial_year", "scope_type", "scope"),
      "time_to_outcome", List.of("financial_year", "scope_type", "scope", "outcome_group"));

  /** A table's exact rows in a run's restricted/, read with DuckDB, by its key text. */
  private static Map<String, Map<String, Object>> exactRows(Path run, String table) {
    Path file = run.resolve("restricted").resolve(table + ".parquet");
    List<String> columns = Duck.describe(db, file).stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (List<Object> row : Duck.rows(db, "SELECT * FROM " + Duck.parquet(file))) {
      Map<String, Object> byColumn = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        byColumn.put(columns.get(i), row.get(i));
      }
      List<String> key = new ArrayList<>();
      KEYS.get(table).forEach(k -> key.add(k + "=" + byColumn.get(k)));
      rows.put(String.join(", ", key), byColumn);
    }
    return rows;
  }

  /** OUTPUTS.md "Scopes", as "scope_type=..., scope=..." key parts. */
  private static List<String> scopes(Map<String, String> crime) {
    String code = crime.get("offence_code");
    boolean da = crime.get("domestic_abuse").equals("Y");
    List<String> scopes = new ArrayList<>();
    scopes.add("scope_type=all, scope=All offences");
    scopes.add("scope_type=offence_group, scope=" + offence(code, "offence_group"));
    scopes.add("scope_type=offence_subgroup, scope=" + offence(code, "offence_subgroup"));
    if (da) {
      scopes.add("scope_type=domestic_abuse, scope=Domestic abuse");
    }
    if (da || offence(code, "vawg").equals("Y")) {
      scopes.add("scope_type=vawg, scope=VAWG");
    }
    return scopes;
  }

  private static String demographicsKey(List<String> arrest, String sex) {
    return "financial_year=" + financialYear(arrest(arrest, "arrest_date")) + ", offence_group="
        + offence(arrest(arrest, "offence_code"), "offence_group") + ", sex=" + (sex.isEmpty() ? "U" : sex) + ", age_band="
        + (arrest(arrest, "age_band").isEmpty() ? "U" : arrest(arrest, "age_band")) + ", ethnicity_group="
        + ethnicityGroup(arrest(arrest, "ethnicity"));
  }

  /** EXTRACTS.md: the 18+1 codes by their 5+1 group; O1 (16+1 Chinese) stays under Other. */
  private static String ethnicityGroup(String code) {
    if (code.isEmpty() || code.equals("NS")) {
      return "Not stated";
    }
    return switch (code.charAt(0)) {
      case 'W' -> "White";
      case 'M' -> "Mixed";
      case 'A' -> "Asian";
      case 'B' -> "Black";
      default -> "Other";
    };
  }

  private static String financialYear(String isoDate) {
    LocalDate date = LocalDate.parse(isoDate);
    int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    return start + "-" + String.format("%02d", (start + 1) % 100);
  }

  private static String arrest(List<String> arrest, String column) {
    return arrest.get(arrestHeader.indexOf(column));
  }

  private static String unitType(String unitCode) {
    return reference("units.csv", "unit_code", unitCode, "unit_type");
  }

  private static String offence(String code, String column) {
    return reference("offences.csv", "offence_code", code, column);
  }

  private static String reference(String file, String keyColumn, String key, String column) {
    List<List<String>> rows = AuditFixtures.records(inputA.resolve("reference").resolve(file));
    List<String> header = rows.get(0);
    return rows.stream()
        .skip(1)
        .filter(r -> r.get(header.indexOf(keyColumn)).equals(key))
        .map(r -> r.get(header.indexOf(column)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + file));
  }

  private static void writeCsv(Path file, List<List<String>> records) throws IOException {
    StringBuilder text = new StringBuilder();
    for (List<String> record : records) {
      if (record.stream().anyMatch(f -> f.contains(",") || f.contains("\""))) {
        throw new AssertionError("the generated extract needs quoting; this test writes plain CSV");
      }
      text.append(String.join(",", record)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
