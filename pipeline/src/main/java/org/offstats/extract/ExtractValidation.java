package org.offstats.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.values.KV;
import org.offstats.domain.KeyNumbers;
import org.offstats.run.RecordAggregations;
import org.offstats.run.RunFacts;
import org.offstats.schema.CsvContract;

/**
 * Reads the files of one extract in file order and applies every row rule: the record's own rules
 * ({@link RowValidator}), the as-at bound, then the duplicate rule, which accepts the first
 * occurrence of a key in file order, then line order, among records passing every other rule. What
 * it finds goes out in {@link Batch}es, in order; it neither aggregates nor touches Beam, so it
 * can run on a thread of its own ({@link ReadAhead}) while the caller aggregates.
 */
final class ExtractValidation implements ReadAhead.Producer<ExtractValidation.Batch> {
  /** Records per batch: large enough that handing over costs nothing, small enough to stay in cache. */
  static final int BATCH_RECORDS = 2048;

  /** Records read before the extract's size in records is estimated from its bytes ({@link Batch#expectedRecords}). */
  static final int ESTIMATE_AFTER = 16_384;


  /**
   * A run of consecutive records of one extract: the accepted ones (as their extract's record
   * class), the rejected ones, the facts of the files finished within it, and progress counts.
   */
  static final class Batch {
    final List<SpecificRecordBase> accepted = new ArrayList<>(BATCH_RECORDS);
    /** Each accepted record's key number in {@link #acceptedKeys()}, in the same order. */
    final int[] keyNumbers = new int[BATCH_RECORDS];
    final List<RejectedRow> rejected = new ArrayList<>();
    final List<KV<String, Long>> facts = new ArrayList<>();
    long rowsRead;
    long bytesRead;
    int filesRead;
    long latestDate = Long.MIN_VALUE;
    /**
     * Set in the batch that reaches {@link #ESTIMATE_AFTER} records: the records the whole extract
     * probably holds, from its bytes, for tables to make room once instead of growing step by step.
     */
    int expectedRecords;

    boolean full() {
      return rowsRead >= BATCH_RECORDS;
    }
  }

  private final ReadExtracts.ExtractFiles extract;
  private final Map<String, InputScan.FileChecksum> checksums;
  private final long recordLimitBytes;
  private final RowValidator validator;
  private final LocalDate asAtBound;
  private final FirstOccurrences firstOccurrences = new FirstOccurrences();
  /** The as-at bound as an epoch day: only a record with a later date needs the as-at rule. */
  private final long bound;
  /** The columns of the extract's key, in the contract's order. */
  private final int[] keyColumns;

  ExtractValidation(
      ReadExtracts.ExtractFiles extract, Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes,
      RowValidator validator, LocalDate asAtBound) {
    this.extract = extract;
    this.checksums = checksums;
    this.recordLimitBytes = recordLimitBytes;
    this.validator = validator;
    this.asAtBound = asAtBound;
    this.bound = asAtBound.toEpochDay();
    this.keyColumns = keyColumns(validator.contract());
  }

  /**
   * Records validated together before the duplicate rule is applied to them, in order. Looking a
   * key up among millions is a cache miss, and one record's look-up cannot overlap another's when
   * each waits behind a whole record's work; so the keys of this many records are fetched together
   * ({@link KeyNumbers#prefetch}), their misses overlapping, then looked up.
   */
  static final int DUPLICATE_RULE_GROUP = KeyNumbers.PREFETCH_GROUP;

  /** A record read and checked, waiting for the duplicate rule: rejected already, or with its key. */
  private record Checked(CsvRecordReader.Record record, RowValidator.Result result, RejectedRow rejected, String key,
      long bytes) {}

  /** What one file has counted so far, for its facts. */
  private static final class FileCounts {
    long read;
    long accepted;
    final Map<String, Long> rejectedByReason = new TreeMap<>();
  }

  /** A file being read: where it is, and what it has counted so far. */
  private static final class OpenFile {
    final InputFile file;
    final int ordinal;
    final CheckedInput input;
    final CsvRecordReader reader;
    final FileCounts counts;
    /** The file's bytes already counted into a batch. */
    long bytesCounted;

    OpenFile(InputFile file, int ordinal, CheckedInput input, CsvRecordReader reader, FileCounts counts) {
      this.file = file;
      this.ordinal = ordinal;
      this.input = input;
      this.reader = reader;
      this.counts = counts;
    }
  }

  private final List<Checked> waiting = new ArrayList<>(DUPLICATE_RULE_GROUP);
  private Batch batch;
  /**
   * Set as {@link #produce} begins: the extract's bytes; then the records and bytes seen so far
   * across its files, for the estimate of its size ({@link #ESTIMATE_AFTER}).
   */
  private long extractBytes;
  private long recordsSeen;
  private long bytesSeen;

