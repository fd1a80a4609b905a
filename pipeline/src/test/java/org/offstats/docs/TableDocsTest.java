package org.offstats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;

/**
 * {@code docs/tables/} cannot drift from {@code schemas/tables/} (issue 9): every table schema has
 * a page, every page a table, and every column of both shapes of the table (publish/ with its
 * {@code _suppressed} companions, restricted/ with its restricted-only columns) is named on the
 * page in backticks. The pages' SQL runs in {@code e2e/ReadmeWalkthroughTest}, on a real run.
 */
class TableDocsTest {
  private static final Path SCHEMAS = Markdown.file("schemas/tables");
  private static final Path PAGES = Markdown.file("docs/tables");
  private static final String INDEX = "README.md";

  @Test
  void everyTableSchemaHasAPageAndEveryPageATable() throws IOException {
    assertThat(pageNames()).as("pages in docs/tables/ (besides %s)", INDEX).containsExactlyInAnyOrderElementsOf(schemaTableNames());
  }

  @Test
  void everyColumnOfBothShapesIsNamedOnItsPage() {
    for (String table : schemaTableNames()) {
      String page = Markdown.text(PAGES.resolve(table + ".md"));
      TableSchema schema = Schemas.table(table);
      List<String> columns = new ArrayList<>(schema.columnNames());
      schema.publishedSchema().getFields().stream().map(Schema.Field::name).filter(c -> !columns.contains(c)).forEach(columns::add);
      for (String column : columns) {
        assertThat(page).as("docs/tables/%s.md names the column `%s`", table, column).contains("`" + column + "`");
      }
    }
  }

  @Test
  void everyPageLoadsItsTableInDuckDb() {
    for (String table : schemaTableNames()) {
      List<String> sql = Markdown.blocks(PAGES.resolve(table + ".md")).stream().filter(b -> b.language().equals("sql")).map(Markdown.Block::code).toList();
      assertThat(sql).as("docs/tables/%s.md has a sql block reading its publish/ file", table)
          .anyMatch(code -> code.contains("/publish/" + table + ".parquet'"));
    }
  }

  @Test
  void theIndexAndTheReadmeLinkEveryPage() {
    String index = Markdown.text(PAGES.resolve(INDEX));
    for (String table : schemaTableNames()) {
      assertThat(index).as("docs/tables/%s links the page of %s", INDEX, table).contains("](" + table + ".md)");
    }
    assertThat(Markdown.text(Markdown.file("README.md"))).contains("](docs/tables/README.md)").contains("](docs/manifest.md)");
  }

  /** The {@code offstats.table} of every schema file in schemas/tables/, so a new file without a page fails. */
  private static List<String> schemaTableNames() {
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted()
          .map(f -> (String) new Schema.Parser().parse(Markdown.text(f)).getObjectProp("offstats.table"))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TreeSet<String> pageNames() throws IOException {
    try (Stream<Path> files = Files.list(PAGES)) {
      TreeSet<String> names = new TreeSet<>();
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals(INDEX))
          .forEach(n -> names.add(n.substring(0, n.length() - ".md".length())));
      return names;
    }
  }
}
