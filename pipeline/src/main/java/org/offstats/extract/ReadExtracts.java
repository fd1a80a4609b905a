package org.offstats.extract;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.offstats.domain.KeyNumbers;
import org.offstats.run.RecordAggregations;
import org.offstats.tables.PartialTables;

/**
 * Reads and validates every force extract (EXTRACTS.md "Reading" and "Validation and rejects"),
 * and aggregates each accepted record into partial tables in the same pass.
 *
 * <p>One worker reads all the files of one extract, in file order. That makes the duplicate rule
 * exact without a shuffle: the first occurrence of a key in file order, then line order, among
 * records passing every other rule, is accepted, whatever the runner or parallelism. The as-at
 * bound is known before reading: {@code --as-at} when given; otherwise the as-at date is the
 * latest accepted date on or before the run day, so the bound rejects exactly the dates after the
 * run day.
 *
 * <p>What leaves the readers is small: one element per extract holding its partial tables ({@link
 * #PARTIALS}), the rejects, per-file and data quality counts ({@link #FACTS}) and the latest
 * accepted date, never one element per record. The arrests reader runs after the outcomes reader,
 * whose charged arrest ids it needs.
 *
 * <p>Each reader uses two threads: one reads and validates ({@link ExtractValidation}), a few
 * thousand records ahead of the DoFn's own thread, which aggregates. The order of records is
 * kept, so the results are those of one thread.
 */
