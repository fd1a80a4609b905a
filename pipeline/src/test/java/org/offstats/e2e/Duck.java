package org.offstats.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers around an in-memory DuckDB, the tests' independent reader and engine. */
final class Duck {
  private Duck() {}

  static Connection open() {
    try {
      Connection db = DriverManager.getConnection("jdbc:duckdb:");
      // Two cores on the build machine; DuckDB needs no more for test-sized data.
      execute(db, "SET threads = 2");
      return db;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB", e);
    }
  }

  /** A path as a SQL string literal. */
  static String literal(Path path) {
    return literal(path.toAbsolutePath().toString());
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A column name as a quoted SQL identifier. */
  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static void execute(Connection db, String sql) {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** All rows of a query; integers come back as Long and floats as Double. */
  static List<List<Object>> rows(Connection db, String sql) {
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      int columns = meta.getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(normalise(result.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  static long count(Connection db, String sql) {
    List<List<Object>> rows = rows(db, sql);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  static List<String> strings(Connection db, String sql) {
    List<String> values = new ArrayList<>();
    for (List<Object> row : rows(db, sql)) {
      values.add(row.get(0) == null ? null : row.get(0).toString());
    }
    return values;
  }

  static Object normalise(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof java.math.BigInteger) {
      return ((java.math.BigInteger) value).longValueExact();
    }
    return value;
  }

  /** {@code read_parquet(path)}. */
  static String parquet(Path file) {
    return "read_parquet(" + literal(file) + ")";
  }

  /** Column names and DuckDB types of a Parquet file, in file order, as "name TYPE". */
  static List<String> describe(Connection db, Path parquet) {
    List<String> columns = new ArrayList<>();
    for (List<Object> row : rows(db, "DESCRIBE SELECT * FROM " + parquet(parquet))) {
      columns.add(row.get(0) + " " + row.get(1));
    }
    return columns;
  }

  /** The given columns of a Parquet file, in the order the rows are stored in the file. */
  static List<List<Object>> rowsInFileOrder(Connection db, Path parquet, List<String> columns) {
    String select = String.join(", ", columns.stream().map(Duck::ident).toList());
    return rows(
        db,
        "SELECT "
            + select
            + " FROM read_parquet("
            + literal(parquet)
            + ", file_row_number = true) ORDER BY file_row_number");
  }
}
