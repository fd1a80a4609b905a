package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.run.RunFacts;
import org.offstats.schema.Schemas;

/**
 * The duplicate rule applied a group of records at a time ({@link
 * ExtractValidation#DUPLICATE_RULE_GROUP}) gives what record-by-record reading gives: checked
 * against a plain map of first occurrences, over two files long enough to move the reader's
 * window many times, with duplicates inside one group, across a group boundary, far apart, across
 * files and in a last group cut short by the end of a file.
 */
class ExtractValidationGroupsTest {
  private static final String HEADER =
      "arrest_id,person_ref,arrest_date,bcu_code,unit_code,offence_code,domestic_abuse,operation,sex,age_band,ethnicity";

  /** Record {@code i} (from 1) of a file: its arrest id is {@code id}; a bad date when {@code badDate}. */
  private static String row(String id, int i, boolean badDate) {
    return id + ",PER-" + (i % 97) + "," + (badDate ? "2023-02-30" : "2023-01-" + (10 + i % 18))
        + ",EA,CID-AS,19C,N,OPERATION-" + "X".repeat(i % 40) + ",M,30-39,W1";
  }

  @Test
  void groupsGiveTheRejectsNumbersAndCountsOfOneByOneReading(@TempDir Path dir) throws Exception {
    int firstRows = 5_000;
    int secondRows = 3_001; // not a whole number of groups: the last group is cut short by the file's end
    Map<Integer, String> firstIds = new HashMap<>();
    Map<Integer, String> secondIds = new HashMap<>();
    firstIds.put(10, "A1-3"); // inside the first group, of record 3
    firstIds.put(40, "A1-31"); // the next group, of record 31
    firstIds.put(4_000, "A1-100"); // far apart: the window has moved on many times
    firstIds.put(25, "A1-20"); // of a record that breaks a rule (below): this one is accepted
    secondIds.put(5, "A1-7"); // across files
    secondIds.put(secondRows, "A2-" + (secondRows - 1)); // the last record of the second file
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int i = 1; i <= firstRows; i++) {
      first.add(row(firstIds.getOrDefault(i, "A1-" + i), i, i == 20));
    }
    // record 20 breaks the date rule, so A1-20's first valid occurrence is record 25
    for (int i = 1; i <= secondRows; i++) {
      second.add(row(secondIds.getOrDefault(i, "A2-" + i), i, false));
    }
    Files.writeString(dir.resolve("arrests.csv"), HEADER + "\n" + String.join("\n", first) + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("arrests_2.csv"), HEADER + "\n" + String.join("\n", second) + "\n", StandardCharsets.UTF_8);

    // what reading one record at a time gives: the first valid occurrence of each id is accepted
    record Expected(String file, long line, String reason, String message, String raw) {}
    List<Expected> expectedRejects = new ArrayList<>();
    Map<String, String> firstSeenAt = new HashMap<>();
    long[] accepted = new long[2];
    String[] fileNames = {"arrests.csv", "arrests_2.csv"};
    List<List<String>> rows = List.of(first, second);
    for (int f = 0; f < 2; f++) {
      for (int i = 0; i < rows.get(f).size(); i++) {
        String text = rows.get(f).get(i);
        long line = i + 2;
        if (text.contains("2023-02-30")) {
          expectedRejects.add(new Expected(fileNames[f], line, "BAD_FORMAT", null, text));
          continue;
        }
        String id = text.substring(0, text.indexOf(','));
        String seen = firstSeenAt.putIfAbsent(id, fileNames[f] + " line " + line);
        if (seen != null) {
          expectedRejects.add(new Expected(fileNames[f], line, "DUPLICATE_ID", "arrest_id repeats the record at " + seen, text));
        } else {
          accepted[f]++;
        }
      }
    }
    assertThat(expectedRejects).hasSize(6);

    InputScan scan = InputScan.of(dir);
    ExtractValidation validation = new ExtractValidation(
        new ReadExtracts.ExtractFiles("arrests", scan.files()), scan.checksums(), CsvRecordReader.DEFAULT_RECORD_LIMIT_BYTES,
        RowValidator.forExtract(Schemas.extract("arrests"), scan.reference(), 1 << 20), LocalDate.of(2030, 1, 1));
    List<ExtractValidation.Batch> batches = new ArrayList<>();
    validation.produce(batches::add);

    List<Expected> rejects = new ArrayList<>();
    List<Integer> keyNumbers = new ArrayList<>();
    List<KV<String, Long>> facts = new ArrayList<>();
    long rowsRead = 0;
    for (ExtractValidation.Batch batch : batches) {
      batch.rejected.forEach(r -> rejects.add(new Expected(r.file(), r.line(), r.reason().name(),
          r.reason() == ReasonCode.DUPLICATE_ID ? r.message() : null, r.raw())));
      for (int i = 0; i < batch.accepted.size(); i++) {
        keyNumbers.add(batch.keyNumbers[i]);
      }
      facts.addAll(batch.facts);
      rowsRead += batch.rowsRead;
    }
    assertThat(rejects).containsExactlyElementsOf(expectedRejects);
    // accepted keys are numbered 0, 1, 2... in the order they were accepted
    assertThat(keyNumbers).hasSize((int) (accepted[0] + accepted[1]));
    for (int i = 0; i < keyNumbers.size(); i++) {
      assertThat(keyNumbers.get(i)).isEqualTo(i);
    }
    assertThat(validation.acceptedKeys().size()).isEqualTo(keyNumbers.size());
    assertThat(rowsRead).isEqualTo(firstRows + secondRows);
    assertThat(facts).contains(
        KV.of(RunFacts.key(RunFacts.READ, "arrests.csv"), (long) firstRows),
        KV.of(RunFacts.key(RunFacts.ACCEPTED, "arrests.csv"), accepted[0]),
        KV.of(RunFacts.key(RunFacts.READ, "arrests_2.csv"), (long) secondRows),
        KV.of(RunFacts.key(RunFacts.ACCEPTED, "arrests_2.csv"), accepted[1]),
        KV.of(RunFacts.key(RunFacts.REJECTED, "arrests_2.csv", "DUPLICATE_ID"), 2L));
  }
}
