package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.run.ArrowFiles;

/**
 * Issue 8, privacy (EXTRACTS.md: identifiers "never appear in publish/, a log line, the manifest or
 * a console message"): runs on fixtures, then decodes every cell of every Parquet file under
 * {@code publish/} (and the exact tables under {@code restricted/}, rejects aside), their footers'
 * metadata and statistics, every cell of the {@code .arrow} and {@code .csv} copies, the other
 * published files as they are, {@code manifest.json}, {@code report/index.html} and everything the
 * run printed, looking for every identifier value of the inputs as or inside any of them.
 */
class PrivacyScanTest {

  static final List<String> IDENTIFIER_COLUMNS = CorruptedExtractsPropertyTest.IDENTIFIER_COLUMNS;

  /**
   * Records added to the hand-worked fixture that put identifiers where a careless message or
   * table might echo them: rejected for each reason, an identifier pasted into a coded column, odd
   * characters, a duplicate, a date after the as-at date.
   */
  static final String DIRTY_ARRESTS =
      "ARR-LEAK-0001,PER-LEAK-0001,2023-01-05,CE,RESP1,99Z,N,,M,30-39,W1\n" // UNKNOWN_CODE
          + "ARR-LEAK-0002,PER-LEAK-0002,2023-01-05,CE,RESP1,8N,N,,PER-LEAK-0002,30-39,W1\n" // BAD_FORMAT, id in sex
          + "ARR-LEAK-0003,PER-LEAK-0003,2023-13-05,CE,RESP1,8N,N,,M,30-39,W1\n" // BAD_FORMAT date
          + "ARR-LEAK-0004,,2023-01-05,CE,RESP1,8N,N,,M,30-39,W1\n" // MISSING_VALUE
          + "ARR-LEAK-0005,PER-LEAK-0005,2023-01-05,CE,RESP1,8N,N\n" // WRONG_FIELD_COUNT
          + "ARR-LEAK-0006,PER-LEAK-0006,2026-01-05,CE,RESP1,8N,N,,M,30-39,W1\n" // OUT_OF_RANGE (as-at)
          + "ARR-LEAK-0001,PER-LEAK-0007,2023-02-05,CE,RESP1,8N,N,,F,30-39,W1\n" // accepted: the first valid ARR-LEAK-0001
          + "ARR-LEAK-0001,PER-LEAK-0008,2023-02-06,CE,RESP1,8N,N,,F,30-39,W1\n" // DUPLICATE_ID
          + "\"ARR,LEAK \"\"0009\"\"\",\"PER-LE\u00C4K-0009\n2\",2023-03-05,CE,RESP1,8N,Y,\"OP, \"\"X\"\"\",X,50+,A4\n" // accepted, quoted
          + "ARR-LEAK-0010-" + "X".repeat(40) + ",PER-LEAK-0010,2023-03-05,CE,RESP1,8N,N,,M,30-39,W1\n"; // BAD_FORMAT, too long

  static final String DIRTY_OUTCOMES =
      "CRM-LEAK-0001,8N,N,2023-01-05,CE,1,2023-01-04,ARR-LEAK-0001\n" // OUT_OF_RANGE (before its crime)
          + "CRM-LEAK-0002,8N,N,2023-01-05,CE,1,2023-01-09,ARR-LEAK-0001\n" // accepted, charges ARR-LEAK-0001
          + "CRM-LEAK-0003,8N,N,2023-01-05,CE,,2023-01-09,ARR-LEAK-0003\n"; // BAD_FORMAT

  static final String DIRTY_ORDERS =
      "ORD-LEAK-0001,DVPN,ISSUED,2023-03-01,CE,CRM-LEAK-0002\n" // accepted
          + "ORD-LEAK-0001,DVPN,ISSUED,2023-03-01,CE,CRM-LEAK-0009\n" // DUPLICATE_ID
          + "ORD-LEAK-0002,DVPN,ISSUE,2023-03-01,CE,CRM-LEAK-0010\n"; // BAD_FORMAT

  @Test
  void noInputIdentifierInPublishedCellsManifestOrConsole_handWorkedFixtureWithDirtyRecords(@TempDir Path dir) throws Exception {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
    append(input.resolve("arrests.csv"), DIRTY_ARRESTS);
    append(input.resolve("outcomes.csv"), DIRTY_OUTCOMES);
    append(input.resolve("protection_orders.csv"), DIRTY_ORDERS);
    assertNoIdentifierLeaves(input, dir.resolve("runs").resolve("out"), 20);
  }

  @Test
  void noInputIdentifierInPublishedCellsManifestOrConsole_syntheticExtractsWithBadRows(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("input");
    Synthetic.write(input, 200, 17, true);
    assertNoIdentifierLeaves(input, dir.resolve("runs").resolve("out"), 500);
  }

