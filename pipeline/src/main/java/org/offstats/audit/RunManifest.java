package org.offstats.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.offstats.extract.CsvRecordReader;
import org.offstats.extract.InputException;
import org.offstats.run.BuildInfo;
import org.offstats.run.RunLayout;

/**
 * A run folder's {@code manifest.json} (OUTPUTS.md) as the auditor's commands read it: what ran
 * (version, commit, parameters, as-at), on what (inputs and reference data with their SHA-256) and
 * producing what (outputs with their SHA-256). Read only; a missing or unreadable manifest, or one
 * without the fields a check needs, is an {@link InputException} (exit 2: the run cannot be
 * audited).
 */
public final class RunManifest {
  /**
   * {@code parameters.input} of a run made on the bundled sample ({@code offstats run} without
   * {@code --input}); the label {@code RunCommand} records.
   */
  public static final String BUNDLED_SAMPLE_LABEL = "the bundled synthetic sample-data";

  /** Reference paths of the jar's own reference data start with this. */
  public static final String BUNDLED_PREFIX = "bundled:";

  /** An input file as the manifest lists it; the path is relative to the input folder. */
  public record InputEntry(String path, String sha256, long bytes, String extract) {}

  /** A reference file; the path is relative to the input folder or {@code bundled:...}. */
  public record ReferenceEntry(String name, String path, String sha256) {
    public boolean bundled() {
      return path.startsWith(BUNDLED_PREFIX);
    }
  }

  /** An output file; the path is relative to the run folder. */
  public record OutputEntry(String path, String table, String sha256) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path runDir;
  private final JsonNode root;

  private RunManifest(Path runDir, JsonNode root) {
    this.runDir = runDir;
    this.root = root;
  }

  /** Reads {@code RUN_DIR/manifest.json}. */
  public static RunManifest read(Path runDir) {
    if (!Files.isDirectory(runDir)) {
      throw new InputException(runDir + ": not a run folder (it does not exist or is not a folder)");
    }
    Path file = runDir.resolve(RunLayout.MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": missing, so the run cannot be audited (is " + runDir + " a run folder?)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(file + ": unreadable, not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InputException(file + ": not a manifest (the file does not hold a JSON object)");
    }
    RunManifest manifest = new RunManifest(runDir, root);
    manifest.text("tool_version");
    manifest.text("git_commit");
    return manifest;
  }

  public Path runDir() {
    return runDir;
  }

  public Path file() {
    return runDir.resolve(RunLayout.MANIFEST);
  }

  public JsonNode json() {
    return root;
  }

  public String toolVersion() {
    return text("tool_version");
  }

  public String gitCommit() {
    return text("git_commit");
  }