  @Override
  public void produce(ReadAhead.Sink<Batch> out) throws Exception {
    List<InputFile> files = extract.files();
    extractBytes = extractBytes(files);
    recordsSeen = 0;
    bytesSeen = 0;
    batch = new Batch();
    for (int ordinal = 0; ordinal < files.size(); ordinal++) {
      InputFile file = files.get(ordinal);
      FileCounts counts = new FileCounts();
      try (CheckedInput input = CheckedInput.open(Path.of(file.location()), checksums.get(file.path()));
          CsvRecordReader reader = new CsvRecordReader(input, file.gzipped(), recordLimitBytes)) {
        reader.header();
        OpenFile open = new OpenFile(file, ordinal, input, reader, counts);
        // a group of records per call, not one loop over the file: HotSpot compiles a method called
        // thousands of times as a method, where a loop entered once is compiled on the stack (OSR),
        // which it stopped recompiling after a deoptimisation at 4M arrests, leaving the row rules
        // interpreted for the rest of the file (twice the reading time). This loop may still be
        // compiled on the stack; if that is thrown away, it calls the compiled readGroup.
        while (readGroup(open, out)) {
          // each call reads, checks and de-duplicates a group
        }
        applyDuplicateRule(ordinal, counts, out);
        batch.bytesRead += Math.max(0, input.bytesRead() - open.bytesCounted);
        for (Long blank : reader.blankLines()) {
          batch.facts.add(KV.of(RunFacts.key(RunFacts.BLANK_LINE, file.path(), blank.toString()), 1L));
        }
      }
      batch.filesRead++;
      batch.facts.add(KV.of(RunFacts.key(RunFacts.READ, file.path()), counts.read));
      batch.facts.add(KV.of(RunFacts.key(RunFacts.ACCEPTED, file.path()), counts.accepted));
      for (Map.Entry<String, Long> reason : counts.rejectedByReason.entrySet()) {
        batch.facts.add(KV.of(RunFacts.key(RunFacts.REJECTED, file.path(), reason.getKey()), reason.getValue()));
      }
    }
    out.put(batch);
  }

  /**
   * Reads and checks up to {@link #DUPLICATE_RULE_GROUP} records of {@code open}, then applies the
   * duplicate rule to a full group; false at the end of the file, with the records read left
   * {@link #waiting}.
   */
  private boolean readGroup(OpenFile open, ReadAhead.Sink<Batch> out) throws Exception {
    CheckedInput input = open.input;
    for (int i = 0; i < DUPLICATE_RULE_GROUP; i++) {
      CsvRecordReader.Record record = open.reader.next();
      if (record == null) {
        return false;
      }
      open.counts.read++;
      long newBytes = Math.max(0, input.bytesRead() - open.bytesCounted);
      open.bytesCounted = Math.max(open.bytesCounted, input.bytesRead());
      bytesSeen += newBytes;
      if (++recordsSeen == ESTIMATE_AFTER && extractBytes > 0 && bytesSeen > 0) {
        // bytes are read ahead of records, so this leans low; 10% more covers most of that
        double estimate = 1.1 * recordsSeen * ((double) extractBytes / bytesSeen);
        batch.expectedRecords = (int) Math.min(estimate, 1 << 29);
        firstOccurrences.expect(batch.expectedRecords);
      }
      waiting.add(check(open.file, record, newBytes));
    }
    applyDuplicateRule(open.ordinal, open.counts, out);
    return true;
  }

  /** Every rule but the duplicate rule: the record's own rules, then the as-at bound. */
  private Checked check(InputFile file, CsvRecordReader.Record record, long bytes) {
    RowValidator.Result result = record.isTooLong()
        ? RowValidator.Result.reject(ReasonCode.RECORD_TOO_LONG, record.tooLong().message())
        : validator.check(file.header(), record.fields());
    if (result.rejected()) {
      return new Checked(record, result,
          new RejectedRow(file.extract(), file.path(), record.line(), result.reason(), result.message(), record.raw()), null, bytes);
    }
    // only a record with a date after the bound can break the as-at rule
    Optional<String> afterAsAt = result.latestDate() > bound ? validator.checkAsAt(result.values(), asAtBound) : Optional.empty();
    if (afterAsAt.isPresent()) {
      return new Checked(record, result,
          new RejectedRow(file.extract(), file.path(), record.line(), ReasonCode.OUT_OF_RANGE, afterAsAt.get(), record.raw()), null, bytes);
    }
    return new Checked(record, result, null, key(result.values(), keyColumns), bytes);
  }

