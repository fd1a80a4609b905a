package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.cli.OffstatsCli;

/**
 * Issue 7: the same jar on embedded Flink (the FlinkRunner with no {@code --flinkMaster}, at
 * parallelism 2) writes every file under publish/ and restricted/ byte for byte as the
 * DirectRunner does, and its manifest has the same counts, warnings and output checksums.
 *
 * <p>The input makes order matter: the arrests come in two files, the second repeating a key of
 * the first (the first occurrence in file order wins), every extract has deliberately bad rows,
 * and police.uk files of three kinds feed their tables and a police.uk headline figure. On Flink
 * the readers, merges and writers run as parallel tasks in one JVM; any dependence on bundles,
 * element order or worker count shows up here as a different checksum.
 */
class FlinkRunnerTest {
  private static final List<String> POLICE_UK =
      List.of(
          "2016-01-city-of-london-street.csv",
          "2016-01-city-of-london-outcomes.csv",
          "2016-01-city-of-london-stop-and-search.csv",
          "2016-02-city-of-london-stop-and-search.csv");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Far less than either a partial table with its person sets or a table's rows needs. */
  private static final String SESSION_MANAGED_MEMORY = "16m";

  @TempDir static Path temp;
  private static Path input;
  private static Path figures;
  private static Path direct;

  @BeforeAll
  static void writeInputAndRunDirect() throws IOException {
    input = temp.resolve("input");
    Synthetic.write(input, 3000, 7, true);
    splitArrestsRepeatingAKey(input);
    Path data = PoliceUkMatchesSqlTest.sharedData().resolve("lukovnikov__berlinhack");
    for (String file : POLICE_UK) {
      Files.copy(data.resolve(file), input.resolve(file));
    }
    figures = withPoliceUkFigure(temp.resolve("figures.json"));
    direct = run("direct");
  }

  @Test
  void embeddedFlinkWritesTheDirectRunnersBytes() {
    assertSameRun(run("embedded", "--runner=FlinkRunner", "--parallelism=2"));
  }

  /**
   * The remote path: a Flink session cluster (a MiniCluster listening on loopback only) gets the
   * job through its REST endpoint with the code staged as a jar, as {@code scripts/flink-submit.sh}
   * does with offstats.jar. Its managed memory is small on purpose: every step that gathers a
   * whole table must not depend on it.
   */
  @Test
  void sessionClusterOverRestWritesTheDirectRunnersBytes() throws Exception {
    Configuration config = new Configuration();
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_PORT, "0");
    config.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    config.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(TaskManagerOptions.HOST, "127.0.0.1");
    config.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(SESSION_MANAGED_MEMORY));
    config.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    // The cluster shares this JVM, whose class path already holds the job's classes: loading them
    // a second time from the staged jar (Flink's child-first default) would make two classes of
    // each name. A real cluster has only Flink on its class path, so there the jar's copy is used.
    config.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
    MiniClusterConfiguration cluster =
        new MiniClusterConfiguration.Builder().setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build();
    try (MiniCluster flink = new MiniCluster(cluster)) {
      flink.start();
      URI rest = flink.getRestAddress().get();
      assertThat(rest.getHost()).isEqualTo("127.0.0.1");
      // the job's own classes travel as a jar (Beam packs the folder), as offstats.jar does
      Path classes = Path.of(OffstatsCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertSameRun(
          run("session", "--runner=FlinkRunner", "--flinkMaster=localhost:" + rest.getPort(), "--parallelism=2",
              "--filesToStage=" + classes, "--tempLocation=" + Files.createDirectories(temp.resolve("staging"))));
      assertThat(flink.listJobs().get())
          .as("the job ran on the cluster")
          .singleElement()
          .satisfies(job -> assertThat(job.getJobState()).isEqualTo(JobStatus.FINISHED));
    }
  }

  private static void assertSameRun(Path flink) {
    Map<String, String> directFiles = RunFolder.checksums(direct);
    assertThat(directFiles.keySet())
        .as("the run covers tables, police.uk tables, headlines and rejects")
        .contains(
            "publish/arrests_by_offence.parquet",
            "publish/policeuk_stop_search.parquet",
            "publish/headlines.json",
            "restricted/rejects/arrests.csv");
    assertThat(differences(directFiles, RunFolder.checksums(flink))).as("files that differ on Flink").isEmpty();

    JsonNode directManifest = RunFolder.manifest(direct);
    JsonNode flinkManifest = RunFolder.manifest(flink);
    assertThat(flinkManifest.get("runner").asText()).isEqualTo("FlinkRunner");
    for (String field : List.of("as_at", "inputs", "extracts", "warnings", "ignored_files", "outputs")) {
      assertThat(flinkManifest.get(field)).as("manifest " + field).isEqualTo(directManifest.get(field));
    }
    assertThat(directManifest.toString()).as("the duplicate across files was rejected").contains("DUPLICATE_ID");
  }

  private static Path run(String name, String... beamOptions) {
    Path output = temp.resolve("runs").resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input", input.toString(),
                "--output", output.toString(),
                "--as-at", "2025-10-31",
                "--max-reject-rate", "1",
                "--figures", figures.toString()));
    args.addAll(List.of(beamOptions));
    Cli.Result result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(name + ": " + result.describe()).isZero();
    return output;
  }

  /**
   * Moves the second half of arrests.csv to arrests_2.csv and appends to it a copy of the first
   * file's first record, so that the duplicate rule has to follow file order.
   */
  private static void splitArrestsRepeatingAKey(Path folder) throws IOException {
    Path arrests = folder.resolve("arrests.csv");
    List<String> lines = Files.readAllLines(arrests, StandardCharsets.UTF_8);
    String header = lines.get(0);
    int half = lines.size() / 2;
    List<String> first = new ArrayList<>(lines.subList(0, half));
    List<String> second = new ArrayList<>();
    second.add(header);
    second.addAll(lines.subList(half, lines.size()));
    second.add(lines.get(1));
    Files.write(arrests, first, StandardCharsets.UTF_8);
    Files.write(folder.resolve("arrests_2.csv"), second, StandardCharsets.UTF_8);
  }

  /** The bundled figure definitions and one more, counting police.uk stop and search. */
  private static Path withPoliceUkFigure(Path file) throws IOException {
    ObjectNode definitions;
    try (InputStream bundled = FlinkRunnerTest.class.getResourceAsStream("/figures/headlines.json")) {
      definitions = (ObjectNode) JSON.readTree(bundled);
    }
    ((ArrayNode) definitions.get("figures"))
        .add(JSON.readTree("""
            {"id": "city_searches_2016", "unit": "searches", "source": "policeuk_stop_search",
             "filters": {"force": "city-of-london"}, "period": {"from": "2016-01-01", "to": "2016-12-31"},
             "rounding": {"method": "exact"}, "statement": "{published} searches in 2016 (as at {as_at})."}"""));
    Files.writeString(file, JSON.writeValueAsString(definitions), StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> files = new TreeSet<>(expected.keySet());
    files.addAll(actual.keySet());
    for (String file : files) {
      if (!expected.containsKey(file) || !actual.containsKey(file)) {
        differences.add(file + " is in only one run");
      } else if (!expected.get(file).equals(actual.get(file))) {
        differences.add(file + " differs");
      }
    }
    return differences;
  }
}
