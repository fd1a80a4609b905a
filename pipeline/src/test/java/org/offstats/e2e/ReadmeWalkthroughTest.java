package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.cli.OffstatsCli;
import org.offstats.docs.Markdown;
import picocli.CommandLine;

/**
 * The README's "Day-to-day tasks" walk-through, as a user pastes it (issue 9): every {@code sh}
 * block of the section, in order, in a folder holding only the bundled {@code figures/}, with {@code bash -euo pipefail}, each block
 * its own shell as if pasted on its own. {@code java -jar pipeline/target/offstats.jar} there is a
 * jar holding only a manifest, whose class path is this test's: the code under test, started the
 * way the built jar starts it (its main class, java.nio opened), so a README command that stops
 * working fails the build before the jar is packaged. Then every {@code sql} block of the section
 * and of {@code docs/tables/} runs in DuckDB against the run folders the walk-through made, and the
 * {@code python} and {@code r} snippets, which cannot run here, must name only tables, columns and
 * values that are there; and {@code docs/manifest.md} must name every field of the manifest made.
 */
class ReadmeWalkthroughTest {
  private static final String SECTION = "Day-to-day tasks";
  private static final Path README = Markdown.file("README.md");
  /** The command of README "Start here", relative to the folder the commands run in. */
  private static final String JAR = "pipeline/target/offstats.jar";
  private static final List<String> LANGUAGES = List.of("sh", "sql", "python", "r");
  private static final long BLOCK_TIMEOUT_MINUTES = 3;
  /** The run folder the walk-through's analyst makes. */
  private static final String RUN = "runs/2025-10";
  /** Manifest objects whose keys are data (extract kinds, years, reason codes, tables), not field names. */
  private static final Set<String> KEYED_BY_DATA = Set.of("quality", "years", "rejects_by_reason", "tables");

  @TempDir static Path temp;
  private static Path work;

  @BeforeAll
  static void walkThrough() throws IOException, InterruptedException {
    work = Files.createDirectories(temp.resolve("work"));
    writeLauncherJar(work.resolve(JAR));
    // the commands run from the repository's folder, whose bundled definitions a user starts from
    Files.createDirectories(work.resolve("figures"));
    Files.copy(Markdown.file("figures/headlines.json"), work.resolve("figures/headlines.json"));
    for (Markdown.Block block : blocks("sh")) {
      runShell(block, Files.createDirectories(temp.resolve("output")));
    }
  }

  @Test
  void everyBlockOfTheSectionIsOneTheTestChecks() {
    List<Markdown.Block> blocks = Markdown.blocks(README, SECTION);
    assertThat(blocks).as("README has a section '## %s' with code blocks", SECTION).isNotEmpty();
    for (Markdown.Block block : blocks) {
      assertThat(block.language()).as("%s: tag the block with one of %s", block.where(), LANGUAGES).isIn(LANGUAGES);
    }
  }

  /** A new subcommand gets a day-to-day task, or at least is not forgotten by the walk-through. */
  @Test
  void theWalkthroughUsesEveryCommand() {
    String shell = blocks("sh").stream().map(Markdown.Block::code).collect(Collectors.joining("\n"));
    for (String command : new CommandLine(new OffstatsCli()).getSubcommands().keySet()) {
      assertThat(shell).as("a README walk-through command uses offstats %s", command).contains("java -jar " + JAR + " " + command + " ");
    }
  }

  @Test
  void sqlBlocksRunInDuckDbOnTheWalkthroughsRunFolders() throws Exception {
    List<Markdown.Block> sql = new ArrayList<>(blocks("sql"));
    try (Stream<Path> pages = Files.list(Markdown.file("docs/tables"))) {
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(page ->
          sql.addAll(Markdown.blocks(page).stream().filter(b -> b.language().equals("sql")).toList()));
    }
    assertThat(sql).as("SQL snippets in README and docs/tables").isNotEmpty();
    try (Connection db = Duck.open()) {
      // relative paths in the snippets are the walk-through folder's, as in a shell opened there
      Duck.execute(db, "SET file_search_path = " + Duck.literal(work));
      for (Markdown.Block block : sql) {
        for (String statement : block.code().split(";")) {
          if (statement.isBlank()) {
            continue;
          }
          try {
            Duck.rows(db, statement);
          } catch (IllegalStateException e) {
            fail(block.where() + ": the SQL snippet fails on the walk-through's run folder: " + e.getMessage());
          }
        }
      }
    }
  }

  @Test
  void pythonAndRSnippetsNameOnlyPublishedTablesColumnsAndValues() throws Exception {
    List<Markdown.Block> snippets = new ArrayList<>(blocks("python"));
    snippets.addAll(blocks("r"));
    assertThat(snippets).as("pandas and R snippets").isNotEmpty();
    try (Connection db = Duck.open()) {
      for (Markdown.Block block : snippets) {
        assertThat(SnippetNames.unknown(block, work, db)).as("%s: names that are no table, column or value of the tables it loads"
            + " (a function or variable name the check does not know goes in SnippetNames)", block.where()).isEmpty();
      }
    }
  }

  /** docs/manifest.md describes every field of the walk-through's manifest, so a new field gets a line there. */
  @Test
  void docsManifestNamesEveryFieldOfTheRunsManifest() throws IOException {
    Set<String> fields = new TreeSet<>();
    fieldNames(new ObjectMapper().readTree(work.resolve(RUN).resolve("manifest.json").toFile()), "", fields);
    String page = Markdown.text(Markdown.file("docs/manifest.md"));
    for (String field : fields) {
      assertThat(page).as("docs/manifest.md names the manifest field %s", field).containsAnyOf("`" + field + "`", "." + field + "`");
    }
  }

  private static void fieldNames(JsonNode node, String key, Set<String> into) {
    if (node.isArray()) {
      node.forEach(element -> fieldNames(element, key, into));
    }
    boolean keyedByData = KEYED_BY_DATA.contains(key);
    node.fields().forEachRemaining(field -> {
      if (!keyedByData) {
        into.add(field.getKey());
      }
      fieldNames(field.getValue(), keyedByData ? "" : field.getKey(), into);
    });
  }

  private static List<Markdown.Block> blocks(String language) {
    return Markdown.blocks(README, SECTION).stream().filter(b -> b.language().equals(language)).toList();
  }

  /**
   * A jar with only a manifest: the main class and the {@code Add-Opens} of the shaded jar (pom.xml),
   * and the tests' class path as absolute file URLs.
   */
  private static void writeLauncherJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, OffstatsCli.class.getName());
    attributes.put(new Attributes.Name("Add-Opens"), "java.base/java.nio");
    attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
        .collect(Collectors.joining(" ")));
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.finish();
    }
  }

  /** One block in its own {@code bash -euo pipefail}, in the walk-through folder, with this JVM's {@code java} first on the PATH. */
  private static void runShell(Markdown.Block block, Path output) throws IOException, InterruptedException {
    Path stdout = output.resolve("line-" + block.line() + ".out");
    Path stderr = output.resolve("line-" + block.line() + ".err");
    ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.code())
        .directory(work.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
    Process shell = builder.start();
    if (!shell.waitFor(BLOCK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
      shell.destroyForcibly().waitFor();
      fail(block.where() + ": the README block did not finish in " + BLOCK_TIMEOUT_MINUTES + " minutes:\n" + block.code());
    }
    assertThat(shell.exitValue())
        .as("%s: the README block\n%sexits 0 under bash -euo pipefail; stderr ends:\n%s\nstdout ends:\n%s", block.where(), block.code(),
            tail(stderr), tail(stdout))
        .isZero();
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file);
    return text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text;
  }
}
