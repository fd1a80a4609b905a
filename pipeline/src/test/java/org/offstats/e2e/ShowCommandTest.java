package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code offstats show} end to end (issue 9): what it prints, read back column by column, is the
 * table as DuckDB reads the same Parquet file, in the file's order, numbers right-aligned and
 * exact; {@code --where} filters, {@code --limit} limits and says how many rows it left out; an
 * unknown table or column is one line and exit 2.
 */
class ShowCommandTest {
  private static Path run;
  private static Connection db;

  @BeforeAll
  static void makeRun() {
    run = ReportFixture.run();
    db = Duck.open();
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void chargeRatesWhereScopeTypeIsVawgAreTheRowsDuckDbReads() {
    Cli.Result result = Cli.run("show", run.toString(), "charge_rates", "--where", "scope_type=vawg", "--limit", "0");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    List<List<Object>> expected = Duck.rows(db, "SELECT * FROM read_parquet(" + Duck.literal(table("publish", "charge_rates"))
        + ", file_row_number = true) WHERE scope_type = 'vawg' ORDER BY file_row_number");
    assertThat(shown.header()).containsExactly("financial_year", "scope_type", "scope", "crimes_recorded", "charged_summonsed",
        "charge_rate");
    assertSameRows(shown, expected);
    assertThat(shown.after()).containsExactly("(" + expected.size() + " rows matching --where, of "
        + Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "charge_rates"))) + ")");
  }

  @Test
  void defaultLimitIsFiftyRowsAndSaysHowManyAreNotShown() {
    Cli.Result result = Cli.run("show", run.toString(), "arrests_by_offence");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    long rows = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "arrests_by_offence")));
    assertThat(rows).isGreaterThan(50);
    assertSameRows(shown, Duck.rows(db, "SELECT * FROM read_parquet(" + Duck.literal(table("publish", "arrests_by_offence"))
        + ", file_row_number = true) ORDER BY file_row_number LIMIT 50"));
    assertThat(shown.after()).containsExactly(String.format(Locale.UK, "(%,d more rows not shown: --limit 0 shows all %,d)", rows - 50, rows));
  }

  @Test
  void severalWheresMustAllHold() {
    Cli.Result result = Cli.run("show", run.toString(), "arrests_by_offence", "--where", "unit_type=POU", "--where",
        "domestic_abuse=true", "--limit", "7");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    String where = " WHERE unit_type = 'POU' AND domestic_abuse";
    assertSameRows(shown, Duck.rows(db, "SELECT * FROM read_parquet(" + Duck.literal(table("publish", "arrests_by_offence"))
        + ", file_row_number = true)" + where + " ORDER BY file_row_number LIMIT 7"));
    long matching = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "arrests_by_offence")) + where);
    assertThat(shown.after()).containsExactly(String.format(Locale.UK, "(%,d more rows not shown: --limit 0 shows all %,d)",
        matching - 7, matching));
  }

  @Test
  void restrictedShowsTheExactHeadlineValues() {
    Cli.Result published = Cli.run("show", run.toString(), "headlines");
    assertThat(published.exitCode()).as(published.describe()).isZero();
    assertThat(TextTableOutput.parse(published.stdout()).header()).containsExactly("figure_id", "unit", "published_value", "statement");

    Cli.Result restricted = Cli.run("show", run.toString(), "headlines", "--restricted");
    assertThat(restricted.exitCode()).as(restricted.describe()).isZero();
    assertThat(restricted.stderr()).contains("not for publication");
    TextTableOutput shown = TextTableOutput.parse(restricted.stdout());
    assertThat(shown.header()).containsExactly("figure_id", "unit", "value", "published_value", "statement");
    assertSameRows(shown, Duck.rows(db, "SELECT * FROM read_parquet(" + Duck.literal(table("restricted", "headlines"))
        + ", file_row_number = true) ORDER BY file_row_number"));
  }

  @Test
  void unknownTableOrColumnIsOneLineAndExitTwo() {
    Cli.Result table = Cli.run("show", run.toString(), "no_such_table");
    assertThat(table.exitCode()).isEqualTo(2);
    assertThat(table.stdout()).isEmpty();
    assertThat(table.stderr().strip()).startsWith("offstats: error: no table 'no_such_table' in ").contains("charge_rates")
        .doesNotContain("\n");

    Cli.Result rejects = Cli.run("show", run.toString(), "rejects/arrests", "--restricted");
    assertThat(rejects.exitCode()).as("rejects are not a table").isEqualTo(2);

    Cli.Result column = Cli.run("show", run.toString(), "charge_rates", "--where", "no_such_column=1");
    assertThat(column.exitCode()).isEqualTo(2);
    assertThat(column.stdout()).isEmpty();
    assertThat(column.stderr().strip()).startsWith("offstats: error: --where no_such_column=1: table charge_rates has no column")
        .doesNotContain("\n");

    Cli.Result noEquals = Cli.run("show", run.toString(), "charge_rates", "--where", "scope_type");
    assertThat(noEquals.exitCode()).isEqualTo(2);
    Cli.Result negative = Cli.run("show", run.toString(), "charge_rates", "--limit", "-1");
    assertThat(negative.exitCode()).isEqualTo(2);
    Cli.Result notARun = Cli.run("show", ReportFixture.scratch("show-not-a-run").toString(), "charge_rates");
    assertThat(notARun.exitCode()).isEqualTo(2);
    assertThat(notARun.stderr().strip()).doesNotContain("\n");
  }

  @Test
  void helpNamesTheOptions() {
    Cli.Result help = Cli.run("show", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("RUN_DIR").contains("TABLE").contains("--where").contains("--limit").contains("--restricted")
        .contains("[c]");
  }

  /** Cell by cell: text as it is, numbers parsed back (exact), number columns right-aligned and text left-aligned. */
  static void assertSameRows(TextTableOutput shown, List<List<Object>> expected) {
    assertThat(shown.rows()).hasSameSizeAs(expected).isNotEmpty();
    for (int r = 0; r < expected.size(); r++) {
      List<String> cells = shown.rows().get(r);
      for (int c = 0; c < cells.size(); c++) {
        Object value = expected.get(r).get(c);
        String cell = cells.get(c);
        String where = "row " + r + " column " + shown.header().get(c);
        if (value == null) {
          assertThat(cell).as(where).isIn("[c]", "[x]");
        } else if (value instanceof Long n) {
          assertThat(Long.parseLong(cell)).as(where).isEqualTo(n);
        } else if (value instanceof Double d) {
          assertThat(Double.parseDouble(cell)).as(where).isEqualTo(d);
        } else {
          assertThat(cell).as(where).isEqualTo(value.toString());
        }
        if (numeric(expected, c)) {
          assertThat(shown.rightAligned().get(r).get(c)).as(where + " right-aligned").isTrue();
        } else if (!cell.isEmpty() && cell.length() < widest(shown, c)) {
          assertThat(shown.rightAligned().get(r).get(c)).as(where + " left-aligned").isFalse();
        }
      }
    }
  }

  /** A column of numbers, suppressed cells ([c]) in it included. */
  private static boolean numeric(List<List<Object>> rows, int column) {
    return rows.stream().anyMatch(row -> row.get(column) instanceof Number);
  }

  private static int widest(TextTableOutput shown, int column) {
    int widest = shown.header().get(column).length();
    for (List<String> row : shown.rows()) {
      widest = Math.max(widest, row.get(column).length());
    }
    return widest;
  }

  private static Path table(String folder, String name) {
    return run.resolve(folder).resolve(name + ".parquet");
  }
}