  /** The duplicate rule on the records {@link #waiting}, in order ({@link #DUPLICATE_RULE_GROUP}). */
  private void applyDuplicateRule(int ordinal, FileCounts counts, ReadAhead.Sink<Batch> out) throws InterruptedException {
    for (Checked checked : waiting) {
      if (checked.key() != null) {
        firstOccurrences.keys.prefetch(checked.key());
      }
    }
    for (Checked checked : waiting) {
      applyDuplicateRule(checked, ordinal, counts, out);
    }
    waiting.clear();
  }

  /** The duplicate rule on one record; then it goes in the batch, accepted or rejected. */
  private void applyDuplicateRule(Checked checked, int ordinal, FileCounts counts, ReadAhead.Sink<Batch> out)
      throws InterruptedException {
    CsvRecordReader.Record record = checked.record();
    RejectedRow rejected = checked.rejected();
    int keyNumber = -1;
    if (rejected == null) {
      long position = position(ordinal, record.line());
      keyNumber = firstOccurrences.numberOf(checked.key(), position);
      long first = firstOccurrences.firstPosition(keyNumber);
      if (first != position) {
        List<InputFile> files = extract.files();
        InputFile file = files.get(ordinal);
        rejected = new RejectedRow(file.extract(), file.path(), record.line(), ReasonCode.DUPLICATE_ID,
            String.join(",", validator.contract().key()) + " repeats the record at " + files.get(fileOrdinal(first)).path()
                + " line " + line(first), record.raw());
      }
    }
    batch.rowsRead++;
    batch.bytesRead += checked.bytes();
    if (rejected != null) {
      counts.rejectedByReason.merge(rejected.reason().name(), 1L, Long::sum);
      batch.rejected.add(rejected);
    } else {
      RowValidator.Result result = checked.result();
      counts.accepted++;
      batch.latestDate = Math.max(batch.latestDate, result.latestDate());
      batch.keyNumbers[batch.accepted.size()] = keyNumber;
      batch.accepted.add(RecordAggregations.record(extract.extract(), result.values(), result.dates()));
    }
    if (batch.full()) {
      out.put(batch);
      batch = new Batch();
    }
  }

  /**
   * The keys of the records accepted, numbered in order: complete once {@link #produce} has
   * returned. A key's number is its record's place among the accepted records.
   */
  KeyNumbers acceptedKeys() {
    return firstOccurrences.keys;
  }

  /** Every key accepted so far, with its first occurrence as (file ordinal, line), to name it in later duplicates' messages. */
  private static final class FirstOccurrences {
    private final KeyNumbers keys = new KeyNumbers();
    private long[] positions = new long[1024];

    /** The number of {@code key}; a key met for the first time takes the next number, with {@code position} as its first occurrence. */
    int numberOf(String key, long position) {
      int known = keys.size();
      int number = keys.numberOf(key);
      if (number == known) {
        if (number == positions.length) {
          positions = Arrays.copyOf(positions, 2 * number);
        }
        positions[number] = position;
      }
      return number;
    }

    /** Makes room for about {@code records} keys ({@link KeyNumbers#expect}). */
    void expect(int records) {
      keys.expect(records);
      if (records > positions.length) {
        positions = Arrays.copyOf(positions, records);
      }
    }

    long firstPosition(int number) {
      return positions[number];
    }
  }

  /**
   * The extract's size in bytes as checksummed, or 0 when a file's size is not known or the extract
   * mixes gzipped and plain files (bytes would not compare with bytes, and the estimate of its
   * records could be many times too large).
   */
  private long extractBytes(List<InputFile> files) {
    long bytes = 0;
    for (InputFile file : files) {
      if (file.gzipped() != files.get(0).gzipped()) {
        return 0;
      }
      InputScan.FileChecksum checksum = checksums.get(file.path());
      if (checksum == null) {
        return 0;
      }
      bytes += checksum.bytes();
    }
    return bytes;
  }

  private static long position(int fileOrdinal, long line) {
    return ((long) fileOrdinal << 40) | line;
  }

  private static int fileOrdinal(long position) {
    return (int) (position >>> 40);
  }

  private static long line(long position) {
    return position & ((1L << 40) - 1);
  }

  private static int[] keyColumns(CsvContract contract) {
    return contract.key().stream().mapToInt(k -> contract.column(k).index()).toArray();
  }

  private static String key(String[] values, int[] keyColumns) {
    if (keyColumns.length == 1) {
      return values[keyColumns[0]];
    }
    StringBuilder key = new StringBuilder();
    for (int column : keyColumns) {
      key.append(values[column]).append('\u0000');
    }
    return key.toString();
  }
}
