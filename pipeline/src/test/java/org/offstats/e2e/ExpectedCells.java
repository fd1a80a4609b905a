package org.offstats.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A published table as a reader should see it, read independently with DuckDB (OUTPUTS.md
 * "Suppression in publish/"): its columns without the {@code m_suppressed} companions, in file
 * order, with the string {@code [c]} for a cell whose companion is true and {@code [x]} for
 * another null; other values as DuckDB reads them (Long, Double, Boolean, String). A column is
 * numeric by its Parquet type, so a column of counts stays numeric when every cell shown is
 * {@code [c]}.
 */
record ExpectedCells(List<String> columns, List<Boolean> numeric, List<List<Object>> rows) {
  static final String SUPPRESSED = "[c]";
  static final String NOT_AVAILABLE = "[x]";
  private static final String COMPANION = "_suppressed";
  private static final Set<String> NUMBER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE");

  /** All rows, in file order. */
  static ExpectedCells read(Connection db, Path parquet) {
    return read(db, parquet, "true", 0);
  }

  /** The rows {@code where} (SQL over the file's columns) holds, in file order, at most {@code limit} (0 for all). */
  static ExpectedCells read(Connection db, Path parquet, String where, int limit) {
    List<String> all = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (List<Object> column : Duck.rows(db, "DESCRIBE SELECT * FROM " + Duck.parquet(parquet))) {
      all.add(column.get(0).toString());
      types.add(column.get(1).toString());
    }
    List<String> columns = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!isCompanion(all, all.get(i))) {
        columns.add(all.get(i));
        numeric.add(NUMBER_TYPES.contains(types.get(i)) || types.get(i).startsWith("DECIMAL"));
      }
    }
    String select = String.join(", ", all.stream().map(Duck::ident).toList());
    List<List<Object>> read = Duck.rows(db, "SELECT " + select + " FROM read_parquet(" + Duck.literal(parquet)
        + ", file_row_number = true) WHERE " + where + " ORDER BY file_row_number" + (limit > 0 ? " LIMIT " + limit : ""));
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> values : read) {
      List<Object> row = new ArrayList<>();
      for (String column : columns) {
        Object value = values.get(all.indexOf(column));
        int companion = all.indexOf(column + COMPANION);
        if (companion >= 0 && Boolean.TRUE.equals(values.get(companion))) {
          row.add(SUPPRESSED);
        } else {
          row.add(value == null ? NOT_AVAILABLE : value);
        }
      }
      rows.add(row);
    }
    return new ExpectedCells(columns, numeric, rows);
  }

  /** The column names of a Parquet file a reader is shown: all but the suppression companions. */
  static List<String> shownColumns(Connection db, Path parquet) {
    List<String> all = Duck.rows(db, "DESCRIBE SELECT * FROM " + Duck.parquet(parquet)).stream().map(r -> r.get(0).toString()).toList();
    return all.stream().filter(c -> !isCompanion(all, c)).toList();
  }

  int suppressedCells() {
    return (int) rows.stream().flatMap(List::stream).filter(SUPPRESSED::equals).count();
  }

  private static boolean isCompanion(List<String> columns, String column) {
    return column.endsWith(COMPANION) && columns.contains(column.substring(0, column.length() - COMPANION.length()));
  }
}
