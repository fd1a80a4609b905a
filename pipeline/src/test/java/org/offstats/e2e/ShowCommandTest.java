package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code offstats show} end to end (issue 9): what it prints, read back column by column, is the
 * table as DuckDB reads the same Parquet file, in the file's order, numbers right-aligned and
 * exact, a cell disclosure control suppressed (its {@code _suppressed} companion true) {@code [c]}
 * and still right-aligned; {@code --where} filters, {@code --limit} limits and says how many rows it left out; an
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
    ExpectedCells expected = ExpectedCells.read(db, table("publish", "charge_rates"), "scope_type = 'vawg'", 0);
    assertThat(expected.suppressedCells()).as("the fixture's VAWG rows have suppressed cells").isPositive();
    assertThat(shown.header()).containsExactly("financial_year", "scope_type", "scope", "crimes_recorded", "charged_summonsed",
        "charge_rate");
    assertSameRows(shown, expected);
    assertThat(shown.after()).containsExactlyElementsOf(closingLines("(" + expected.rows().size() + " rows matching --where, of "
        + Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "charge_rates"))) + ")", expected));
  }

  @Test
  void defaultLimitIsFiftyRowsAndSaysHowManyAreNotShown() {
    Cli.Result result = Cli.run("show", run.toString(), "arrests_by_offence");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    long rows = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "arrests_by_offence")));
    assertThat(rows).isGreaterThan(50);
    ExpectedCells expected = ExpectedCells.read(db, table("publish", "arrests_by_offence"), "true", 50);
    assertThat(expected.suppressedCells()).as("the first 50 rows have suppressed cells").isPositive();
    assertSameRows(shown, expected);
    assertThat(shown.after()).containsExactlyElementsOf(
        closingLines(String.format(Locale.UK, "(%,d more rows not shown: --limit 0 shows all %,d)", rows - 50, rows), expected));
  }

  @Test
  void severalWheresMustAllHold() {
    Cli.Result result = Cli.run("show", run.toString(), "arrests_by_offence", "--where", "unit_type=POU", "--where",
        "domestic_abuse=true", "--limit", "7");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    TextTableOutput shown = TextTableOutput.parse(result.stdout());
    String where = "unit_type = 'POU' AND domestic_abuse";
    ExpectedCells expected = ExpectedCells.read(db, table("publish", "arrests_by_offence"), where, 7);
    assertSameRows(shown, expected);
    long matching = Duck.count(db, "SELECT count(*) FROM " + Duck.parquet(table("publish", "arrests_by_offence")) + " WHERE " + where);
    assertThat(shown.after()).containsExactlyElementsOf(closingLines(String.format(Locale.UK,
        "(%,d more rows not shown: --limit 0 shows all %,d)", matching - 7, matching), expected));
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
    assertSameRows(shown, ExpectedCells.read(db, table("restricted", "headlines")));
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

  /**
   * Cell by cell: text as it is, {@code [c]} and {@code [x]} where expected, numbers parsed back
   * (exact), number columns right-aligned (their {@code [c]} too) and text left-aligned.
   */
  static void assertSameRows(TextTableOutput shown, ExpectedCells expected) {
    assertThat(shown.header()).containsExactlyElementsOf(expected.columns());
    assertThat(shown.rows()).hasSameSizeAs(expected.rows()).isNotEmpty();
    for (int r = 0; r < expected.rows().size(); r++) {
      List<String> cells = shown.rows().get(r);
      for (int c = 0; c < cells.size(); c++) {
        Object value = expected.rows().get(r).get(c);
        String cell = cells.get(c);
        String where = "row " + r + " column " + shown.header().get(c);
        if (value.equals(ExpectedCells.SUPPRESSED) || value.equals(ExpectedCells.NOT_AVAILABLE)) {
          assertThat(cell).as(where).isEqualTo(value);
        } else if (value instanceof Long n) {
          assertThat(Long.parseLong(cell)).as(where).isEqualTo(n);
        } else if (value instanceof Double d) {
          assertThat(Double.parseDouble(cell)).as(where).isEqualTo(d);
        } else {
          assertThat(cell).as(where).isEqualTo(value.toString());
        }
        if (expected.numeric().get(c)) {
          assertThat(shown.rightAligned().get(r).get(c)).as(where + " right-aligned").isTrue();
        } else if (!cell.isEmpty() && cell.length() < widest(shown, c)) {
          assertThat(shown.rightAligned().get(r).get(c)).as(where + " left-aligned").isFalse();
        }
      }
    }
  }

  /** The lines after the rows: how many, then the note on each marker the rows shown hold. */
  private static List<String> closingLines(String rowCount, ExpectedCells expected) {
    List<String> lines = new ArrayList<>(List.of(rowCount));
    if (expected.suppressedCells() > 0) {
      lines.add("[c] = suppressed to protect confidentiality (disclosure control)");
    }
    if (expected.rows().stream().anyMatch(row -> row.contains(ExpectedCells.NOT_AVAILABLE))) {
      lines.add("[x] = not available (no value)");
    }
    return lines;
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