public final class ReadExtracts extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> FACTS = new TupleTag<>() {};
  public static final TupleTag<Long> LATEST_DATE = new TupleTag<>() {};
  public static final TupleTag<PartialTables> PARTIALS = new TupleTag<>() {};
  /** The arrest ids charged crimes link to: one list per reader, not one element per id. */
  static final TupleTag<List<String>> CHARGED_ARREST_IDS = new TupleTag<>() {};

  /** The files of one extract, in file order. */
  public record ExtractFiles(String extract, List<InputFile> files) implements Serializable {}

  private final List<InputFile> files;
  private final Map<String, InputScan.FileChecksum> checksums;
  private final long recordLimitBytes;
  private final Map<String, RowValidator> validators;
  private final RecordAggregations aggregations;
  private final long asAtBound;

  /**
   * @param checksums each file's checksum taken before reading, which the bytes read must match
   * @param recordLimitBytes the longest record read whole ({@code --max-record-bytes})
   * @param asAtBound the last day a date may fall on: the given as-at date, or the run day
   */
  public ReadExtracts(
      List<InputFile> files, Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes, Map<String, RowValidator> validators,
      RecordAggregations aggregations, LocalDate asAtBound) {
    this.files = files;
    this.checksums = checksums;
    this.recordLimitBytes = recordLimitBytes;
    this.validators = validators;
    this.aggregations = aggregations;
    this.asAtBound = asAtBound.toEpochDay();
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<ExtractFiles> first = new ArrayList<>();
    List<ExtractFiles> second = new ArrayList<>();
    for (String extract : validators.keySet()) {
      List<InputFile> extractFiles = files.stream().filter(f -> f.extract().equals(extract)).toList();
      (RecordAggregations.needsChargedArrestIds(extract) ? second : first).add(new ExtractFiles(extract, extractFiles));
    }
    PCollectionTuple firstRead = read(begin, "ReadOutcomesAndOrders", first, null);
    PCollectionView<Iterable<List<String>>> charged = firstRead.get(CHARGED_ARREST_IDS).apply("ChargedArrestIds", View.asIterable());
    PCollectionTuple secondRead = read(begin, "ReadArrests", second, charged);

    PCollectionTuple result = PCollectionTuple.empty(begin.getPipeline());
    result = result.and(REJECTED, flatten("Rejects", firstRead.get(REJECTED), secondRead.get(REJECTED)));
    result = result.and(PARTIALS, flatten("Partials", firstRead.get(PARTIALS), secondRead.get(PARTIALS)));
    result = result.and(FACTS, flatten("Facts", firstRead.get(FACTS), secondRead.get(FACTS)));
    result = result.and(LATEST_DATE, flatten("LatestDates", firstRead.get(LATEST_DATE), secondRead.get(LATEST_DATE)));
    return result;
  }

  private PCollectionTuple read(PBegin begin, String name, List<ExtractFiles> extracts, PCollectionView<Iterable<List<String>>> charged) {
    ValidateExtractFn fn = new ValidateExtractFn(checksums, recordLimitBytes, validators, aggregations, asAtBound, charged);
    ParDo.MultiOutput<ExtractFiles, RejectedRow> parDo =
        ParDo.of(fn).withOutputTags(REJECTED, TupleTagList.of(PARTIALS).and(FACTS).and(LATEST_DATE).and(CHARGED_ARREST_IDS));
    if (charged != null) {
      parDo = parDo.withSideInputs(charged);
    }
    PCollectionTuple read =
        begin.apply("List " + name, Create.of(extracts).withCoder(SerializableCoder.of(ExtractFiles.class))).apply(name, parDo);
    read.get(REJECTED).setCoder(RejectedRow.Coder.of());
    read.get(PARTIALS).setCoder(PartialTables.Coder.of());
    read.get(FACTS).setCoder(org.apache.beam.sdk.coders.KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    read.get(LATEST_DATE).setCoder(VarLongCoder.of());
    read.get(CHARGED_ARREST_IDS).setCoder(ListCoder.of(StringUtf8Coder.of()));
    return read;
  }

  private static <T> PCollection<T> flatten(String name, PCollection<T> a, PCollection<T> b) {
    return PCollectionList.of(a).and(b).apply("All" + name, Flatten.pCollections());
  }

  /**
   * Reads one extract's files start to end: {@link ExtractValidation} reads and validates on a
   * thread of its own while this one aggregates the accepted records and outputs the rest.
   */
  static final class ValidateExtractFn extends DoFn<ExtractFiles, RejectedRow> {
    /** Batches the validating thread may run ahead of aggregation. */
    private static final int BATCHES_AHEAD = 4;

    private final Map<String, InputScan.FileChecksum> checksums;
    private final long recordLimitBytes;
    private final Map<String, RowValidator> validators;
    private final RecordAggregations aggregations;
    private final long asAtBound;
    private final PCollectionView<Iterable<List<String>>> chargedView;
    private final Counter recordsRead = Metrics.counter(ReadExtracts.class, "records_read");
    private final Counter recordsRejected = Metrics.counter(ReadExtracts.class, "records_rejected");

    ValidateExtractFn(
        Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes, Map<String, RowValidator> validators,
        RecordAggregations aggregations, long asAtBound, PCollectionView<Iterable<List<String>>> chargedView) {
      this.checksums = checksums;
      this.recordLimitBytes = recordLimitBytes;
      this.validators = validators;
      this.aggregations = aggregations;
      this.asAtBound = asAtBound;
      this.chargedView = chargedView;
    }

    @ProcessElement
    public void processElement(@Element ExtractFiles extract, ProcessContext context) throws IOException {
      KeyNumbers charged = new KeyNumbers();
      if (chargedView != null) {
        context.sideInput(chargedView).forEach(ids -> ids.forEach(charged::numberOf));
      }
      Set<String> chargedHere = new HashSet<>();
      PartialTables partials = new PartialTables();
      Map<String, Long> quality = new TreeMap<>();
      long latestDate = Long.MIN_VALUE;
      ReadProgress progress = new ReadProgress(extract.extract());
      ExtractValidation validation =
          new ExtractValidation(extract, checksums, recordLimitBytes, validators.get(extract.extract()), LocalDate.ofEpochDay(asAtBound));
      RecordAggregations.Aggregator aggregator = aggregations.into(partials, id -> charged.find(id) >= 0, chargedHere::add, quality);
      // validation runs ahead on its own thread; Beam's outputs and counters stay on this one
      try (ReadAhead<ExtractValidation.Batch> batches = ReadAhead.start("offstats-read-" + extract.extract(), BATCHES_AHEAD, validation)) {
        for (ExtractValidation.Batch batch = batches.next(); batch != null; batch = batches.next()) {
          recordsRead.inc(batch.rowsRead);
          progress.rowsRead.inc(batch.rowsRead);
          progress.bytesRead.inc(batch.bytesRead);
          progress.filesRead.inc(batch.filesRead);
          for (RejectedRow rejected : batch.rejected) {
            recordsRejected.inc();
            context.output(rejected);
          }
          for (SpecificRecordBase record : batch.accepted) {
            aggregator.add(record);
          }
          latestDate = Math.max(latestDate, batch.latestDate);
          batch.facts.forEach(fact -> context.output(FACTS, fact));
        }
      }
      quality.forEach((key, count) -> context.output(FACTS, KV.of(key, count)));
      context.output(PARTIALS, partials);
      context.output(CHARGED_ARREST_IDS, List.copyOf(chargedHere));
      context.output(LATEST_DATE, latestDate);
    }
  }
}
