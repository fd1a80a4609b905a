package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.offstats.e2e.RowAssert.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3's awkward cases on small hand-made police.uk files ({@code fixtures/policeuk/}), each
 * expected count worked out by hand in the comments. The fixtures have CRLF line ends (kept by the
 * {@code .gitattributes} beside them; {@link #crlf} checks they still do).
 */
class PoliceUkAwkwardCasesTest {

  static final String STREET_HEADER =
      "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          + "Last outcome category,Context";
  static final String OUTCOMES_HEADER =
      "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type";
  static final String CITY = "City of London Police";
  static final String COL = "city-of-london";

  static Cli.Result run(Path input, Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  static List<List<Object>> rows(Connection db, Path run, String part, TableSpec spec) {
    return Duck.rowsInFileOrder(db, run.resolve(part).resolve(spec.name() + ".parquet"), spec.names());
  }

  static String crlf(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as(file + " must keep its CRLF line ends (check .gitattributes)").contains("\r\n");
    assertThat(text.replace("\r\n", "")).as(file + ": no bare \\n line ends").doesNotContain("\n");
    return text;
  }

  // ------------------------------------------------------------------ one folder of awkward files

  /**
   * {@code fixtures/policeuk/awkward/}, run with {@code --max-reject-rate 1}:
   * <pre>
   *   2019-03-city-of-london-street.csv                  top level, CRLF          11 records, 1 rejected
   *   gz/2019-04-city-of-london-street.csv.gz            written by the test       3 records
   *   sub/deeper/2019-03-city-of-london-outcomes.csv     BOM + CRLF, 2 levels down 12 records, 1 rejected
   *   a/b/c/2019-04-metropolitan-stop-and-search.csv     CRLF, 3 levels down        7 records, 1 rejected
   *   empty/2019-05-city-of-london-outcomes.csv          header only (valid)        0 records
   *   2020-1-city-street.csv, 2020-01-City-of-London-street.csv, near/...   names that almost match: ignored
   * </pre>
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class AwkwardFolder {
    Path input;
    Path run;
    Cli.Result result;
    Connection db;

    static final String STREET = "2019-03-city-of-london-street.csv";
    static final String STREET_GZ = "gz/2019-04-city-of-london-street.csv.gz";
    static final String OUTCOMES = "sub/deeper/2019-03-city-of-london-outcomes.csv";
    static final String STOP_SEARCH = "a/b/c/2019-04-metropolitan-stop-and-search.csv";
    static final String HEADER_ONLY = "empty/2019-05-city-of-london-outcomes.csv";

    /** The names that only look like police.uk names; each file holds a valid street record of 2020-01. */
    static final List<String> NEAR_MISSES =
        List.of(
            "2020-1-city-street.csv", // one-digit month, no force slug before the kind
            "2020-01-City-of-London-street.csv", // the slug is lower case only
            "near/2020-01-city-of-london-crimes.csv", // not one of the three kinds
            "near/2020-01-city-of-london-street.CSV", // names are case-sensitive
            "near/2020-01-city-of-london-street.csv.txt", // not .csv or .csv.gz
            "near/2020-01-city-of-london_street.csv", // underscore before the kind
            "near/x2020-01-city-of-london-street.csv"); // the name must start with the month

    @BeforeAll
    void runPipeline(@TempDir Path temp) throws IOException {
      input = Fixtures.copy("policeuk/awkward", temp.resolve("input"));
      Files.createDirectories(input.resolve("gz"));
      // Physical lines: 1 header; 2 fff6 Robbery; 3 ASB with no Crime ID; 4 fff6 again (a repeat).
      Fixtures.writeGzip(
          input.resolve(STREET_GZ),
          STREET_HEADER + "\r\n"
              + "fff6,2019-04,City of London Police,City of London Police,-0.093600,51.517100,On or near Wood Street,"
              + "E01000001,City of London 001A,Robbery,Awaiting court outcome,\r\n"
              + ",2019-04,City of London Police,City of London Police,-0.093600,51.517100,On or near Wood Street,"
              + "E01000001,City of London 001A,Anti-social behaviour,,\r\n"
              + "fff6,2019-04,City of London Police,City of London Police,-0.093600,51.517100,On or near Wood Street,"
              + "E01000001,City of London 001A,Robbery,Awaiting court outcome,\r\n");
      for (String file : List.of(STREET, OUTCOMES, STOP_SEARCH)) {
        crlf(input.resolve(file));
      }
      run = temp.resolve("runs").resolve("out");
      result = PoliceUkAwkwardCasesTest.run(input, run, "--max-reject-rate", "1");
      db = Duck.open();
    }

    @AfterAll
    void close() throws SQLException {
      db.close();
    }

    void assertRunSucceeded() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void streetCountsEveryRecordAsItIs() {
      assertRunSucceeded();
      // 2019-03-city-of-london-street.csv, by physical line:
      //   2 a1b2c3 Burglary / Under investigation
      //   3, 4, 5  empty Crime ID: anti-social behaviour, empty outcome (the 3 count, not 1 or 0)
      //   6, 7     Crime ID dup001 twice: Vehicle crime / Investigation complete (counted twice)
      //   8        empty Reported by, outcome quoted empty (""); a quoted Location with a comma
      //   9        11 fields: WRONG_FIELD_COUNT, not counted
      //   10       all 12 fields empty: month, reported_by, crime type, outcome all ''
      //   11       Month column 2019-02 in the 2019-03 file: street month is the Month column
      //   12       Reported by the Metropolitan Police Service, in the City's file: force stays
      //            the file's slug, reported_by keeps the column
      // gz/2019-04-city-of-london-street.csv.gz: 1 ASB, Robbery twice (repeated Crime ID fff6).
      // Keys in code point order: '' first, "" < "City..." < "Metropolitan...".
      RowAssert.assertSameRows(
          "restricted/policeuk_street_by_type",
          rows(db, run, "restricted", PoliceUkSql.STREET),
          List.of(
              row("", COL, "", "", "", 1), // line 10
              row("2019-02", COL, CITY, "Burglary", "Under investigation", 1), // line 11
              row("2019-03", COL, "", "Drugs", "", 1), // line 8
              row("2019-03", COL, CITY, "Anti-social behaviour", "", 3), // lines 3, 4, 5
              row("2019-03", COL, CITY, "Burglary", "Under investigation", 1), // line 2
              row("2019-03", COL, CITY, "Vehicle crime", "Investigation complete; no suspect identified", 2), // 6, 7
              row("2019-03", COL, "Metropolitan Police Service", "Burglary", "Under investigation", 1), // line 12
              row("2019-04", COL, CITY, "Anti-social behaviour", "", 1), // gz line 3
              row("2019-04", COL, CITY, "Robbery", "Awaiting court outcome", 2))); // gz lines 2, 4
    }

    @Test
    void outcomesKeepEveryWordingAsItIs() {
      assertRunSucceeded();
      // sub/deeper/2019-03-city-of-london-outcomes.csv (BOM, CRLF), by physical line:
      //   2, 5   Offender given a caution (o1, o3)                           -> 2
      //   3, 4   Suspect charged, Crime ID o2 twice                          -> 2
      //   6      Formal action is not in the public interest                 -> 1
      //   7      Further action is not in the public interest (newer words)  -> 1, its own row
      //   8, 9   Local resolution / Local Resolution (verbatim, case kept)   -> 1 each
      //   10     empty Outcome type (the last column)                        -> ''
      //   11-12  one record: a quoted Location holding a CRLF; Unable to prosecute suspect
      //   13     11 fields: WRONG_FIELD_COUNT, not counted
      //   14     empty Crime ID, quoted "Offender fined" in the last column
      // 11 records counted; all month 2019-03, force city-of-london, reported by the City.
      // Code point order: '' < "Formal" < "Further" ('o' < 'u') < "Local R" < "Local r" ('R' < 'r')
      // < "Offender f" < "Offender g" < "Suspect" < "Unable".
      RowAssert.assertSameRows(
          "restricted/policeuk_outcomes_by_type",
          rows(db, run, "restricted", PoliceUkSql.OUTCOMES),
          List.of(
              row("2019-03", COL, CITY, "", 1),
              row("2019-03", COL, CITY, "Formal action is not in the public interest", 1),
              row("2019-03", COL, CITY, "Further action is not in the public interest", 1),
              row("2019-03", COL, CITY, "Local Resolution", 1),
              row("2019-03", COL, CITY, "Local resolution", 1),
              row("2019-03", COL, CITY, "Offender fined", 1),
              row("2019-03", COL, CITY, "Offender given a caution", 2),
              row("2019-03", COL, CITY, "Suspect charged", 2),
              row("2019-03", COL, CITY, "Unable to prosecute suspect", 1)));
    }

    @Test
    void stopAndSearchCountsUnderTheFilesMonth() {
      assertRunSucceeded();
      // a/b/c/2019-04-metropolitan-stop-and-search.csv, by physical line:
      //   2  2019-03-31T22:00Z: the last evening of March (23:00 in London too), in the April file
      //   3  2019-03-31T23:30Z: the last evening of March in UTC
      //   4  2019-04-01T09:00Z
      //      2-4 have the same keys: Person search / Controlled drugs / no further action / Male /
      //      18-24 / White -> 3 under 2019-04 (and no 2019-03 row at all)
      //   5  Vehicle search with every other field empty -> '' keys
      //   6  Person and Vehicle search, quoted "Op Sceptre, phase 2", empty last column
      //   7  14 fields: WRONG_FIELD_COUNT, not counted
      //   8  2019-04-30T23:30Z (already 1 May in London): still April, the file's month
      // 'Person and ...' < 'Person search' ('a' < 's'); "A no ..." < "Community ...".
      RowAssert.assertSameRows(
          "restricted/policeuk_stop_search",
          rows(db, run, "restricted", PoliceUkSql.STOP_SEARCH),
          List.of(
              row("2019-04", "metropolitan", "Person and Vehicle search", "Offensive weapons", "Arrest", "Female", "over 34", "Black", 1),
              row("2019-04", "metropolitan", "Person search", "Controlled drugs", "A no further action disposal", "Male", "18-24", "White", 3),
              row("2019-04", "metropolitan", "Person search", "Controlled drugs", "Community resolution", "Male", "10-17", "White", 1),
              row("2019-04", "metropolitan", "Vehicle search", "", "", "", "", "", 1)));
    }

    @Test
    void noNullAndNoCarriageReturnInAnyCell() {
      assertRunSucceeded();
      List<String> found = new ArrayList<>();
      for (String part : List.of("restricted", "publish")) {
        for (TableSpec spec : PoliceUkSql.TABLES) {
          Path parquet = run.resolve(part).resolve(spec.name() + ".parquet");
          for (String column : spec.keys()) {
            String col = Duck.ident(column);
            long bad = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(parquet) + " WHERE " + col + " IS NULL OR "
                + col + " LIKE '%' || chr(13) || '%' OR " + col + " LIKE '%' || chr(10) || '%'");
            if (bad > 0) {
              found.add(part + "/" + spec.name() + "." + column + ": " + bad + " cells null or holding \\r or \\n");
            }
          }
        }
      }
      assertThat(found).isEmpty();
    }

    @Test
    void publishHoldsTheSameRows() {
      assertRunSucceeded();
      // OUTPUTS.md: the police.uk tables "are published as they are".
      for (TableSpec spec : PoliceUkSql.TABLES) {
        Path published = run.resolve("publish").resolve(spec.name() + ".parquet");
        assertThat(TableCompare.schemaDifferences(db, spec, published)).as("publish/" + spec.name()).isEmpty();
        assertThat(rows(db, run, "publish", spec)).as("publish/" + spec.name())
            .isEqualTo(rows(db, run, "restricted", spec));
      }
    }

    @Test
    void wrongFieldCountsAreRejectedAndTheOthersCounted() {
      assertRunSucceeded();
      JsonNode manifest = RunFolder.manifest(run);
      BrokenInputsTest.assertCounts(manifest, STREET, 11, 10, Map.of("WRONG_FIELD_COUNT", 1L));
      BrokenInputsTest.assertCounts(manifest, STREET_GZ, 3, 3, Map.of());
      BrokenInputsTest.assertCounts(manifest, OUTCOMES, 12, 11, Map.of("WRONG_FIELD_COUNT", 1L));
      BrokenInputsTest.assertCounts(manifest, STOP_SEARCH, 7, 6, Map.of("WRONG_FIELD_COUNT", 1L));
      // EXTRACTS.md: "A header-only file is valid": listed, with no records and no 2019-05 row.
      BrokenInputsTest.assertCounts(manifest, HEADER_ONLY, 0, 0, Map.of());
      assertThat(RunFolder.input(manifest, HEADER_ONLY).path("extract").asText()).isEqualTo("policeuk_outcomes");
      assertThat(RunFolder.input(manifest, STREET).path("extract").asText()).isEqualTo("policeuk_street");
      assertThat(RunFolder.input(manifest, STREET_GZ).path("extract").asText()).isEqualTo("policeuk_street");
      assertThat(RunFolder.input(manifest, OUTCOMES).path("extract").asText()).isEqualTo("policeuk_outcomes");
      assertThat(RunFolder.input(manifest, STOP_SEARCH).path("extract").asText()).isEqualTo("policeuk_stop_and_search");

      BrokenInputsTest.assertRejects(run, "policeuk_street", List.of(new BrokenInputsTest.Reject(STREET, 9, "WRONG_FIELD_COUNT",
          "c3d4e5,2019-03,City of London Police,City of London Police,-0.094100,51.514200,On or near Cheapside,"
              + "E01000003,City of London 001C,Drugs,Under investigation")));
      // The record on lines 11-12 spans two physical lines, so the short record starts on line 13.
      BrokenInputsTest.assertRejects(run, "policeuk_outcomes", List.of(new BrokenInputsTest.Reject(OUTCOMES, 13, "WRONG_FIELD_COUNT",
          "o9,2019-03,City of London Police,City of London Police,-0.094100,51.514200,On or near Cheapside,"
              + "E01000003,City of London 001C,Suspect charged,extra")));
      BrokenInputsTest.assertRejects(run, "policeuk_stop_and_search", List.of(new BrokenInputsTest.Reject(STOP_SEARCH, 7, "WRONG_FIELD_COUNT",
          "Person search,2019-04-04T08:00:00+00:00,False,,51.513500,-0.088900,Male,18-24,"
              + "White - English/Welsh/Scottish/Northern Irish/British (W1),White,Misuse of Drugs Act 1971 (section 23),"
              + "Controlled drugs,A no further action disposal,False")));
    }

    @Test
    void filesWithAlmostMatchingNamesAreIgnoredAndListed() {
      assertRunSucceeded();
      JsonNode manifest = RunFolder.manifest(run);
      List<String> ignored = new ArrayList<>();
      manifest.path("ignored_files").forEach(f -> ignored.add(f.asText()));
      assertThat(ignored).as("ignored_files").containsExactlyInAnyOrderElementsOf(NEAR_MISSES);
      List<String> inputs = new ArrayList<>();
      manifest.path("inputs").forEach(f -> inputs.add(f.path("path").asText()));
      assertThat(inputs).as("inputs[]: the police.uk files, found at every depth")
          .containsExactlyInAnyOrder(STREET, STREET_GZ, OUTCOMES, STOP_SEARCH, HEADER_ONLY);
      // Each near miss holds a 2020-01 record "Read although ignored": none of it was counted.
      assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("restricted/policeuk_street_by_type.parquet"))
          + " WHERE month = '2020-01' OR crime_type = 'Read although ignored'")).isZero();
    }
  }

  // ------------------------------------------------------------------ a wrong header is fatal

  @Nested
  class WrongHeader {
    @TempDir Path temp;

    /**
     * EXTRACTS.md: a file named like a police.uk file whose header (BOM and \r removed) is not
     * exactly the public one fails the run, exit 2 naming the file; OUTPUTS.md: no run folder.
     * A good police.uk file sits beside it so the run would otherwise succeed.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
        delimiterString = "|",
        value = {
          // the street header in an outcomes file
          "x/2019-05-city-of-london-outcomes.csv|street|another kind's header",
          // the exact header plus one column (force extracts allow extras; police.uk files do not)
          "2019-05-city-of-london-street.csv|street-extra|an extra column",
          // one name in another case
          "deep/er/2019-05-city-of-london-street.csv|street-case|Crime Id for Crime ID",
          // the stop-and-search header missing its last column
          "2019-05-metropolitan-stop-and-search.csv|stop-short|a missing column"
        })
    void failsNamingTheFile(String path, String header, String what) throws IOException {
      Path input = Files.createDirectories(temp.resolve("input"));
      Fixtures.copy("policeuk/mixed", input.resolve("good"));
      String text =
          switch (header) {
            case "street" -> STREET_HEADER;
            case "street-extra" -> STREET_HEADER + ",Extra";
            case "street-case" -> STREET_HEADER.replace("Crime ID", "Crime Id");
            case "stop-short" ->
                "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,"
                    + "Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,"
                    + "Outcome linked to object of search";
            default -> throw new IllegalArgumentException(header);
          };
      Fixtures.write(input.resolve(path), text + "\r\n");
      Path runs = Files.createDirectories(temp.resolve("runs"));
      Path output = runs.resolve("out");
      Cli.Result result = PoliceUkAwkwardCasesTest.run(input, output);
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      assertThat(result.stderr()).as("the message names the file").contains(path);
      assertThat(output).as("no run folder after a failed run").doesNotExist();
      try (Stream<Path> left = Files.list(runs)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary sibling").isEmpty();
      }
      assertThat(result.stderr().lines().filter(l -> l.startsWith("\tat ")).toList())
          .as("one readable line, not a stack trace")
          .isEmpty();
    }
  }

  // ------------------------------------------------------------------ beside the force's extracts

  /**
   * Synthetic force extracts (200 arrests, clean) and {@code fixtures/policeuk/mixed/} in one input
   * folder: the force tables and the police.uk tables are both written, and the manifest lists both
   * kinds of input.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class BesideForceExtracts {
    Path input;
    Path run;
    Cli.Result result;
    Connection db;
    LocalDate asAt;

    static final String STREET = "2031-12-city-of-london-street.csv";
    static final String STOP_SEARCH = "policeuk/2019-05-metropolitan-stop-and-search.csv";

    @BeforeAll
    void runPipeline(@TempDir Path temp) {
      input = temp.resolve("input");
      Synthetic.write(input, 200, 1, false);
      asAt = SqlOracle.latestDate(input);
      Fixtures.copy("policeuk/mixed", input);
      run = temp.resolve("runs").resolve("out");
      result = PoliceUkAwkwardCasesTest.run(input, run, "--as-at", asAt.toString());
      db = Duck.open();
    }

    @AfterAll
    void close() throws SQLException {
      db.close();
    }

    @Test
    void bothKindsOfTableAreWritten() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      assertThat(asAt).as("the police.uk street file's month is after as-at").isBefore(LocalDate.of(2031, 12, 1));
      // 2031-12 street: lines 2 and 4 repeat Crime ID m1 (Theft from the person), line 3 ASB.
      // The police.uk files have no as-at bound: a month after as-at still counts.
      RowAssert.assertSameRows(
          "policeuk_street_by_type",
          rows(db, run, "restricted", PoliceUkSql.STREET),
          List.of(
              row("2031-12", COL, CITY, "Anti-social behaviour", "", 1),
              row("2031-12", COL, CITY, "Theft from the person", "Under investigation", 2)));
      // Two identical searches (10 and 11 May): one cell of 2.
      RowAssert.assertSameRows(
          "policeuk_stop_search",
          rows(db, run, "restricted", PoliceUkSql.STOP_SEARCH),
          List.of(row("2019-05", "metropolitan", "Person search", "Controlled drugs", "Arrest", "Male", "25-34", "White", 2)));
      assertThat(rows(db, run, "restricted", PoliceUkSql.OUTCOMES)).as("no police.uk outcomes file").isEmpty();

      long arrestsRead = RunFolder.input(RunFolder.manifest(run), "arrests.csv").path("rows_accepted").asLong();
      assertThat(arrestsRead).isPositive();
      long counted = Duck.count(db, "SELECT coalesce(sum(arrests), 0) FROM "
          + Duck.parquet(run.resolve("restricted").resolve("arrests_by_offence.parquet")));
      assertThat(counted).as("arrests_by_offence counts every accepted arrest").isEqualTo(arrestsRead);
      for (TableSpec spec : TableSpec.FORCE_TABLES) {
        assertThat(Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(run.resolve("restricted").resolve(spec.name() + ".parquet"))))
            .as(spec.name() + " has rows from the force extracts")
            .isPositive();
      }
    }

    @Test
    void theManifestListsBothKindsOfInput() {
      assertThat(result.exitCode()).as(result.describe()).isZero();
      JsonNode manifest = RunFolder.manifest(run);
      Map<String, String> extracts = new java.util.TreeMap<>();
      manifest.path("inputs").forEach(in -> extracts.put(in.path("path").asText(), in.path("extract").asText()));
      assertThat(extracts)
          .containsEntry("arrests.csv", "arrests")
          .containsEntry("outcomes.csv", "outcomes")
          .containsEntry("protection_orders.csv", "protection_orders")
          .containsEntry(STREET, "policeuk_street")
          .containsEntry(STOP_SEARCH, "policeuk_stop_and_search")
          .hasSize(5);
      BrokenInputsTest.assertCounts(manifest, STREET, 3, 3, Map.of());
      BrokenInputsTest.assertCounts(manifest, STOP_SEARCH, 2, 2, Map.of());
      assertThat(manifest.path("as_at").asText()).isEqualTo(asAt.toString());
      assertThat(manifest.path("ignored_files")).as("ignored_files").isEmpty();
      List<String> outputs = new ArrayList<>();
      manifest.path("outputs").forEach(o -> outputs.add(o.path("path").asText()));
      for (TableSpec spec : PoliceUkSql.TABLES) {
        assertThat(outputs).contains("restricted/" + spec.name() + ".parquet", "publish/" + spec.name() + ".parquet");
      }
      for (TableSpec spec : TableSpec.FORCE_TABLES) {
        assertThat(outputs).contains("restricted/" + spec.name() + ".parquet", "publish/" + spec.name() + ".parquet");
      }
    }
  }
}
