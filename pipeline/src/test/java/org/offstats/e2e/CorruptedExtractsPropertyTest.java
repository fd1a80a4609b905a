package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 8, end to end: a real run on a small synthetic input folder damaged at random (fields
 * dropped, lines repeated, garbage bytes inserted, files cut short) ends either in a run folder
 * whose counts reconcile, or in a clean refusal: exit 2, one line, no run folder and no temporary
 * sibling. Never exit 3, never a stack trace, never an identifier on the console.
 *
 * <p>Each try is a full run (a few seconds), so the tries are few and shrinking is off: a failure
 * reports the damage done, which is enough to replay it.
 */
class CorruptedExtractsPropertyTest {

  static final List<String> EXTRACTS = List.of("arrests", "outcomes", "protection_orders");

  /** One damage to one extract file; positions are per-mille of the file (or of its lines). */
  record Damage(String extract, String kind, int at, int other, byte[] garbage) {
    @Override
    public String toString() {
      return kind + " in " + extract + ".csv at " + at + "\u2030/" + other + (kind.equals("garbage") ? " " + Arrays.toString(garbage) : "");
    }
  }

  @Provide
  Arbitrary<Damage> damage() {
    Arbitrary<byte[]> garbage =
        Arbitraries.oneOf(
            Arbitraries.of("\"", "\"\"", "\r", "\u0000", ",", "\r\n", "\n\n", ",,,\n", "\uFEFF", "x\"y").map(s -> s.getBytes(StandardCharsets.UTF_8)),
            Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82}),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
    return Combinators.combine(
            Arbitraries.of(EXTRACTS),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("drop_field")), Tuple.of(3, Arbitraries.just("duplicate_line")),
                Tuple.of(3, Arbitraries.just("garbage")), Tuple.of(1, Arbitraries.just("truncate"))),
            Arbitraries.integers().between(0, 999),
            Arbitraries.integers().between(0, 999),
            garbage)
        .as(Damage::new);
  }

  @Provide
  Arbitrary<List<Damage>> damages() {
    return damage().list().ofMinSize(1).ofMaxSize(4);
  }

  /** The default --max-reject-rate now and then; mostly 1, so that damaged runs go through and reconcile. */
  @Provide
  Arbitrary<Boolean> mostlyFalse() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true)));
  }

  @Property(tries = 4, shrinking = ShrinkingMode.OFF)
  void aDamagedInputEndsInAReconciledRunOrACleanRefusal(
      @ForAll("damages") List<Damage> damages,
      @ForAll @IntRange(min = 1, max = 1_000_000) int seed,
      @ForAll("mostlyFalse") boolean defaultRejectRate) throws Exception {
    Path dir = Files.createTempDirectory("offstats-damaged-");
    try {
      Path input = dir.resolve("input");
      Synthetic.write(input, 200, seed, true);
      List<String> identifiers = identifiersIn(input);
      for (Damage damage : damages) {
        Path file = input.resolve(damage.extract() + ".csv");
        Files.write(file, apply(damage, Files.readAllBytes(file)));
      }
      Path runs = Files.createDirectories(dir.resolve("runs"));
      Path output = runs.resolve("out");
      List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(), "--as-at", "2025-10-31"));
      if (!defaultRejectRate) {
        args.addAll(List.of("--max-reject-rate", "1"));
      }

      Cli.Result result = Cli.run(args.toArray(String[]::new));

      String what = damages + " (seed " + seed + "): " + result.describe();
      Statistics.collect("exit " + result.exitCode());
      assertThat(result.exitCode()).as("exit code: " + what).isIn(0, 2);
      assertThat(result.stderr()).as("no stack trace: " + what).doesNotContain("\tat ").doesNotContain("internal error");
      assertThat(RunFolder.identifiersInText(result.console(), "console", identifiers)).as(what).isEmpty();
      if (result.exitCode() == 2) {
        List<String> errors = result.stderr().lines().filter(l -> l.startsWith("offstats: error: ")).toList();
        assertThat(errors).as("one line naming the problem: " + what).hasSize(1);
        assertThat(result.stderr().strip()).as("the error is the last thing said: " + what).endsWith(errors.get(0));
        assertThat(output).as("no run folder after a refusal: " + what).doesNotExist();
        try (Stream<Path> left = Files.list(runs)) {
          assertThat(left.map(p -> p.getFileName().toString()).toList()).as("nothing left beside it: " + what).isEmpty();
        }
        return;
      }
      assertReconciles(input, output, what);
    } finally {
      deleteTree(dir);
    }
  }

  /** A quoted value with a line break in a reference file used to make the error two lines long. */
  @Example
  void aValueWithALineBreakInTheErrorStaysOnOneLine() throws IOException {
    Path dir = Files.createTempDirectory("offstats-damaged-");
    try {
      Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("input"));
      Path units = input.resolve("reference/units.csv");
      Files.writeString(units, Files.readString(units).replaceFirst("2020-11-01\n", "\"2020-11-01\nSECOND LINE\"\n"));
      Cli.Result result = Cli.run("run", "--input", input.toString(), "--output", dir.resolve("runs/out").toString(), "--as-at", "2025-10-31");
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      String last = result.stderr().strip().lines().reduce((a, b) -> b).orElse("");
      assertThat(last).startsWith("offstats: error: reference/units.csv, line 2: ").contains("2020-11-01\\nSECOND LINE");
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * EXTRACTS.md: rows_read = rows_accepted + rows_rejected per file and per extract; the rejects
   * file holds exactly the rejected records, by file and reason; the tables count exactly the
   * accepted ones; and where the file has no quotes (one record per non-empty line) the records
   * read are counted independently from its lines.
   */
  static void assertReconciles(Path input, Path run, String what) throws IOException, java.sql.SQLException {
    JsonNode manifest = RunFolder.manifest(run);
    Map<String, Long> acceptedByExtract = new TreeMap<>();
    for (String extract : EXTRACTS) {
      Csv.Table rejects = Csv.read(run.resolve("restricted/rejects/" + extract + ".csv"));
      Map<String, Map<String, Long>> rejectsByFile = new TreeMap<>();
      for (Csv.Row row : rejects.rows()) {
        rejectsByFile.computeIfAbsent(row.get("file"), f -> new TreeMap<>()).merge(row.get("reason_code"), 1L, Long::sum);
      }
      long rejectedInManifest = 0;
      for (JsonNode in : manifest.path("inputs")) {
        if (!extract.equals(in.path("extract").asText())) {
          continue;
        }
        String path = in.path("path").asText();
        long read = in.path("rows_read").asLong(-1);
        long accepted = in.path("rows_accepted").asLong(-1);
        long rejected = in.path("rows_rejected").asLong(-1);
        assertThat(read).as(path + ": rows_read = rows_accepted + rows_rejected; " + what).isEqualTo(accepted + rejected);
        Map<String, Long> byReason = RunFolder.rejectsByReason(in);
        assertThat(byReason.values().stream().mapToLong(Long::longValue).sum()).as(path + " rejects_by_reason; " + what).isEqualTo(rejected);
        assertThat(rejectsByFile.getOrDefault(path, Map.of())).as(path + ": rejects file by reason; " + what).isEqualTo(byReason);
        rejectedInManifest += rejected;
        acceptedByExtract.merge(extract, accepted, Long::sum);

        byte[] bytes = Files.readAllBytes(input.resolve(path));
        if (!contains(bytes, (byte) '"') && !hasLoneCarriageReturn(bytes)) {
          long[] lines = recordsAndBlankLines(new String(bytes, StandardCharsets.UTF_8));
          assertThat(read).as(path + ": rows_read counted from its lines; " + what).isEqualTo(lines[0]);
          assertThat(in.path("blank_lines").size()).as(path + ": blank lines; " + what).isEqualTo((int) lines[1]);
        }
      }
      assertThat((long) rejects.rows().size()).as("rows of rejects/" + extract + ".csv; " + what).isEqualTo(rejectedInManifest);
    }
    try (Connection db = Duck.open()) {
      assertThat(sum(db, run, "arrests_by_offence", "arrests", "true")).as("arrests counted; " + what).isEqualTo(acceptedByExtract.getOrDefault("arrests", 0L));
      assertThat(sum(db, run, "arrests_by_bcu", "arrests", "true")).as("arrests by BCU; " + what).isEqualTo(acceptedByExtract.getOrDefault("arrests", 0L));
      assertThat(sum(db, run, "arrests_by_offence_group", "arrests", "true")).as("arrests by offence group; " + what)
          .isEqualTo(acceptedByExtract.getOrDefault("arrests", 0L));
      assertThat(sum(db, run, "outcomes_by_offence", "crimes", "scope_type = 'all'")).as("crimes counted; " + what)
          .isEqualTo(acceptedByExtract.getOrDefault("outcomes", 0L));
      assertThat(sum(db, run, "protection_orders", "events", "true")).as("order events counted; " + what)
          .isEqualTo(acceptedByExtract.getOrDefault("protection_orders", 0L));
    }
  }

  static long sum(Connection db, Path run, String table, String column, String where) {
    return Duck.count(db, "SELECT coalesce(sum(" + Duck.ident(column) + "), 0) FROM " + Duck.parquet(run.resolve("restricted/" + table + ".parquet"))
        + " WHERE " + where);
  }

  /** Records (non-empty lines after the first) and empty lines of a file without quotes. */
  static long[] recordsAndBlankLines(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // after the last line end
    }
    long records = 0;
    long blank = 0;
    boolean header = true;
    for (String line : lines) {
      String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (content.isEmpty()) {
        blank++;
      } else if (header) {
        header = false;
      } else {
        records++;
      }
    }
    return new long[] {records, blank};
  }

  // ------------------------------------------------------------------ damage

  static byte[] apply(Damage damage, byte[] bytes) {
    List<byte[]> lines = lines(bytes);
    switch (damage.kind()) {
      case "drop_field" -> {
        // mostly a data line; now and then the header, which must stop the run
        int line = damage.other() < 100 ? 0 : 1 + damage.at() * Math.max(1, lines.size() - 1) / 1000;
        if (line < lines.size()) {
          lines.set(line, dropField(lines.get(line), damage.other()));
        }
        return join(lines);
      }
      case "duplicate_line" -> {
        if (lines.size() < 2) {
          return bytes;
        }
        int from = 1 + damage.at() * (lines.size() - 1) / 1000;
        int to = 1 + damage.other() * (lines.size() - 1) / 1000;
        lines.add(Math.min(to, lines.size()), withLineEnd(lines.get(Math.min(from, lines.size() - 1))));
        return join(lines);
      }
      case "garbage" -> {
        int at = (int) ((long) bytes.length * damage.at() / 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(damage.garbage());
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
      default -> {
        // cut somewhere in the second half: a file cut short in transfer
        return Arrays.copyOf(bytes, (int) ((long) bytes.length * (500 + damage.at() / 2) / 1000));
      }
    }
  }

  static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  static byte[] withLineEnd(byte[] line) {
    if (line.length > 0 && line[line.length - 1] == '\n') {
      return line;
    }
    byte[] ended = Arrays.copyOf(line, line.length + 1);
    ended[line.length] = '\n';
    return ended;
  }

  /** The line without its n-th field (counted modulo its fields), comma included. */
  static byte[] dropField(byte[] line, int n) {
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < line.length; i++) {
      if (line[i] == ',') {
        commas.add(i);
      }
    }
    if (commas.isEmpty()) {
      return line;
    }
    int field = n % (commas.size() + 1);
    int from = field == 0 ? 0 : commas.get(field - 1);
    int to = field == 0 ? commas.get(0) + 1 : field < commas.size() ? commas.get(field) : lineContentEnd(line);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(line, 0, from);
    out.write(line, to, line.length - to);
    return out.toByteArray();
  }

  static int lineContentEnd(byte[] line) {
    int end = line.length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    return end;
  }

  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static boolean contains(byte[] bytes, byte b) {
    for (byte x : bytes) {
      if (x == b) {
        return true;
      }
    }
    return false;
  }

  static boolean hasLoneCarriageReturn(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ identifiers and clean-up

  static final List<String> IDENTIFIER_COLUMNS = List.of("arrest_id", "person_ref", "crime_ref", "order_ref");

  /** Every value of an identifier column in the input's extracts. */
  static List<String> identifiersIn(Path input) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String extract : EXTRACTS) {
      Path file = input.resolve(extract + ".csv");
      if (!Files.exists(file)) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // the tests' own RFC 4180 reader; records of any length (broken ones included)
      List<List<String>> records = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
      List<String> header = records.get(0);
      for (String column : IDENTIFIER_COLUMNS) {
        int index = header.indexOf(column);
        for (List<String> record : records.subList(1, records.size())) {
          if (index >= 0 && index < record.size() && !record.get(index).isEmpty()) {
            ids.add(record.get(index));
          }
        }
      }
    }
    return ids.stream().distinct().toList();
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