  static void assertNoIdentifierLeaves(Path input, Path run, int atLeast) throws Exception {
    List<String> identifiers = identifiersIn(input);
    assertThat(identifiers).as("identifiers found in the inputs").hasSizeGreaterThanOrEqualTo(atLeast);

    Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", run.toString(), "--as-at", "2025-10-31", "--max-reject-rate", "1");
    assertThat(result.exitCode()).as(result.describe()).isZero();

    List<String> found = new ArrayList<>();
    List<Path> parquet = new ArrayList<>();
    int arrow = 0;
    int csv = 0;
    for (Path file : RunFolder.files(run.resolve("publish"))) {
      String label = run.relativize(file).toString();
      if (file.toString().endsWith(".parquet")) {
        parquet.add(file);
        continue;
      }
      // every other file as bytes (Arrow's strings are stored as they are), and the tables' cells decoded
      found.addAll(RunFolder.identifiersInText(file, label, identifiers));
      if (file.toString().endsWith(".arrow")) {
        arrow++;
        found.addAll(RunFolder.identifiersInText(cellsText(ArrowFiles.read(file).rows()), label + " (cells)", identifiers));
      } else if (file.toString().endsWith(".csv")) {
        csv++;
        found.addAll(RunFolder.identifiersInText(cellsText(Csv.parse(Files.readString(file, StandardCharsets.UTF_8))), label + " (cells)", identifiers));
      }
    }
    int publishedParquet = parquet.size();
    assertThat(arrow).as("publish/*.arrow decoded, one per Parquet table").isEqualTo(publishedParquet);
    assertThat(csv).as("publish/*.csv decoded, one per Parquet table").isEqualTo(publishedParquet);
    for (Path file : RunFolder.files(run.resolve("restricted"))) {
      if (file.toString().endsWith(".parquet")) {
        parquet.add(file);
      }
    }
    assertThat(parquet).as("Parquet files to decode").hasSizeGreaterThanOrEqualTo(24);
    try (Connection db = Duck.open()) {
      found.addAll(identifiersInParquet(db, run, parquet, identifiers));
    }
    found.addAll(RunFolder.identifiersInText(run.resolve("manifest.json"), "manifest.json", identifiers));
    found.addAll(RunFolder.identifiersInText(run.resolve("report/index.html"), "report/index.html", identifiers));
    found.addAll(RunFolder.identifiersInText(result.stdout(), "standard output", identifiers));
    found.addAll(RunFolder.identifiersInText(result.stderr(), "standard error (logs)", identifiers));
    assertThat(found).isEmpty();
    // the rejects file does keep the raw records: the scan would have seen them there
    assertThat(RunFolder.identifiersInText(run.resolve("restricted/rejects/arrests.csv"), "rejects", identifiers)).isNotEmpty();
  }

  /**
   * Every cell of every column, whatever its type (nested values cast to text), plus each file's
   * key-value metadata and column statistics, searched for every identifier as a substring.
   */
  static List<String> identifiersInParquet(Connection db, Path run, List<Path> files, List<String> identifiers) throws SQLException {
    Duck.execute(db, "CREATE OR REPLACE TEMP TABLE input_ids (id VARCHAR)");
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO input_ids VALUES (?)")) {
      for (String id : identifiers) {
        insert.setString(1, id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Duck.execute(db, "CREATE OR REPLACE TEMP TABLE cells (file VARCHAR, col VARCHAR, cell VARCHAR)");
    long cells = 0;
    for (Path file : files) {
      String name = Duck.literal(run.relativize(file).toString());
      String parquet = Duck.parquet(file);
      for (List<Object> column : Duck.rows(db, "DESCRIBE SELECT * FROM " + parquet)) {
        String col = column.get(0).toString();
        Duck.execute(db, "INSERT INTO cells SELECT " + name + ", " + Duck.literal(col) + ", CAST(" + Duck.ident(col) + " AS VARCHAR) FROM " + parquet);
        Duck.execute(db, "INSERT INTO cells VALUES (" + name + ", 'column name', " + Duck.literal(col) + ")");
      }
      Duck.execute(db, "INSERT INTO cells SELECT " + name + ", 'footer key-value metadata', decode(key) || '=' || decode(value) FROM parquet_kv_metadata("
          + Duck.literal(file) + ")");
      Duck.execute(db, "INSERT INTO cells SELECT " + name + ", 'column statistics', concat_ws(' ', stats_min, stats_max, stats_min_value, stats_max_value)"
          + " FROM parquet_metadata(" + Duck.literal(file) + ")");
    }
    cells = Duck.count(db, "SELECT count(*) FROM cells");
    assertThat(cells).as("cells decoded").isGreaterThan(1000);
    List<String> found = new ArrayList<>();
    for (List<Object> hit :
        Duck.rows(db, "SELECT file, col, id FROM cells JOIN input_ids ON contains(cell, id) ORDER BY file, col, id LIMIT 20")) {
      found.add(hit.get(0) + " " + hit.get(1) + " holds identifier " + hit.get(2));
    }
    return found;
  }

  /**
   * Every value of an identifier column in the input's extracts, read with the tests' own CSV
   * reader; values under 4 characters are not identifiers (EXTRACTS.md: 4 to 40 or 64) and would
   * match codes.
   */
  static List<String> identifiersIn(Path input) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String id : CorruptedExtractsPropertyTest.identifiersIn(input)) {
      if (id.codePointCount(0, id.length()) >= 4) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Every cell as text, one a line. */
  private static String cellsText(List<? extends List<?>> rows) {
    StringBuilder text = new StringBuilder();
    rows.forEach(row -> row.forEach(cell -> text.append(cell).append('\n')));
    return text.toString();
  }

  static void append(Path file, String records) throws IOException {
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + records, StandardCharsets.UTF_8);
  }
}
