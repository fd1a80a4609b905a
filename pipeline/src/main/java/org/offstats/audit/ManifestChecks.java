package org.offstats.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offstats.run.RunLayout;

/**
 * The manifest's claims checked against the facts: its {@code outputs[].sha256} against the files
 * on disk, and everything a rerun recomputes (as-at, per-file counts and rejects, warnings,
 * reference and figure checksums, outputs and their row counts) against the rerun's manifest. What
 * cannot be recomputed (timestamps, the input folder's name) is not compared.
 */
final class ManifestChecks {
  private static final String MANIFEST = RunLayout.MANIFEST;

  /** Top-level fields a rerun recomputes, and for lists of records the field that names each. */
  private static final Map<String, String> RECOMPUTED = new LinkedHashMap<>();

  static {
    RECOMPUTED.put("runner", null);
    RECOMPUTED.put("status", null);
    RECOMPUTED.put("as_at", null);
    RECOMPUTED.put("inputs", "path");
    RECOMPUTED.put("extracts", "extract");
    RECOMPUTED.put("warnings", null);
    RECOMPUTED.put("reference", "name");
    RECOMPUTED.put("figures", null);
    RECOMPUTED.put("outputs", "path");
  }

  private ManifestChecks() {}

  /** Each output the manifest lists is on disk with that SHA-256, and each file on disk is listed. */
  static int outputsMatchDisk(RunManifest manifest, Findings findings) throws IOException {
    Path runDir = manifest.runDir();
    Set<String> listed = new HashSet<>();
    int checked = 0;
    for (RunManifest.OutputEntry output : manifest.outputs()) {
      listed.add(output.path());
      String subject = MANIFEST + " outputs[" + output.path() + "].sha256";
      Path file = RunFiles.resolveInside(runDir, output.path());
      if (!Files.isRegularFile(file)) {
        findings.difference(output.path(), "listed in " + MANIFEST + " outputs[], but missing from the run folder");
        continue;
      }
      checked++;
      String actual = Sha256.of(file);
      if (!actual.equals(output.sha256())) {
        findings.difference(subject, Sha256.shortForm(output.sha256()) + " in the manifest, but the file's SHA-256 is "
            + Sha256.shortForm(actual));
      }
    }
    for (String file : RunFiles.outputs(runDir)) {
      if (!listed.contains(file)) {
        findings.difference(file, "in the run folder, but not in " + MANIFEST + " outputs[]");
      }
    }
    return checked;
  }

  /**
   * Compares the recomputed fields of the run's manifest with the rerun's. {@code ignoredExpected}
   * is the run's {@code ignored_files} adjusted for ignored files that came or went since.
   */
  static void matchRerun(JsonNode run, JsonNode rerun, Set<String> ignoredExpected, Findings findings) {
    RECOMPUTED.forEach((field, keyField) -> compare(MANIFEST + " " + field, run.path(field), rerun.path(field), keyField, findings));
    if (run.path("parameters").path("as_at").isTextual()) {
      // the run was given its as-at date, as the rerun is: both say so alike
      compare(MANIFEST + " parameters.as_at", run.path("parameters").path("as_at"), rerun.path("parameters").path("as_at"), null, findings);
      compare(MANIFEST + " as_at_source", run.path("as_at_source"), rerun.path("as_at_source"), null, findings);
    } else if (run.path("as_at_source").equals(rerun.path("as_at_source"))) {
      findings.difference(MANIFEST + " as_at_source", show(run.path("as_at_source")) + ", but parameters.as_at is not given");
    }
    timestamps(run, findings);
    Set<String> ignoredByRerun = new LinkedHashSet<>();
    rerun.path("ignored_files").forEach(f -> ignoredByRerun.add(f.asText()));
    if (!ignoredByRerun.equals(ignoredExpected)) {
      findings.difference(MANIFEST + " ignored_files", ignoredExpected + " in the manifest, " + ignoredByRerun + " in the rerun");
    }
  }

