package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.offstats.e2e.RowAssert.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXTRACTS.md "Reading" and "Validation and rejects", from the outside: inputs that must stop the
 * run (exit 2, no run folder, no temporary sibling), and inputs that are accepted with rejects,
 * where the exact reason code, line and manifest counts are asserted.
 */
class BrokenInputsTest {

  static final String AS_AT = "2025-10-31";

  static final String ARRESTS_HEADER =
      "arrest_id,person_ref,arrest_date,bcu_code,unit_code,offence_code,domestic_abuse,operation,"
          + "sex,age_band,ethnicity\n";
  static final String OUTCOMES_HEADER =
      "crime_ref,offence_code,domestic_abuse,recorded_date,bcu_code,outcome_type,outcome_date,"
          + "arrest_id\n";
  static final String ORDERS_HEADER = "order_ref,order_type,event,event_date,bcu_code,crime_ref\n";

  /** An input folder holding only the hand-worked fixture's reference data. */
  static Path referenceOnly(Path dir) {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir);
    try {
      for (String extract : List.of("arrests.csv", "outcomes.csv", "protection_orders.csv")) {
        Files.delete(input.resolve(extract));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return input;
  }

  static Cli.Result run(Path input, Path output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Every identifier-looking token the fixtures below use (ARR-, PER-, CRM-, ORD- prefixes). */
  static List<String> identifiersIn(Path input) {
    List<String> ids = new ArrayList<>();
    for (Path file : RunFolder.files(input)) {
      if (!file.toString().endsWith(".csv")) {
        continue;
      }
      try {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(ARR|PER|CRM|ORD)-[0-9A-Z-]+")
                .matcher(Files.readString(file));
        while (m.find()) {
          ids.add(m.group());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return ids.stream().distinct().toList();
  }

  // ---------------------------------------------------------------- fatal inputs

  @Nested
  class Fatal {
    @TempDir Path temp;

    /**
     * OUTPUTS.md: "a run that fails or is killed leaves no half-written RUN_DIR"; EXTRACTS.md: exit
     * 2 naming the file. The runs/ parent must be exactly as empty as before the run.
     */
    private Cli.Result assertFailsCleanly(Path input, String... extra) throws IOException {
      Path runs = Files.createDirectories(temp.resolve("runs"));
      Path output = runs.resolve("out");
      Cli.Result result = run(input, output, extra);
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      assertThat(output).as("no run folder after a failed run").doesNotExist();
      try (Stream<Path> left = Files.list(runs)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList())
            .as("no temporary sibling folder left behind")
            .isEmpty();
      }
      assertThat(result.stderr().lines().filter(l -> l.startsWith("\tat ")).toList())
          .as("one readable line, not a stack trace:\n" + result.stderr())
          .isEmpty();
      assertThat(RunFolder.identifiersInText(result.console(), "console", identifiersIn(input)))
          .isEmpty();
      return result;
    }

    @Test
    void missingRequiredColumn() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      Fixtures.write(
          input.resolve("arrests.csv"),
          "arrest_id,person_ref,arrest_date,bcu_code,unit_code,domestic_abuse,operation,sex,age_band,ethnicity\n"
              + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,N,,M,30-39,W1\n");
      Cli.Result result = assertFailsCleanly(input);
      assertThat(result.stderr()).contains("arrests.csv").contains("offence_code");
    }

    /**
     * The extracts are read side by side, but a run with a fatal problem in several extracts
     * reports the same one whatever thread meets its problem first: the first in reading order
     * (outcomes, protection orders, then arrests).
     */
    @Test
    void problemsInSeveralExtractsReportTheFirstInReadingOrder() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      String never = "\"never closed";
      Fixtures.write(input.resolve("arrests.csv"), ARRESTS_HEADER + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,8N,N," + never + ",M,30-39,W1\n");
      Fixtures.write(input.resolve("protection_orders.csv"), ORDERS_HEADER + "ORD-0001,DVPN," + never + ",2023-01-05,CE,\n");
      Cli.Result ordersAndArrests = assertFailsCleanly(input);
      assertThat(ordersAndArrests.stderr()).contains("protection_orders.csv, line 2").doesNotContain("arrests.csv");
      Fixtures.write(input.resolve("outcomes.csv"), OUTCOMES_HEADER + "CRM-0001," + never + ",N,2023-01-05,CE,,,\n");
      Cli.Result all = assertFailsCleanly(input);
      assertThat(all.stderr()).contains("outcomes.csv, line 2").doesNotContain("protection_orders.csv").doesNotContain("arrests.csv");
    }

    @Test
    void repeatedColumnName() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      Fixtures.write(
          input.resolve("arrests.csv"),
          ARRESTS_HEADER.replace("\n", ",sex\n")
              + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1,M\n");
      Cli.Result result = assertFailsCleanly(input);
      assertThat(result.stderr()).contains("arrests.csv").contains("sex");
    }

    @Test
    void quotedFieldStillOpenAtEndOfFile() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      // The quote opens on physical line 4; everything after it is inside the field.
      Fixtures.write(
          input.resolve("arrests.csv"),
          ARRESTS_HEADER
              + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n"
              + "ARR-0002,PER-0002,2023-01-06,CE,RESP1,8N,N,,M,30-39,W1\n"
              + "ARR-0003,PER-0003,2023-01-07,CE,RESP1,8N,N,\"never closed,M,30-39,W1\n"
              + "ARR-0004,PER-0004,2023-01-08,CE,RESP1,8N,N,,M,30-39,W1\n");
      Cli.Result result = assertFailsCleanly(input);
      // the quote is the 44th character of line 4 (9 + 9 + 11 + 3 + 6 + 3 + 2 before it); line 5,
      // the last, is inside it
      assertThat(result.stderr()).contains("offstats: error: arrests.csv, line 4: a quoted field is still open at the end of the file:"
          + " it opened at column 44 of this line and runs on to line 5, the end of the file");
    }

    @Test
    void referenceFileWithRepeatedKey() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      Path offences = input.resolve("reference").resolve("offences.csv");
      Files.writeString(
          offences,
          Files.readString(offences) + "8N,Assault with injury (again),Violence with injury,"
              + "Violence against the person,N\n");
      Fixtures.write(
          input.resolve("arrests.csv"),
          ARRESTS_HEADER + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n");
      Cli.Result result = assertFailsCleanly(input);
      assertThat(result.stderr()).contains("offences.csv").contains("8N");
    }

    @Test
    void bcuCodeWithTwoDifferentNames() throws IOException {
      Path input = referenceOnly(temp.resolve("input"));
      Path bcus = input.resolve("reference").resolve("bcus.csv");
      Files.writeString(
          bcus, Files.readString(bcus) + "CE,Central Eastern,E09000099,Somewhere Else\n");
      Fixtures.write(
          input.resolve("arrests.csv"),
          ARRESTS_HEADER + "ARR-0001,PER-0001,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n");
      Cli.Result result = assertFailsCleanly(input);
      assertThat(result.stderr()).contains("bcus.csv").contains("CE");
    }

    @Test
    void existingNonEmptyOutputFolderIsLeftAlone() throws IOException {
      // OUTPUTS.md: an existing non-empty output folder is an error unless --overwrite.
      Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
      Path runs = Files.createDirectories(temp.resolve("runs"));
      Path output = Files.createDirectories(runs.resolve("out"));
      Files.writeString(output.resolve("keep.txt"), "an earlier run\n");
      Cli.Result result = run(input, output);
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      try (Stream<Path> left = Files.list(output)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
      }
      assertThat(Files.readString(output.resolve("keep.txt"))).isEqualTo("an earlier run\n");
      try (Stream<Path> left = Files.list(runs)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
      }
    }

    @Test
    void rejectShareAboveTheDefaultMaximum() throws IOException {
      Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
      // 10 good arrests + 1 unknown offence code: 1/11 = 9.1% > the default 1%.
      Path arrests = input.resolve("arrests.csv");
      Files.writeString(
          arrests,
          Files.readString(arrests) + "ARR-0011,PER-0011,2023-01-05,CE,RESP1,99Z,N,,M,30-39,W1\n");
      Cli.Result result = assertFailsCleanly(input);
      assertThat(result.stderr()).contains("arrests").contains("UNKNOWN_CODE");
    }

    @Test
    void rejectShareAboveAGivenMaximum() throws IOException {
      Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
      // 1 of 10 protection order events rejected (0.1) with --max-reject-rate 0.05.
      Path orders = input.resolve("protection_orders.csv");
      String text = Files.readString(orders).replace("ORD-0003,DVPN,ISSUED", "ORD-0003,XVPN,ISSUED");
      Files.writeString(orders, text);
      Cli.Result result = assertFailsCleanly(input, "--max-reject-rate", "0.05");
      assertThat(result.stderr()).contains("protection_orders");
    }
  }

  @Test
  void rejectShareEqualToTheMaximumIsAccepted(@TempDir Path temp) throws IOException {
    // EXTRACTS.md: a run fails when a share is *greater than* R. 1 of 10 = 0.1 with R = 0.1 runs.
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
    Path arrests = input.resolve("arrests.csv");
    String text =
        Files.readString(arrests)
            .replace("ARR-0010,PER-HOTEL-08,2022-07-28,CE,POU2,105A,N,,M,18-20,W2\n", "")
            .concat("ARR-0011,PER-0011,2023-01-05,CE,RESP1,99Z,N,,M,30-39,W1\n");
    Files.writeString(arrests, text);
    Path output = temp.resolve("runs").resolve("out");
    Cli.Result result = run(input, output, "--max-reject-rate", "0.1");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    JsonNode in = RunFolder.input(RunFolder.manifest(output), "arrests.csv");
    assertThat(in.path("rows_read").asLong()).isEqualTo(10);
    assertThat(in.path("rows_rejected").asLong()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- accepted with rejects

  /** One expected reject: where it is and why. */
  record Reject(String file, long line, String reason, String raw) {}

  static void assertRejects(Path run, String extract, List<Reject> expected) {
    Path file = run.resolve("restricted").resolve("rejects").resolve(extract + ".csv");
    assertThat(file).exists();
    Csv.Table table = Csv.read(file);
    assertThat(table.header()).containsExactly("file", "line", "reason_code", "message", "raw");
    List<String> actualKeys = new ArrayList<>();
    for (Csv.Row row : table.rows()) {
      actualKeys.add(row.get("file") + ":" + row.get("line") + " " + row.get("reason_code"));
      assertThat(row.get("message")).as("message of " + row.get("file") + ":" + row.get("line")).isNotBlank();
    }
    List<String> expectedKeys =
        expected.stream().map(r -> r.file() + ":" + r.line() + " " + r.reason()).toList();
    // Sorted by (file, line), one reason each: the first that applies in EXTRACTS.md's order.
    assertThat(actualKeys).as("rejects/" + extract + ".csv (file:line reason)").containsExactlyElementsOf(expectedKeys);
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i).raw() != null) {
        String raw = table.rows().get(i).get("raw").replaceAll("\r?\n$", "");
        assertThat(raw).as("raw of " + expectedKeys.get(i)).isEqualTo(expected.get(i).raw());
      }
    }
  }

  /** rows_read = accepted + rejected; rejects_by_reason adds up and is as given. */
  static void assertCounts(
      JsonNode manifest, String path, long read, long accepted, Map<String, Long> byReason) {
    JsonNode in = RunFolder.input(manifest, path);
    String what = "manifest inputs[" + path + "]";
    assertThat(in.path("rows_read").asLong(-1)).as(what + ".rows_read").isEqualTo(read);
    assertThat(in.path("rows_accepted").asLong(-1)).as(what + ".rows_accepted").isEqualTo(accepted);
    assertThat(in.path("rows_rejected").asLong(-1)).as(what + ".rows_rejected").isEqualTo(read - accepted);
    assertThat(RunFolder.rejectsByReason(in)).as(what + ".rejects_by_reason").isEqualTo(byReason);
  }

  static List<List<Object>> table(Connection db, Path run, String table) {
    TableSpec spec = TableSpec.of(table);
    return Duck.rowsInFileOrder(db, run.resolve("restricted").resolve(table + ".parquet"), spec.names());
  }

  /** One record per reason code, in EXTRACTS.md's order, plus the subtle cases around them. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class EveryReasonCode {
    Path run;
    Cli.Result result;
    Connection db;
    List<String> identifiers;

    // Run with --max-field-bytes 256. 100 euro signs are 100 chars but 300 UTF-8 bytes: too
    // long. 256 ASCII bytes are not *longer* than the limit: accepted.
    static final String MAX_FIELD_BYTES = "256";
    static final String LONG_FIELD = "\u20ac".repeat(100);
    static final String LIMIT_FIELD = "X".repeat(256);

    // Physical line numbers are in the comments; the header is line 1.
    static final String ARRESTS =
        ARRESTS_HEADER
            + "ARR-1001,PER-1001,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n" // 2 accepted
            + "ARR-1002,PER-1002,2023-01-06,CE,RESP1,8N,N,,M,30-39,W1,EXTRA\n" // 3 WRONG_FIELD_COUNT
            + "ARR-1003,PER-1003,2023-01-07,CE,RESP1,8N,N," + LONG_FIELD + ",M,30-39,W1\n" // 4 FIELD_TOO_LONG
            + "ARR-1004,,2023-01-08,CE,RESP1,8N,N,,M,30-39,W1\n" // 5 MISSING_VALUE person_ref
            + "ARR-1005,PER-1005,2023-02-30,CE,RESP1,8N,N,,M,30-39,W1\n" // 6 BAD_FORMAT no 30 Feb
            + "ARR-1006,PER-1006,2023-01-09,CE,RESP1,99Z,N,,M,30-39,W1\n" // 7 UNKNOWN_CODE offence
            + "ARR-1007,PER-1007,2025-11-01,CE,RESP1,8N,N,,M,30-39,W1\n" // 8 OUT_OF_RANGE after as-at
            + "ARR-1001,PER-1008,2023-01-10,CE,RESP1,8N,N,,M,30-39,W1\n" // 9 DUPLICATE_ID of line 2
            // 10: missing person_ref AND unknown offence: only the first reason, MISSING_VALUE
            + "ARR-1009,,2023-01-11,CE,RESP1,99Z,N,,M,30-39,W1\n"
            // 11: unknown bcu XX AND ethnicity ZZ not an allowed code: BAD_FORMAT comes first
            + "ARR-1010,PER-1010,2023-01-12,XX,RESP1,8N,Y,,F,U,ZZ\n"
            // 12: " CE" is not CE (values are verbatim): UNKNOWN_CODE
            + "ARR-1011,PER-1011,2023-01-13, CE,RESP1,8N,N,,M,30-39,W1\n"
            // 13-14: a quoted field with a line break: one accepted record starting on line 13
            + "ARR-1012,PER-1012,2023-01-14,CE,RESP1,8N,N,\"OP\nNIGHT\",M,30-39,W1\n"
            + "ARR-1013,PER-1013,2023-13-01,CE,RESP1,8N,N,,M,30-39,W1\n" // 15 BAD_FORMAT month 13
            + "ARR-1014,PER-1014,2023-01-15,CE,RESP1,8N,Q,,M,30-39,W1\n" // 16 BAD_FORMAT flag
            // 17: same arrest_id as line 16, which broke a rule: this is the first *valid*
            // occurrence, so it is accepted, not a DUPLICATE_ID
            + "ARR-1014,PER-1015,2023-01-16,CE,RESP1,8N,N,,M,30-39,W1\n"
            // 18: a POU arrest before the unit's established date (2020-11-01): OUT_OF_RANGE
            + "ARR-1015,PER-1016,2020-10-31,CE,POU1,8N,N,,M,30-39,W1\n"
            // 19: doubled quotes and a comma in a quoted field: accepted
            + "ARR-1016,PER-1017,2023-01-17,CE,RESP1,8N,N,\"OP \"\"X\"\", Y\",F,U,NS\n"
            // 20: a field of exactly --max-field-bytes: accepted
            + "ARR-1017,PER-1018,2023-01-18,CE,RESP1,8N,N," + LIMIT_FIELD + ",M,30-39,W1\n";

    static final String OUTCOMES =
        OUTCOMES_HEADER
            + "CRM-1001,8N,N,2023-01-05,CE,1,2023-02-01,ARR-1001\n" // 2 accepted, charges ARR-1001
            + "CRM-1002,8N,N,2023-01-05,CE,1,,\n" // 3 MISSING_VALUE: outcome_date with a type
            + "CRM-1003,8N,N,2023-01-05,CE,,2023-02-01,\n" // 4 BAD_FORMAT: date without a type
            + "CRM-1004,8N,N,2023-01-05,CE,01,2023-02-01,\n" // 5 BAD_FORMAT: not ^[1-9][0-9]{0,2}$
            + "CRM-1005,8N,N,2023-01-05,CE,99,2023-02-01,\n" // 6 UNKNOWN_CODE: no type 99
            + "CRM-1006,8N,N,2023-01-05,CE,1,2023-01-04,\n" // 7 OUT_OF_RANGE: outcome before crime
            + "CRM-1007,8N,N,2023-01-05,CE,,,\n" // 8 accepted, no outcome yet
            + "CRM-1008,8N,N,2023-01-05,CE,1,2025-11-01,\n" // 9 OUT_OF_RANGE: after as-at
            + "CRM-1001,8N,N,2023-01-06,CE,,,\n"; // 10 DUPLICATE_ID of line 2

    static final String ORDERS =
        ORDERS_HEADER
            + "ORD-1001,DVPN,ISSUED,2023-03-01,CE,\n" // 2 accepted
            + "ORD-1001,DVPN,ISSUED,2023-03-01,CE,CRM-1001\n" // 3 DUPLICATE_ID (same ref, event, date)
            + "ORD-1001,DVPO,APPLIED,2023-03-01,CE,\n" // 4 accepted: another event
            + "ORD-1002,XVPO,APPLIED,2023-03-02,CE,\n" // 5 BAD_FORMAT order_type
            + "ORD-1003,DVPO,EXPIRED,2023-03-02,CE,\n" // 6 BAD_FORMAT event
            + "ORD-1004,DVPO,GRANTED,2023-03-02,ZZ,\n"; // 7 UNKNOWN_CODE bcu

    @BeforeAll
    void runPipeline(@TempDir Path temp) {
      Path input = referenceOnly(temp.resolve("input"));
      Fixtures.write(input.resolve("arrests.csv"), ARRESTS);
      Fixtures.write(input.resolve("outcomes.csv"), OUTCOMES);
      Fixtures.write(input.resolve("protection_orders.csv"), ORDERS);
      identifiers = identifiersIn(input);
      run = temp.resolve("runs").resolve("out");
      result =
          BrokenInputsTest.run(
              input, run, "--max-reject-rate", "1", "--max-field-bytes", MAX_FIELD_BYTES);
      db = Duck.open();
    }

    @AfterAll
    void close() throws SQLException {
      db.close();
    }

    @Test
    void arrestsRejectsCarryTheFirstReasonAndThePhysicalStartLine() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      String f = "arrests.csv";
      assertRejects(
          run,
          "arrests",
          List.of(
              new Reject(f, 3, "WRONG_FIELD_COUNT", "ARR-1002,PER-1002,2023-01-06,CE,RESP1,8N,N,,M,30-39,W1,EXTRA"),
              new Reject(f, 4, "FIELD_TOO_LONG", "ARR-1003,PER-1003,2023-01-07,CE,RESP1,8N,N," + LONG_FIELD + ",M,30-39,W1"),
              new Reject(f, 5, "MISSING_VALUE", "ARR-1004,,2023-01-08,CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 6, "BAD_FORMAT", "ARR-1005,PER-1005,2023-02-30,CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 7, "UNKNOWN_CODE", "ARR-1006,PER-1006,2023-01-09,CE,RESP1,99Z,N,,M,30-39,W1"),
              new Reject(f, 8, "OUT_OF_RANGE", "ARR-1007,PER-1007,2025-11-01,CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 9, "DUPLICATE_ID", "ARR-1001,PER-1008,2023-01-10,CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 10, "MISSING_VALUE", null),
              new Reject(f, 11, "BAD_FORMAT", null),
              new Reject(f, 12, "UNKNOWN_CODE", "ARR-1011,PER-1011,2023-01-13, CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 15, "BAD_FORMAT", "ARR-1013,PER-1013,2023-13-01,CE,RESP1,8N,N,,M,30-39,W1"),
              new Reject(f, 16, "BAD_FORMAT", null),
              new Reject(f, 18, "OUT_OF_RANGE", null)));
    }

    @Test
    void outcomeAndOrderRejects() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      String f = "outcomes.csv";
      assertRejects(
          run,
          "outcomes",
          List.of(
              new Reject(f, 3, "MISSING_VALUE", null),
              new Reject(f, 4, "BAD_FORMAT", null),
              new Reject(f, 5, "BAD_FORMAT", null),
              new Reject(f, 6, "UNKNOWN_CODE", null),
              new Reject(f, 7, "OUT_OF_RANGE", null),
              new Reject(f, 9, "OUT_OF_RANGE", null),
              new Reject(f, 10, "DUPLICATE_ID", null)));
      String g = "protection_orders.csv";
      assertRejects(
          run,
          "protection_orders",
          List.of(
              new Reject(g, 3, "DUPLICATE_ID", "ORD-1001,DVPN,ISSUED,2023-03-01,CE,CRM-1001"),
              new Reject(g, 5, "BAD_FORMAT", null),
              new Reject(g, 6, "BAD_FORMAT", null),
              new Reject(g, 7, "UNKNOWN_CODE", null)));
    }

    @Test
    void manifestCountsEveryRecordOnce() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      JsonNode manifest = RunFolder.manifest(run);
      // 19 physical lines after the header, one record spanning two: 18 records; accepted are
      // lines 2, 13, 17, 19, 20.
      assertCounts(
          manifest,
          "arrests.csv",
          18,
          5,
          Map.of(
              "WRONG_FIELD_COUNT", 1L, "FIELD_TOO_LONG", 1L, "MISSING_VALUE", 2L, "BAD_FORMAT", 4L,
              "UNKNOWN_CODE", 2L, "OUT_OF_RANGE", 2L, "DUPLICATE_ID", 1L));
      assertCounts(
          manifest,
          "outcomes.csv",
          9,
          2,
          Map.of(
              "MISSING_VALUE", 1L, "BAD_FORMAT", 2L, "UNKNOWN_CODE", 1L, "OUT_OF_RANGE", 2L,
              "DUPLICATE_ID", 1L));
      assertCounts(
          manifest,
          "protection_orders.csv",
          6,
          2,
          Map.of("DUPLICATE_ID", 1L, "BAD_FORMAT", 2L, "UNKNOWN_CODE", 1L));
    }

    @Test
    void onlyAcceptedRecordsAreCounted() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      // Accepted arrests: lines 2 (PER-1001), 13 (PER-1012), 17 (PER-1015), 19 (PER-1017), 20
      // (PER-1018); the duplicate on line 9 (PER-1008) is not counted.
      RowAssert.assertSameRows(
          "arrests_by_offence",
          table(db, run, "arrests_by_offence"),
          List.of(row("2023-01", "Response", "RESP1", HandWorkedExpectations.VAP, "8N", false, 5, 5)));
      // ARR-1001 is charged through CRM-1001 (line 2 of outcomes).
      RowAssert.assertSameRows(
          "arrest_outcomes",
          table(db, run, "arrest_outcomes"),
          List.of(row("2022-23", "Response", HandWorkedExpectations.VAP, 5, 1)));
      // Accepted crimes: CRM-1001 (type 1) and CRM-1007 (no outcome).
      RowAssert.assertSameRows(
          "charge_rates",
          table(db, run, "charge_rates"),
          List.of(
              row("2022-23", "all", "All offences", 2, 1, 0.5),
              row("2022-23", "offence_group", HandWorkedExpectations.VAP, 2, 1, 0.5),
              row("2022-23", "offence_subgroup", "Violence with injury", 2, 1, 0.5)));
      RowAssert.assertSameRows(
          "protection_orders",
          table(db, run, "protection_orders"),
          List.of(row("2023-03", "DVPN", "ISSUED", 1), row("2023-03", "DVPO", "APPLIED", 1)));
    }

    @Test
    void identifiersOfRejectedRecordsStayInRestricted() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      assertThat(RunFolder.identifiersInPublish(db, run, identifiers)).isEmpty();
      assertThat(RunFolder.identifiersInText(run.resolve("manifest.json"), "manifest.json", identifiers)).isEmpty();
      assertThat(RunFolder.identifiersInText(result.console(), "console output", identifiers)).isEmpty();
    }
  }

  /** BOM, CRLF, columns in another order, an unknown extra column, a header-only file. */
  @Test
  void bomCrlfShuffledColumnsExtraColumnAndHeaderOnlyFile(@TempDir Path temp) throws SQLException {
    Path input = referenceOnly(temp.resolve("input"));
    // offence_code is the last column so a value keeping its "\r" would be an UNKNOWN_CODE.
    Fixtures.write(
        input.resolve("arrests.csv"),
        "\uFEFFarrest_id,ethnicity,age_band,sex,operation,source_system,domestic_abuse,unit_code,"
            + "bcu_code,arrest_date,person_ref,offence_code\r\n"
            + "ARR-2001,W1,30-39,M,,NICHE,N,RESP1,CE,2023-05-01,PER-2001,8N\r\n" // 2
            + "ARR-2002,A4,21-24,F,\"LINE\r\nBREAK\",NICHE,Y,POU1,AW,2023-05-02,PER-2002,19C\r\n" // 3-4
            + "ARR-2003,B2,50+,X,,NICHE,N,RESP1,CE,2023-05-32,PER-2003,8N\r\n" // 5 BAD_FORMAT
            + "ARR-2004,,,,,NICHE,N,RESP1,CE,2023-06-01,PER-2004,49\r\n"); // 6
    Fixtures.write(input.resolve("protection_orders.csv"), ORDERS_HEADER);
    // No outcomes extract at all: its tables are written with no rows.
    Path run = temp.resolve("runs").resolve("out");
    Cli.Result result = run(input, run, "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();

    JsonNode manifest = RunFolder.manifest(run);
    assertCounts(manifest, "arrests.csv", 4, 3, Map.of("BAD_FORMAT", 1L));
    assertCounts(manifest, "protection_orders.csv", 0, 0, Map.of());
    assertThat(manifest.path("warnings").toString())
        .as("the extra column is listed as a warning")
        .contains("source_system");
    assertRejects(run, "arrests", List.of(new Reject("arrests.csv", 5, "BAD_FORMAT", null)));

    try (Connection db = Duck.open()) {
      RowAssert.assertSameRows(
          "arrests_by_offence",
          table(db, run, "arrests_by_offence"),
          List.of(
              row("2023-05", "POU", "POU1", HandWorkedExpectations.SEX, "19C", true, 1, 1),
              row("2023-05", "Response", "RESP1", HandWorkedExpectations.VAP, "8N", false, 1, 1),
              row("2023-06", "Response", "RESP1", HandWorkedExpectations.THEFT, "49", false, 1, 1)));
      RowAssert.assertSameRows(
          "arrests_by_demographics",
          table(db, run, "arrests_by_demographics"),
          List.of(
              row("2023-24", HandWorkedExpectations.SEX, "F", "21-24", "Asian", 1),
              row("2023-24", HandWorkedExpectations.THEFT, "U", "U", "Not stated", 1),
              row("2023-24", HandWorkedExpectations.VAP, "M", "30-39", "White", 1)));
      for (String empty :
          List.of("protection_orders", "outcomes_by_offence", "charge_rates", "time_to_outcome")) {
        Path parquet = run.resolve("restricted").resolve(empty + ".parquet");
        assertThat(parquet).as(empty + " is written even with no rows").exists();
        assertThat(TableCompare.schemaDifferences(db, TableSpec.of(empty), parquet)).isEmpty();
        assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(parquet))).as(empty).isZero();
      }
    }
  }

  /** Two files of one extract are one extract, read in file order; other files are ignored. */
  @Test
  void twoFilesOfOneExtractInFileOrder(@TempDir Path temp) throws SQLException {
    Path input = referenceOnly(temp.resolve("input"));
    Fixtures.write(
        input.resolve("arrests-a.csv"),
        ARRESTS_HEADER
            + "ARR-3001,PER-3001,2023-07-01,CE,RESP1,8N,N,,M,30-39,W1\n" // a:2 accepted
            + "ARR-3002,PER-3002,2023-07-32,CE,RESP1,8N,N,,M,30-39,W1\n" // a:3 BAD_FORMAT
            + "ARR-3003,PER-3003,2023-07-03,CE,RESP1,8N,N,,M,30-39,W1\n"); // a:4 accepted, first
    Fixtures.writeGzip(
        input.resolve("arrests-b.csv.gz"),
        ARRESTS_HEADER
            + "ARR-3003,PER-3004,2023-08-03,AW,POU1,19C,Y,,F,30-39,W1\n" // b:2 DUPLICATE_ID of a:4
            + "ARR-3002,PER-3005,2023-08-02,AW,POU1,19C,Y,,F,30-39,W1\n" // b:3 accepted (a:3 broke a rule)
            + "ARR-3004,PER-3006,2023-08-04,AW,POU1,19C,Y,,F,30-39,W1\n"); // b:4 accepted
    // Not extracts: wrong case, not directly in the input folder, not CSV.
    Fixtures.write(input.resolve("Arrests-c.csv"), ARRESTS_HEADER);
    Fixtures.write(input.resolve("sub").resolve("arrests-d.csv"), ARRESTS_HEADER);
    Fixtures.write(input.resolve("notes.txt"), "not an extract\n");

    Path run = temp.resolve("runs").resolve("out");
    Cli.Result result = run(input, run, "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();

    JsonNode manifest = RunFolder.manifest(run);
    assertCounts(manifest, "arrests-a.csv", 3, 2, Map.of("BAD_FORMAT", 1L));
    assertCounts(manifest, "arrests-b.csv.gz", 3, 2, Map.of("DUPLICATE_ID", 1L));
    assertThat(manifest.path("ignored_files").toString())
        .contains("Arrests-c.csv")
        .contains("arrests-d.csv")
        .contains("notes.txt");
    assertRejects(
        run,
        "arrests",
        List.of(
            new Reject("arrests-a.csv", 3, "BAD_FORMAT", null),
            new Reject("arrests-b.csv.gz", 2, "DUPLICATE_ID", "ARR-3003,PER-3004,2023-08-03,AW,POU1,19C,Y,,F,30-39,W1")));
    try (Connection db = Duck.open()) {
      // ARR-3003 counts once, in July from arrests-a.csv; ARR-3002 once, in August from b.
      RowAssert.assertSameRows(
          "arrests_by_offence",
          table(db, run, "arrests_by_offence"),
          List.of(
              row("2023-07", "Response", "RESP1", HandWorkedExpectations.VAP, "8N", false, 2, 2),
              row("2023-08", "POU", "POU1", HandWorkedExpectations.SEX, "19C", true, 2, 2)));
    }
  }
}
