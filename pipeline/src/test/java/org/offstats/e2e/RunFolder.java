package org.offstats.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reading a run folder (OUTPUTS.md "Run folder") from the outside, as an auditor would. */
final class RunFolder {
  private RunFolder() {}

  static JsonNode manifest(Path run) {
    try {
      return new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest's {@code inputs[]} entry for a path relative to the input folder. */
  static JsonNode input(JsonNode manifest, String path) {
    List<String> seen = new ArrayList<>();
    for (JsonNode input : manifest.path("inputs")) {
      String p = input.path("path").asText();
      seen.add(p);
      if (p.equals(path)) {
        return input;
      }
    }
    throw new AssertionError("manifest inputs[] has no path " + path + "; it has " + seen);
  }

  /**
   * {@code rejects_by_reason} as reason → count. Accepts an object ({"BAD_FORMAT": 2}) or an
   * array of objects with a reason and a count, since OUTPUTS.md does not fix the shape.
   */
  static Map<String, Long> rejectsByReason(JsonNode input) {
    JsonNode node = input.path("rejects_by_reason");
    Map<String, Long> counts = new TreeMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    } else if (node.isArray()) {
      for (JsonNode entry : node) {
        String reason = entry.has("reason_code") ? entry.path("reason_code").asText() : entry.path("reason").asText();
        long count = entry.has("count") ? entry.path("count").asLong() : entry.path("rows").asLong();
        counts.put(reason, count);
      }
    } else if (!node.isMissingNode() && !node.isNull()) {
      throw new AssertionError("rejects_by_reason is neither an object nor an array: " + node);
    }
    counts.values().removeIf(v -> v == 0);
    return counts;
  }

  /** SHA-256 of every file under publish/ and restricted/, by path relative to the run folder. */
  static Map<String, String> checksums(Path run) {
    Map<String, String> sums = new TreeMap<>();
    for (String part : List.of("publish", "restricted")) {
      Path dir = run.resolve(part);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          sums.put(run.relativize(file).toString(), sha256(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sums;
  }

  static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * EXTRACTS.md: identifiers never appear in publish/. Every string cell of every Parquet file
   * under publish/ is checked against the inputs' identifiers; text files there (headlines.json,
   * headlines.md) are searched for each identifier as a substring.
   */
  static List<String> identifiersInPublish(Connection db, Path run, List<String> identifiers) {
    List<String> found = new ArrayList<>();
    Duck.execute(db, "CREATE OR REPLACE TEMP TABLE input_identifiers (id VARCHAR)");
    Duck.execute(db, "INSERT INTO input_identifiers SELECT unnest(" + sqlList(identifiers) + ")");
    for (Path file : files(run.resolve("publish"))) {
      String name = file.getFileName().toString();
      if (name.endsWith(".parquet")) {
        List<List<Object>> columns =
            Duck.rows(db, "DESCRIBE SELECT * FROM " + Duck.parquet(file));
        for (List<Object> column : columns) {
          if (!"VARCHAR".equals(column.get(1))) {
            continue;
          }
          String col = Duck.ident(column.get(0).toString());
          for (String id :
              Duck.strings(
                  db,
                  "SELECT DISTINCT " + col + " FROM " + Duck.parquet(file) + " WHERE " + col
                      + " IN (SELECT id FROM input_identifiers) LIMIT 5")) {
            found.add("publish/" + name + " column " + column.get(0) + " holds identifier " + id);
          }
        }
      } else {
        found.addAll(identifiersInText(file, "publish/" + name, identifiers));
      }
    }
    return found;
  }

  static List<String> identifiersInText(Path file, String label, List<String> identifiers) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return identifiersInText(text, label, identifiers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> identifiersInText(String text, String label, List<String> identifiers) {
    List<String> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id : identifiers) {
      if (text.contains(id) && seen.add(id)) {
        found.add(label + " contains identifier " + id);
        if (found.size() >= 10) {
          break;
        }
      }
    }
    return found;
  }

  private static String sqlList(List<String> values) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      list.append(i == 0 ? "" : ", ").append(Duck.literal(values.get(i)));
    }
    return list.append("]::VARCHAR[]").toString();
  }
}
