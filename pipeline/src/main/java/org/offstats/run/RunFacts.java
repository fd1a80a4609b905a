package org.offstats.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;

/**
 * Facts the pipeline computes as data for the manifest (OUTPUTS.md: record counts are data, not
 * runner metrics): rows accepted and rejected by reason per file, blank lines, the as-at date and
 * rows per table. Each fact is a key of tab-separated parts and a number; the pipeline writes them
 * to {@code .work/facts.tsv} and the manifest step reads them back.
 */
public final class RunFacts {
  public static final String READ = "read";
  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String BLANK_LINE = "blank_line";
  public static final String AS_AT = "as_at";
  public static final String TABLE_ROWS = "table_rows";
  static final String FILE_NAME = "facts.tsv";

  private final Map<String, Long> facts;

  private RunFacts(Map<String, Long> facts) {
    this.facts = facts;
  }

  public static String key(String... parts) {
    return String.join("\t", parts);
  }

  static void write(List<KV<String, Long>> facts, Path work) {
    TreeMap<String, Long> sorted = new TreeMap<>();
    facts.forEach(f -> sorted.merge(f.getKey(), f.getValue(), Long::sum));
    StringBuilder text = new StringBuilder();
    sorted.forEach((k, v) -> text.append(k).append('\t').append(v).append('\n'));
    try {
      Files.writeString(work.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CannotWriteException.of(work.resolve(FILE_NAME), e);
    }
  }

  public static RunFacts read(Path work) throws IOException {
    Map<String, Long> facts = new TreeMap<>();
    for (String line : Files.readAllLines(work.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      int lastTab = line.lastIndexOf('\t');
      facts.put(line.substring(0, lastTab), Long.parseLong(line.substring(lastTab + 1)));
    }
    return new RunFacts(facts);
  }

  public long get(String... parts) {
    return facts.getOrDefault(key(parts), 0L);
  }

  /** Every fact whose key starts with these parts, with the remaining part of the key. */
  public Map<String, Long> under(String... parts) {
    String prefix = key(parts) + "\t";
    Map<String, Long> found = new TreeMap<>();
    facts.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        found.put(k.substring(prefix.length()), v);
      }
    });
    return found;
  }

  public List<Long> blankLines(String file) {
    List<Long> lines = new ArrayList<>();
    under(BLANK_LINE, file).keySet().forEach(line -> lines.add(Long.parseLong(line)));
    lines.sort(Long::compare);
    return lines;
  }
}
