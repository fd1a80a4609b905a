import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs a SQL script with DuckDB's JDBC driver, filling in ${INPUT} and ${OUT}: the DuckDB side of
 * bench/compare.sh. Usage: java -cp duckdb_jdbc.jar bench/RunSql.java SCRIPT INPUT OUT
 */
public class RunSql {
  public static void main(String[] args) throws Exception {
    String script = Files.readString(Path.of(args[0])).replace("${INPUT}", args[1]).replace("${OUT}", args[2]);
    Files.createDirectories(Path.of(args[2]));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = db.createStatement()) {
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }
}
