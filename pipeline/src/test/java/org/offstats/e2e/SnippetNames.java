package org.offstats.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.offstats.docs.Markdown;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * What a pandas or R snippet of the documentation names, checked against the tables it loads,
 * since neither language runs here. Every word of its code must be a column of a table file it
 * reads (in the shape of the folder it reads it from), a name it assigns, or one of the few
 * function and package names below; every string in it must be a table file of a run folder, a
 * column, a value of a text column of the tables it reads (as the run has them), or a CSV symbol.
 */
final class SnippetNames {
  private static final Pattern TABLE_FILE = Pattern.compile("(?:^|/)(publish|restricted)/(\\w+)\\.(parquet|arrow|csv)$");

  /** The words of the snippets that are not about the data: add one when a snippet calls a new function. */
  private static final Map<String, Set<String>> VOCABULARY =
      Map.of(
          "python", Set.of("import", "as", "pandas", "pd", "read_parquet", "read_csv", "na_values", "print"),
          "r", Set.of("library", "arrow", "read_parquet", "subset", "select", "c", "read.csv", "na.strings"));

  private static final Map<String, Pattern> WORD =
      Map.of("python", Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"), "r", Pattern.compile("[A-Za-z.][A-Za-z0-9_.]*"));

  private static final Pattern ASSIGNED = Pattern.compile("(?m)^\\s*([A-Za-z_.][A-Za-z0-9_.]*)\\s*(?:<-|=(?!=))");

  /** The GSS symbols the CSV files write for a withheld and an empty cell. */
  private static final Set<String> CSV_SYMBOLS = Set.of("[c]", "[x]");

  private SnippetNames() {}

  /** A snippet split into its code, without comments and strings, and its string literals. */
  private record Scanned(String code, List<String> strings) {}

  /** A table file the snippet reads: its table and the Parquet file of the same table in the run folder. */
  private record Loaded(TableSchema table, boolean published, Path parquet) {
    List<String> columns() {
      Schema shape = published ? table.publishedSchema() : table.schema();
      return shape.getFields().stream().map(Schema.Field::name).toList();
    }
  }

  /**
   * The names in the snippet that are none of the above, empty when all is well.
   *
   * @param folder where the snippet's relative paths lead: the folder the walk-through ran in
   */
  static Set<String> unknown(Markdown.Block block, Path folder, Connection db) {
    Scanned scanned = scan(block.code());
    Set<String> unknown = new TreeSet<>();
    List<Loaded> loaded = new ArrayList<>();
    List<String> otherStrings = new ArrayList<>();
    for (String string : scanned.strings()) {
      Matcher file = TABLE_FILE.matcher(string);
      if (!file.find()) {
        otherStrings.add(string);
      } else if (Schemas.tables().stream().noneMatch(t -> t.name().equals(file.group(2)))) {
        unknown.add("table " + file.group(2));
      } else if (!Files.isRegularFile(folder.resolve(string))) {
        unknown.add("file " + string);
      } else {
        Path parquet = folder.resolve(string).resolveSibling(file.group(2) + ".parquet");
        loaded.add(new Loaded(Schemas.table(file.group(2)), file.group(1).equals("publish"), parquet));
      }
    }
    if (loaded.isEmpty()) {
      unknown.add("(it reads no table file)");
    }
    Set<String> columns = new LinkedHashSet<>();
    loaded.forEach(l -> columns.addAll(l.columns()));
    Set<String> assigned = new LinkedHashSet<>();
    ASSIGNED.matcher(scanned.code()).results().forEach(m -> assigned.add(m.group(1)));
    Set<String> vocabulary = VOCABULARY.get(block.language());
    WORD.get(block.language()).matcher(scanned.code()).results().map(m -> m.group()).forEach(word -> {
      if (!vocabulary.contains(word) && !assigned.contains(word) && !columns.contains(word)) {
        unknown.add(word);
      }
    });
    Set<String> values = textValues(loaded, db);
    for (String string : otherStrings) {
      if (!CSV_SYMBOLS.contains(string) && !columns.contains(string) && !values.contains(string)) {
        unknown.add("\"" + string + "\"");
      }
    }
    return unknown;
  }

  /** Every value of every text column of the tables, as the run folder has them. */
  private static Set<String> textValues(List<Loaded> loaded, Connection db) {
    Set<String> values = new LinkedHashSet<>();
    for (Loaded table : loaded) {
      for (String column : Duck.describe(db, table.parquet())) {
        String[] nameAndType = column.split(" ", 2);
        if (nameAndType[1].equals("VARCHAR")) {
          values.addAll(Duck.strings(db, "SELECT DISTINCT " + Duck.ident(nameAndType[0]) + " FROM " + Duck.parquet(table.parquet())));
        }
      }
    }
    return values;
  }

  /** Splits code from quoted strings and drops {@code #} comments (both languages'). */
  private static Scanned scan(String snippet) {
    StringBuilder code = new StringBuilder();
    List<String> strings = new ArrayList<>();
    int i = 0;
    while (i < snippet.length()) {
      char c = snippet.charAt(i);
      if (c == '#') {
        while (i < snippet.length() && snippet.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int end = snippet.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalStateException("a string is never closed: " + snippet.substring(i));
        }
        strings.add(snippet.substring(i + 1, end));
        code.append(' ');
        i = end + 1;
      } else {
        code.append(c);
        i++;
      }
    }
    return new Scanned(code.toString(), strings);
  }
}
