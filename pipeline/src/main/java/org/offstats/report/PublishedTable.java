package org.offstats.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.offstats.audit.ParquetTables;
import org.offstats.extract.InputException;

/**
 * A run's table as it is published, read back for people to look at ({@code report/index.html},
 * {@code offstats show}). Handles both shapes of a published table (OUTPUTS.md "Suppression in
 * publish/"): without disclosure control, and with a BOOLEAN companion {@code m_suppressed} for a
 * measure {@code m}, which is then null. The companions are not shown as columns: a suppressed
 * cell shows as {@link #SUPPRESSED}.
 */
public final class PublishedTable {
  /** What a suppressed cell shows (the GSS symbol for confidential). */
  public static final String SUPPRESSED = "[c]";

  /** What a null cell that is not suppressed shows (the GSS symbol for not available). */
  public static final String NOT_AVAILABLE = "[x]";

  public static final String SUPPRESSED_NOTE = SUPPRESSED + " = suppressed to protect confidentiality (disclosure control)";
  public static final String NOT_AVAILABLE_NOTE = NOT_AVAILABLE + " = not available (no value)";

  static final String COMPANION_SUFFIX = "_suppressed";

  /** A cell: its value, and whether disclosure control suppressed it. */
  public record Cell(Object value, boolean suppressed) {
    public boolean isNumber() {
      return value instanceof Number;
    }

    /** The exact value as text: numbers in plain decimal (0.125, 3200), {@code [c]}, {@code [x]}. */
    public String exactText() {
      if (suppressed) {
        return SUPPRESSED;
      }
      if (value == null) {
        return NOT_AVAILABLE;
      }
      if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
      }
      return value.toString();
    }
  }

  private final ParquetTables.Table table;
  private final List<String> shown;

  private PublishedTable(ParquetTables.Table table) {
    this.table = table;
    this.shown = table.columns().stream().filter(c -> !isCompanion(c)).toList();
  }

  /** A table already read. */
  static PublishedTable of(ParquetTables.Table table) {
    return new PublishedTable(table);
  }

  /** Reads a table file; a missing or unreadable one is bad input (exit 2), naming it. */
  public static PublishedTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": missing (is this a complete run folder?)");
    }
    try {
      return of(ParquetTables.read(file));
    } catch (IOException e) {
      throw new InputException(file + ": " + e.getMessage());
    }
  }

  /** The same table with only the rows that {@code keep} accepts, in order. */
  public PublishedTable filter(Predicate<Integer> keep) {
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < rowCount(); row++) {
      if (keep.test(row)) {
        rows.add(table.rows().get(row));
      }
    }
    return of(new ParquetTables.Table(table.name(), table.columns(), table.keys(), rows));
  }

  public String name() {
    return table.name();
  }

  /** The columns to show, keys first: every column but the suppression companions. */
  public List<String> columns() {
    return shown;
  }

  public List<String> keys() {
    return table.keys();
  }

  public boolean hasColumn(String column) {
    return table.columns().contains(column);
  }

  public int rowCount() {
    return table.rows().size();
  }

  public Cell cell(int row, String column) {
    int index = table.column(column);
    if (index < 0) {
      throw new IllegalArgumentException("table " + name() + " has no column " + column);
    }
    List<Object> values = table.rows().get(row);
    int companion = table.column(column + COMPANION_SUFFIX);
    boolean suppressed = companion >= 0 && Boolean.TRUE.equals(values.get(companion));
    return new Cell(values.get(index), suppressed);
  }

  /** The cell's value as text, for matching and grouping: what {@link Cell#exactText()} shows. */
  public String text(int row, String column) {
    return cell(row, column).exactText();
  }

  /**
   * Whether a column holds numbers: it has a suppression companion (only measures have one), or
   * its first non-null value is a number. Numbers are right-aligned.
   */
  public boolean isNumeric(String column) {
    if (table.columns().contains(column + COMPANION_SUFFIX)) {
      return true;
    }
    int index = table.column(column);
    for (List<Object> row : table.rows()) {
      if (row.get(index) != null) {
        return row.get(index) instanceof Number;
      }
    }
    return false;
  }

  /** Whether the table has the shape disclosure control gives it: a companion for its measures. */
  public boolean hasSuppressionColumns() {
    return table.columns().stream().anyMatch(this::isCompanion);
  }

  /** Whether any cell of the shown columns is suppressed. */
  public boolean anySuppressed() {
    return anyCell(Cell::suppressed);
  }

  /** Whether any shown cell is null without being suppressed. */
  public boolean anyNotAvailable() {
    return anyCell(c -> c.value() == null && !c.suppressed());
  }

  private boolean anyCell(Predicate<Cell> test) {
    for (int row = 0; row < rowCount(); row++) {
      for (String column : shown) {
        if (test.test(cell(row, column))) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code m_suppressed} of a column {@code m} of this table. */
  private boolean isCompanion(String column) {
    return column.endsWith(COMPANION_SUFFIX)
        && table.columns().contains(column.substring(0, column.length() - COMPANION_SUFFIX.length()));
  }
}
