package org.offstats.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.offstats.schema.CsvContract;

/**
 * Reads and validates every force extract (EXTRACTS.md "Reading" and "Validation and rejects"):
 * each record is accepted or rejected exactly once, with one reason.
 *
 * <p>One worker reads all the files of one extract, in file order. That makes the duplicate rule
 * exact without a shuffle: the first occurrence of a key in file order, then line order, among
 * records passing every other rule, is accepted, whatever the runner or parallelism. The as-at
 * bound is known before reading: {@code --as-at} when given; otherwise the as-at date is the
 * latest accepted date on or before the run day, so the bound rejects exactly the dates after the
 * run day.
 */
public final class ReadExtracts extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<CheckedRow> ACCEPTED = new TupleTag<>() {};
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, List<Long>>> BLANK_LINES = new TupleTag<>() {};

  /** The files of one extract, in file order. */
  public record ExtractFiles(String extract, List<InputFile> files) implements Serializable {}

  private final List<InputFile> files;
  private final Map<String, RowValidator> validators;
  private final long asAtBound;

  /**
   * @param asAtBound the last day a date may fall on: the given as-at date, or the run day
   */
  public ReadExtracts(List<InputFile> files, Map<String, RowValidator> validators, LocalDate asAtBound) {
    this.files = files;
    this.validators = validators;
    this.asAtBound = asAtBound.toEpochDay();
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<ExtractFiles> byExtract = new ArrayList<>();
    for (String extract : validators.keySet()) {
      List<InputFile> extractFiles = files.stream().filter(f -> f.extract().equals(extract)).toList();
      if (!extractFiles.isEmpty()) {
        byExtract.add(new ExtractFiles(extract, extractFiles));
      }
    }
    PCollectionTuple read =
        begin
            .apply("ListExtracts", Create.of(byExtract).withCoder(SerializableCoder.of(ExtractFiles.class)))
            .apply(
                "ReadAndValidateRecords",
                ParDo.of(new ValidateExtractFn(validators, asAtBound))
                    .withOutputTags(ACCEPTED, TupleTagList.of(REJECTED).and(BLANK_LINES)));
    read.get(ACCEPTED).setCoder(CheckedRow.Coder.of());
    read.get(REJECTED).setCoder(RejectedRow.Coder.of());
    read.get(BLANK_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarLongCoder.of())));
    return read;
  }

  /** Reads one extract's files start to end; the rules themselves are in {@link RowValidator}. */
  static final class ValidateExtractFn extends DoFn<ExtractFiles, CheckedRow> {
    private final Map<String, RowValidator> validators;
    private final long asAtBound;
    private final Counter recordsRead = Metrics.counter(ReadExtracts.class, "records_read");
    private final Counter recordsRejected = Metrics.counter(ReadExtracts.class, "records_rejected");

    ValidateExtractFn(Map<String, RowValidator> validators, long asAtBound) {
      this.validators = validators;
      this.asAtBound = asAtBound;
    }

    @ProcessElement
    public void processElement(@Element ExtractFiles extract, MultiOutputReceiver out) throws IOException {
      RowValidator validator = validators.get(extract.extract());
      LocalDate bound = LocalDate.ofEpochDay(asAtBound);
      int[] keyColumns = keyColumns(validator.contract());
      Map<String, CheckedRow> firstByKey = new HashMap<>();
      for (InputFile file : extract.files()) {
        try (InputStream in = Files.newInputStream(Path.of(file.location()));
            CsvRecordReader reader = new CsvRecordReader(in, file.path(), file.gzipped())) {
          reader.header();
          for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
            recordsRead.inc();
            RowValidator.Result result = validator.check(file.header(), record.fields());
            if (result.rejected()) {
              recordsRejected.inc();
              out.get(REJECTED).output(new RejectedRow(file.extract(), file.path(), record.line(), result.reason(), result.message(), record.raw()));
              continue;
            }
            CheckedRow row = new CheckedRow(file.extract(), file.index(), file.path(), record.line(), result.values(), record.raw(), result.latestDate());
            Optional<String> afterAsAt = validator.checkAsAt(row.values(), bound);
            if (afterAsAt.isPresent()) {
              recordsRejected.inc();
              out.get(REJECTED).output(row.reject(ReasonCode.OUT_OF_RANGE, afterAsAt.get()));
              continue;
            }
            CheckedRow first = firstByKey.putIfAbsent(key(row.values(), keyColumns), row.withoutRaw());
            if (first != null) {
              recordsRejected.inc();
              out.get(REJECTED).output(row.reject(ReasonCode.DUPLICATE_ID,
                  String.join(",", validator.contract().key()) + " repeats the record at " + first.file() + " line " + first.line()));
              continue;
            }
            out.get(ACCEPTED).output(row.withoutRaw());
          }
          if (!reader.blankLines().isEmpty()) {
            out.get(BLANK_LINES).output(KV.of(file.path(), reader.blankLines()));
          }
        }
      }
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
}
