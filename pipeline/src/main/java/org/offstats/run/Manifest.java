package org.offstats.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.offstats.disclosure.AdditiveRelations;
import org.offstats.disclosure.DisclosurePolicy;
import org.offstats.extract.InputScan;
import org.offstats.schema.Schemas;

/**
 * {@code manifest.json} (OUTPUTS.md): what ran, on what, producing what. Holds paths relative to
 * the input folder and the run folder, checksums and counts; never an identifier.
 */
public final class Manifest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /**
   * Per-file counts from the run's facts. Records read are counted apart from their fates, so
   * {@code rows_read = rows_accepted + rows_rejected} is a check, not a definition.
   */
  public record FileCounts(long read, long accepted, Map<String, Long> rejectedByReason) {
    public long rejected() {
      return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public static FileCounts counts(RunFacts facts, String file) {
    FileCounts counts = new FileCounts(facts.get(RunFacts.READ, file), facts.get(RunFacts.ACCEPTED, file), facts.under(RunFacts.REJECTED, file));
    if (counts.read() != counts.accepted() + counts.rejected()) {
      throw new IllegalStateException(file + ": " + counts.read() + " records read but " + counts.accepted() + " accepted and "
          + counts.rejected() + " rejected: a record was lost or counted twice");
    }
    return counts;
  }

  static ArrayNode inputs(InputScan scan, RunFacts facts) {
    ArrayNode inputs = JSON.createArrayNode();
    for (var source : Schemas.recordSources()) {
      for (String path : scan.pathsOf(source.name())) {
        input(inputs.addObject(), path, source.name(), scan, facts);
      }
    }
    return inputs;
  }

  private static void input(ObjectNode input, String path, String extract, InputScan scan, RunFacts facts) {
      var checksum = scan.checksums().get(path);
      FileCounts counts = counts(facts, path);
      input.put("path", path);
      input.put("sha256", checksum.sha256());
      input.put("bytes", checksum.bytes());
      input.put("extract", extract);
      input.put("rows_read", counts.read());
      input.put("rows_accepted", counts.accepted());
      input.put("rows_rejected", counts.rejected());
      ObjectNode reasons = input.putObject("rejects_by_reason");
      counts.rejectedByReason().forEach(reasons::put);
      ArrayNode blank = input.putArray("blank_lines");
      facts.blankLines(path).forEach(blank::add);
      ArrayNode extra = input.putArray("extra_columns");
      scan.files().stream()
          .filter(f -> f.path().equals(path))
          .forEach(f -> f.header().extraColumns().forEach(extra::add));
  }

  /**
   * The data quality summary (README "Data quality"): per extract, the rejected records by reason
   * over all its files, and per financial year of the record's main date the accepted records and,
   * for each {@link DataQuality#measures measure}, how many lack the value, with that count's share
   * of the accepted records to 4 decimal places. Counts are of records, exact; the manifest is not
   * published.
   */
  static ObjectNode quality(InputScan scan, RunFacts facts) {
    ObjectNode quality = JSON.createObjectNode();
    for (var source : Schemas.recordSources()) {
      String extract = source.name();
      ObjectNode node = quality.putObject(extract);
      Map<String, Long> reasons = new TreeMap<>();
      for (String path : scan.pathsOf(extract)) {
        counts(facts, path).rejectedByReason().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
      }
      node.put("rows_rejected", reasons.values().stream().mapToLong(Long::longValue).sum());
      ObjectNode reasonNode = node.putObject("rejects_by_reason");
      reasons.forEach(reasonNode::put);
      Map<String, Long> counted = facts.under(DataQuality.QUALITY, extract);
      ObjectNode years = node.putObject("years");
      for (String key : counted.keySet()) {
        String[] parts = key.split("\t");
        if (!parts[1].equals(DataQuality.ACCEPTED)) {
          continue;
        }
        long accepted = counted.get(key);
        ObjectNode year = years.putObject(parts[0]);
        year.put(DataQuality.ACCEPTED, accepted);
        for (String measure : DataQuality.measures(extract)) {
          long count = counted.getOrDefault(RunFacts.key(parts[0], measure), 0L);
          year.putObject(measure).put("count", count).put("share", share(count, accepted));
        }
      }
    }
    return quality;
  }

  /** {@code count / accepted} to 4 decimal places, half up. */
  static BigDecimal share(long count, long accepted) {
    return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(accepted), 4, RoundingMode.HALF_UP);
  }

  /**
   * The disclosure control applied to {@code publish/}: the policy (file, checksum, settings), the
   * declared relations secondary suppression protects against, and per table how many cells are
   * withheld for being small (primary) or to protect others (secondary), and how many withheld
   * cells the run could not prove protected one by one (README "Disclosure control").
   */
  static ObjectNode disclosure(DisclosurePolicy policy, RunFacts facts) {
    ObjectNode disclosure = JSON.createObjectNode();
    ObjectNode policyNode = disclosure.putObject("policy");
    policyNode.put("path", policy.location());
    policyNode.put("sha256", policy.sha256());
    policyNode.put("threshold", policy.threshold());
    policyNode.put("suppress_zeros", policy.suppressZeros());
    if (policy.roundingBase().isPresent()) {
      policyNode.put("rounding_base", policy.roundingBase().getAsInt());
    } else {
      policyNode.putNull("rounding_base");
    }
    policyNode.put("secondary_suppression", policy.secondarySuppression());
    policyNode.put(
        "protection",
        policy.secondarySuppression()
            ? "each withheld count's range of values consistent with publish/ and the relations is wider than " + policy.protectionWidth()
            : "small counts withheld; a withheld count may be recoverable from published totals");
    ArrayNode relations = disclosure.putArray("relations");
    AdditiveRelations.DECLARED.forEach(relations::add);
    ObjectNode tables = disclosure.putObject("tables");
    Map<String, Long> withheld = facts.under(WritePublished.WITHHELD);
    Set<String> controlled = new TreeSet<>();
    withheld.keySet().forEach(key -> controlled.add(key.substring(0, key.indexOf('\t'))));
    for (String table : controlled) {
      ObjectNode node = tables.putObject(table);
      node.put("primary", withheld.getOrDefault(RunFacts.key(table, "primary"), 0L));
      node.put("secondary", withheld.getOrDefault(RunFacts.key(table, "secondary"), 0L));
    }
    return disclosure;
  }

  /** Every file under publish/ and restricted/ with its checksum, and row counts where known. */
  static ArrayNode outputs(Path runRoot, RunFacts facts, InputScan scan) throws IOException {
    ArrayNode outputs = JSON.createArrayNode();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(runRoot)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !runRoot.relativize(p).toString().equals(RunLayout.MANIFEST))
              .filter(p -> !runRoot.relativize(p).startsWith(RunLayout.WORK))
              .filter(p -> !runRoot.relativize(p).toString().equals(RunLayout.LOCK))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String relative = runRoot.relativize(file).toString().replace('\\', '/');
      String name = file.getFileName().toString();
      ObjectNode output = outputs.addObject();
      output.put("path", relative);
      String table = RunLayout.tableOf(relative);
      if (table != null) {
        output.put("table", table);
        output.put("rows", facts.get(RunFacts.TABLE_ROWS, table));
      } else if (relative.startsWith(RunLayout.RESTRICTED + "/" + RunLayout.REJECTS + "/")) {
        output.put("table", "rejects");
        String extract = name.substring(0, name.length() - ".csv".length());
        output.put("rows", scan.pathsOf(extract).stream().mapToLong(p -> counts(facts, p).rejected()).sum());
      } else {
        // headlines.json and headlines.md: one entry per figure, like the headlines table
        output.put("table", "headlines");
        output.put("rows", facts.get(RunFacts.TABLE_ROWS, "headlines"));
      }
      output.put("sha256", InputScan.checksum(file, relative).sha256());
    }
    return outputs;
  }

  static void write(ObjectNode manifest, Path runRoot) throws IOException {
    Path file = runRoot.resolve(RunLayout.MANIFEST);
    try {
      Files.writeString(file, JSON.writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw CannotWriteException.of(file, e);
    }
  }
}