  /**
   * The as-at date the manifest records is the one the run's published statements name: {@code
   * publish/headlines.json} carries it too, so an edited {@code as_at} is named as such.
   */
  static void asAtMatchesHeadlines(RunManifest manifest, Findings findings) throws IOException {
    Path headlines = new RunLayout(manifest.runDir()).publish().resolve("headlines.json");
    if (!Files.isRegularFile(headlines)) {
      return;
    }
    JsonNode published;
    try {
      published = new com.fasterxml.jackson.databind.ObjectMapper().readTree(headlines.toFile()).path("as_at");
    } catch (IOException e) {
      return;
    }
    String recorded = manifest.json().path("as_at").asText();
    if (published.isTextual() && !published.asText().equals(recorded)) {
      findings.difference(MANIFEST + " as_at", "'" + recorded + "' in the manifest, but publish/headlines.json was written as at '"
          + published.asText() + "'");
    }
  }

  /** Timestamps cannot be recomputed, but they must be instants, the start before the finish. */
  private static void timestamps(JsonNode run, Findings findings) {
    Instant started = instant(run, "started_at", findings);
    Instant finished = instant(run, "finished_at", findings);
    if (started != null && finished != null && finished.isBefore(started)) {
      findings.difference(MANIFEST + " finished_at", "'" + finished + "' is before started_at '" + started + "'");
    }
  }

  private static Instant instant(JsonNode run, String field, Findings findings) {
    try {
      return Instant.parse(run.path(field).asText());
    } catch (DateTimeParseException e) {
      findings.difference(MANIFEST + " " + field, show(run.path(field)) + " is not a UTC timestamp");
      return null;
    }
  }

  private static void compare(String label, JsonNode a, JsonNode b, String keyField, Findings findings) {
    if (keyField != null && a.isArray() && b.isArray()) {
      compareRecords(label, a, b, keyField, findings);
    } else if (a.isObject() && b.isObject()) {
      Set<String> fields = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(fields::add);
      b.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (!skipped(label, field)) {
          compare(label + "." + field, a.path(field), b.path(field), null, findings);
        }
      }
    } else if (!a.equals(b)) {
      findings.difference(label, show(a) + " in the manifest, " + show(b) + " in the rerun");
    }
  }

  private static void compareRecords(String label, JsonNode a, JsonNode b, String keyField, Findings findings) {
    Map<String, JsonNode> inA = byKey(a, keyField);
    Map<String, JsonNode> inB = byKey(b, keyField);
    inA.forEach((key, record) -> {
      JsonNode other = inB.get(key);
      if (other == null) {
        findings.difference(label + "[" + key + "]", "in the manifest, but not in the rerun's");
      } else {
        compare(label + "[" + key + "]", record, other, null, findings);
      }
    });
    inB.keySet().stream()
        .filter(key -> !inA.containsKey(key))
        .forEach(key -> findings.difference(label + "[" + key + "]", "in the rerun's manifest, but not in the run's"));
    List<String> orderA = new ArrayList<>(inA.keySet());
    List<String> orderB = new ArrayList<>(inB.keySet());
    if (orderA.size() == orderB.size() && new HashSet<>(orderA).equals(new HashSet<>(orderB)) && !orderA.equals(orderB)) {
      findings.difference(label, "listed in another order than the rerun's: " + orderA + " against " + orderB);
    }
  }

  /**
   * Output checksums are checked against the files themselves, which the rerun's are compared with;
   * the definitions file's path is where it was found, its checksum is what counts.
   */
  private static boolean skipped(String label, String field) {
    return label.startsWith(MANIFEST + " outputs[") && field.equals("sha256") || label.equals(MANIFEST + " figures") && field.equals("path");
  }

  private static Map<String, JsonNode> byKey(JsonNode records, String keyField) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode record : records) {
      String key = record.path(keyField).asText("#" + i);
      byKey.put(byKey.containsKey(key) ? key + " (again)" : key, record);
      i++;
    }
    return byKey;
  }

  private static String show(JsonNode node) {
    if (node.isMissingNode()) {
      return "(absent)";
    }
    String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