  /** The as-at date the run used (OUTPUTS.md: recorded either way, and verify reuses it). */
  public LocalDate asAt() {
    String value = text("as_at");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InputException(file() + ": as_at '" + value + "' is not a date YYYY-MM-DD");
    }
  }

  /** How the as-at date was chosen, when the manifest says. */
  public Optional<String> asAtSource() {
    JsonNode source = root.path("as_at_source");
    return source.isTextual() ? Optional.of(source.asText()) : Optional.empty();
  }

  /** {@code parameters.input}: the input folder as given, or the bundled-sample label. */
  public String inputLabel() {
    return parameter("input").asText();
  }

  public boolean madeOnBundledSample() {
    return BUNDLED_SAMPLE_LABEL.equals(inputLabel());
  }

  public double maxRejectRate() {
    JsonNode value = parameter("max_reject_rate");
    if (!value.isNumber()) {
      throw new InputException(file() + ": parameters.max_reject_rate is not a number");
    }
    return value.asDouble();
  }

  public long fieldLimitBytes() {
    JsonNode value = parameter("field_limit_bytes");
    if (!value.canConvertToLong()) {
      throw new InputException(file() + ": parameters.field_limit_bytes is not a whole number");
    }
    return value.asLong();
  }

  /** {@code --max-record-bytes}; runs made before the option read with its default, as they did. */
  public long recordLimitBytes() {
    JsonNode value = root.path("parameters").path("record_limit_bytes");
    if (value.isMissingNode()) {
      return CsvRecordReader.DEFAULT_RECORD_LIMIT_BYTES;
    }
    if (!value.canConvertToLong()) {
      throw new InputException(file() + ": parameters.record_limit_bytes is not a whole number");
    }
    return value.asLong();
  }

  public List<String> beamOptions() {
    List<String> options = new ArrayList<>();
    root.path("parameters").path("beam_options").forEach(o -> options.add(o.asText()));
    return options;
  }

  public List<InputEntry> inputs() {
    List<InputEntry> inputs = new ArrayList<>();
    for (JsonNode node : array("inputs")) {
      inputs.add(new InputEntry(field(node, "inputs", "path"), field(node, "inputs", "sha256"), node.path("bytes").asLong(-1),
          node.path("extract").asText("")));
    }
    return inputs;
  }

  public List<ReferenceEntry> reference() {
    List<ReferenceEntry> reference = new ArrayList<>();
    for (JsonNode node : array("reference")) {
      reference.add(new ReferenceEntry(node.path("name").asText(""), field(node, "reference", "path"), field(node, "reference", "sha256")));
    }
    return reference;
  }

  public List<String> ignoredFiles() {
    List<String> ignored = new ArrayList<>();
    root.path("ignored_files").forEach(f -> ignored.add(f.asText()));
    return ignored;
  }

  /** {@code parameters.figures}: the definitions file the run was given, if any. */
  public Optional<String> figuresFile() {
    JsonNode file = root.path("parameters").path("figures");
    return file.isTextual() && !file.asText().isEmpty() ? Optional.of(file.asText()) : Optional.empty();
  }

  /** {@code figures.path}: where the run's definitions came from ({@code bundled:...} or a file). */
  public String figuresLocation() {
    return root.path("figures").path("path").asText("");
  }

  /**
   * The disclosure policy the run applied, in words (threshold, rounding base, secondary
   * suppression, policy checksum), when the manifest records one.
   */
  public Optional<String> disclosurePolicy() {
    JsonNode policy = root.path("disclosure").path("policy");
    if (!policy.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        "counts under " + policy.path("threshold").asInt() + " withheld"
            + (policy.path("rounding_base").isNumber() ? ", others rounded to " + policy.path("rounding_base").asInt() : "")
            + ", secondary suppression " + (policy.path("secondary_suppression").asBoolean() ? "on" : "off")
            + ", " + policy.path("path").asText() + " SHA-256 " + Sha256.shortForm(policy.path("sha256").asText()));
  }

  /** SHA-256 of the headline definitions the run used. */
  public String figuresSha256() {
    JsonNode sha = root.path("figures").path("sha256");
    if (!sha.isTextual()) {
      throw new InputException(file() + ": figures.sha256 is missing");
    }
    return sha.asText();
  }

  public List<OutputEntry> outputs() {
    List<OutputEntry> outputs = new ArrayList<>();
    for (JsonNode node : array("outputs")) {
      outputs.add(new OutputEntry(field(node, "outputs", "path"), node.path("table").asText(""), field(node, "outputs", "sha256")));
    }
    return outputs;
  }

  /**
   * Refuses a run made by another build (exit 2): outputs are promised byte-identical only for the
   * same version, so the message names the build to use.
   */
  public void requireBuild(BuildInfo build, String command) {
    if (!toolVersion().equals(build.version()) || !gitCommit().equals(build.gitCommit())) {
      throw new InputException(
          file() + ": the run was made by offstats " + toolVersion() + " (git " + gitCommit() + "), this is offstats "
              + build.version() + " (git " + build.gitCommit() + "); " + command + " it with offstats " + toolVersion()
              + " built from commit " + gitCommit().replace("-dirty", " with the same uncommitted changes"));
    }
  }

  private String text(String name) {
    JsonNode value = root.path(name);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new InputException(file() + ": " + name + " is missing, so the run cannot be audited");
    }
    return value.asText();
  }

  private JsonNode parameter(String name) {
    JsonNode value = root.path("parameters").path(name);
    if (value.isMissingNode() || value.isNull()) {
      throw new InputException(file() + ": parameters." + name + " is missing, so the run cannot be repeated");
    }
    return value;
  }

  private JsonNode array(String name) {
    JsonNode value = root.path(name);
    if (!value.isArray()) {
      throw new InputException(file() + ": " + name + " is missing or not a list");
    }
    return value;
  }

  private String field(JsonNode node, String list, String name) {
    JsonNode value = node.path(name);
    if (!value.isTextual()) {
      throw new InputException(file() + ": an entry of " + list + " has no " + name);
    }
    return value.asText();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.split("\n")[0];
  }
}
