package org.offstats.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.offstats.domain.NumberFormats;
import org.offstats.domain.Periods;
import org.offstats.schema.Schemas;

/**
 * The report's tables, as HTML tables, and their definitions from {@code schemas/tables/*.avsc}.
 * A long table shows the rows of its latest period only, at most {@link #ROW_LIMIT}, and says so:
 * the Parquet file holds them all (see {@link Period}).
 */
final class TablesSection {
  static final int ROW_LIMIT = 100;
  private static final List<String> PERIOD_COLUMNS = List.of("month", "financial_year");

  private TablesSection() {}

  /** The section with one table per published table, in the manifest's order. */
  static void write(Html html, List<PublishedTable> tables, LocalDate asAt, boolean controlled) {
    html.open("section", "aria-labelledby", "tables").newline();
    html.element("h2", "Tables", "id", "tables");
    html.element("p", "Each published table, key columns first. Counts are shown with thousands separators and rates"
        + " and days to 3 decimal places; the Parquet files under publish/ hold every row"
        + (controlled ? ", a value withheld by disclosure control (" + PublishedTable.SUPPRESSED + ") as null with its column's"
            + " _suppressed companion true" : " with exact values")
        + " (offstats show RUN_DIR TABLE prints one in a terminal).");
    for (PublishedTable table : tables) {
      writeTable(html, table, asAt);
    }
    html.close("section");
  }

  /** Definitions of every table and column shown, from the schemas' documentation. */
  static void writeDefinitions(Html html, List<PublishedTable> tables) {
    html.element("h3", "Tables and their columns", "id", "definitions");
    for (PublishedTable table : tables) {
      Schema schema = Schemas.table(table.name()).publishedSchema();
      html.element("h4", table.name(), "id", "definition-" + table.name());
      html.element("p", "Keys: " + String.join(", ", table.keys()) + ".");
      html.open("dl").newline();
      for (String column : table.columns()) {
        Schema.Field field = schema.getField(column);
        if (field != null && field.doc() != null) {
          html.element("dt", column);
          html.element("dd", field.doc());
        }
      }
      html.close("dl");
    }
  }

  private static void writeTable(Html html, PublishedTable table, LocalDate asAt) {
    String id = "table-" + table.name();
    html.element("h3", table.name(), "id", id);
    String doc = Schemas.table(table.name()).publishedSchema().getDoc();
    if (doc != null) {
      html.element("p", doc);
    }
    Period period = Period.latest(table, asAt);
    PublishedTable shown = period.rows().rowCount() <= ROW_LIMIT ? period.rows() : period.rows().filter(row -> row < ROW_LIMIT);
    html.element("p", limitNote(table, period, shown), "class", "note");
    if (table.rowCount() == 0) {
      return;
    }
    if (shown.anySuppressed()) {
      html.element("p", PublishedTable.SUPPRESSED_NOTE + ".", "class", "note");
    }
    if (shown.anyNotAvailable()) {
      html.element("p", PublishedTable.NOT_AVAILABLE_NOTE + ".", "class", "note");
    }
    html.open("div", "class", "scroll", "role", "region", "aria-labelledby", id, "tabindex", "0").newline();
    html.open("table").newline();
    html.element("caption", table.name());
    html.open("thead").open("tr");
    for (String column : table.columns()) {
      html.element("th", column, "scope", "col", "class", table.isNumeric(column) ? "num" : null);
    }
    html.close("tr").close("thead");
    html.open("tbody").newline();
    for (int row = 0; row < shown.rowCount(); row++) {
      html.open("tr");
      for (String column : table.columns()) {
        boolean key = table.keys().contains(column);
        PublishedTable.Cell cell = shown.cell(row, column);
        html.element(key ? "th" : "td", display(cell), "scope", key ? "row" : null,
            "class", table.isNumeric(column) ? "num" : null);
      }
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
    html.close("div");
  }

  /**
   * The rows a long table shows: those of its latest month, or of its latest complete financial
   * year (a year still running is the least settled). A short table, or one without a period key,
   * shows all its rows (up to the limit).
   */
  record Period(String column, String value, String words, PublishedTable rows) {
    static Period latest(PublishedTable table, LocalDate asAt) {
      String column = period(table);
      if (table.rowCount() <= ROW_LIMIT || column == null) {
        return new Period(null, null, null, table);
      }
      TreeSet<String> values = new TreeSet<>();
      for (int row = 0; row < table.rowCount(); row++) {
        values.add(table.text(row, column));
      }
      Optional<String> complete = Periods.latestCompleteFinancialYear(asAt).filter(values::contains);
      boolean years = column.equals("financial_year");
      String value = years && complete.isPresent() ? complete.get() : values.last();
      String words = years ? (complete.isPresent() ? "the latest complete financial year" : "the latest financial year") : "the latest month";
      return new Period(column, value, words, table.filter(row -> table.text(row, column).equals(value)));
    }
  }

  private static String limitNote(PublishedTable table, Period period, PublishedTable shown) {
    String total = NumberFormats.grouped(table.rowCount());
    if (table.rowCount() == 0) {
      return "This table has no rows.";
    }
    if (shown.rowCount() == table.rowCount()) {
      return "All " + total + " rows.";
    }
    String where = period.column() == null ? "" : " for " + period.value() + ", " + period.words() + ",";
    int inPeriod = period.rows().rowCount();
    String first = shown.rowCount() < inPeriod
        ? "the first " + NumberFormats.grouped(shown.rowCount()) + " of the " + NumberFormats.grouped(inPeriod) + " rows"
        : "the " + NumberFormats.grouped(shown.rowCount()) + " rows";
    return "Showing " + first + where + " of " + total + " rows in all: the full table is publish/" + table.name() + ".parquet.";
  }

  private static String period(PublishedTable table) {
    return !table.keys().isEmpty() && PERIOD_COLUMNS.contains(table.keys().get(0)) ? table.keys().get(0) : null;
  }

  /** A cell for reading: counts grouped (11,463), rates and days to 3 decimals, markers as they are. */
  static String display(PublishedTable.Cell cell) {
    if (cell.suppressed() || cell.value() == null) {
      return cell.exactText();
    }
    if (cell.value() instanceof Long || cell.value() instanceof Integer) {
      return NumberFormats.grouped(((Number) cell.value()).longValue());
    }
    if (cell.value() instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    return cell.exactText();
  }
}
