package org.offstats.extract;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>What leaves the readers is small: one element holding every extract's partial tables ({@link
 * #PARTIALS}; exactly one, so the next step needs no gathering), the rejects, per-file and data
 * quality counts ({@link #FACTS}) and the latest accepted date per extract, never one element per
 * record.
 *
 * <p>The extracts are read side by side in one step, each on two threads ({@link ExtractReader}:
 * one validates, one aggregates), so that every core has work: on the DirectRunner a step's
 * elements would otherwise be read one after another. The arrests are marked charged once the
 * crimes are read ({@link RecordAggregations.Aggregator#chargeArrests}). A problem that stops
 * reading is reported as if the extracts were read one after another: the first in {@link
 * #readingOrder}.
 */
public final class ReadExtracts extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> FACTS = new TupleTag<>() {};
  public static final TupleTag<Long> LATEST_DATE = new TupleTag<>() {};
  public static final TupleTag<PartialTables> PARTIALS = new TupleTag<>() {};

  private static final String ARRESTS = "arrests";
  private static final String OUTCOMES = "outcomes";

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
    // arrests are marked charged by their key, which must be the arrest id the crimes link to
    List<String> arrestKey = validators.containsKey(ARRESTS) ? validators.get(ARRESTS).contract().key() : List.of("arrest_id");
    if (!arrestKey.equals(List.of("arrest_id"))) {
      throw new IllegalStateException("the arrests extract's key must be arrest_id, not " + arrestKey);
    }
  }

  /**
   * The order in which problems are reported: every extract but the arrests in schema order, then
   * the arrests (read after the crimes when they waited for the charged arrest ids).
   */
  static List<String> readingOrder(Collection<String> extracts) {
    List<String> order = new ArrayList<>(extracts);
    if (order.remove(ARRESTS)) {
      order.add(ARRESTS);
    }
    return order;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<ExtractFiles> extracts = new ArrayList<>();
    for (String extract : readingOrder(validators.keySet())) {
      extracts.add(new ExtractFiles(extract, files.stream().filter(f -> f.extract().equals(extract)).toList()));
    }
    ReadAllFn fn = new ReadAllFn(checksums, recordLimitBytes, validators, aggregations, asAtBound);
    PCollectionTuple read =
        begin
            .apply("ListExtracts", Create.of(List.of(extracts)).withCoder(ListCoder.of(SerializableCoder.of(ExtractFiles.class))))
            .apply("ReadExtracts", ParDo.of(fn).withOutputTags(REJECTED, TupleTagList.of(PARTIALS).and(FACTS).and(LATEST_DATE)));
    read.get(REJECTED).setCoder(RejectedRow.Coder.of());
    read.get(PARTIALS).setCoder(PartialTables.Coder.of());
    read.get(FACTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    read.get(LATEST_DATE).setCoder(VarLongCoder.of());
    return read;
  }

  /** Reads every extract side by side; the rules themselves are in {@link RowValidator} and {@link ExtractValidation}. */
  static final class ReadAllFn extends DoFn<List<ExtractFiles>, RejectedRow> {
    private final Map<String, InputScan.FileChecksum> checksums;
    private final long recordLimitBytes;
    private final Map<String, RowValidator> validators;
    private final RecordAggregations aggregations;
    private final long asAtBound;
    private final Counter recordsRead = Metrics.counter(ReadExtracts.class, "records_read");
    private final Counter recordsRejected = Metrics.counter(ReadExtracts.class, "records_rejected");

    ReadAllFn(
        Map<String, InputScan.FileChecksum> checksums, long recordLimitBytes, Map<String, RowValidator> validators,
        RecordAggregations aggregations, long asAtBound) {
      this.checksums = checksums;
      this.recordLimitBytes = recordLimitBytes;
      this.validators = validators;
      this.aggregations = aggregations;
      this.asAtBound = asAtBound;
    }

    @ProcessElement
    public void processElement(@Element List<ExtractFiles> extracts, ProcessContext context) throws IOException {
      BlockingQueue<ExtractReader.Message> outbox = new LinkedBlockingQueue<>();
      List<ExtractReader> readers = new ArrayList<>();
      Map<ExtractReader, ReadProgress> progress = new HashMap<>();
      for (ExtractFiles extract : extracts) {
        ExtractValidation validation =
            new ExtractValidation(extract, checksums, recordLimitBytes, validators.get(extract.extract()), LocalDate.ofEpochDay(asAtBound));
        ExtractReader reader = new ExtractReader(extract.extract(), validation, aggregations, outbox);
        readers.add(reader);
        progress.put(reader, new ReadProgress(extract.extract()));
      }
      readers.forEach(ExtractReader::start);
      Map<ExtractReader, Throwable> failures = new HashMap<>();
      try {
        int running = readers.size();
        while (running > 0) {
          ExtractReader.Message message = outbox.take();
          if (message instanceof ExtractReader.Outputs outputs) {
            ReadProgress counters = progress.get(outputs.reader());
            recordsRead.inc(outputs.rowsRead());
            counters.rowsRead.inc(outputs.rowsRead());
            counters.bytesRead.inc(outputs.bytesRead());
            counters.filesRead.inc(outputs.filesRead());
            for (RejectedRow rejected : outputs.rejected()) {
              recordsRejected.inc();
              context.output(rejected);
            }
            outputs.facts().forEach(fact -> context.output(FACTS, fact));
          } else if (message instanceof ExtractReader.Failed failed) {
            running--;
            failures.put(failed.reader(), failed.cause());
            // what a reader later in the order finds is never reported: stop them
            readers.subList(readers.indexOf(failed.reader()) + 1, readers.size()).forEach(ExtractReader::stop);
          } else {
            running--;
          }
        }
      } catch (InterruptedException e) {
        readers.forEach(ExtractReader::stop);
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the extracts");
      } finally {
        joinAll(readers);
      }
      for (ExtractReader reader : readers) {
        if (failures.containsKey(reader)) {
          throw ReadAhead.rethrown(failures.get(reader));
        }
      }
      Optional<ExtractReader> arrests = readers.stream().filter(r -> r.extract().equals(ARRESTS)).findFirst();
      Optional<ExtractReader> crimes = readers.stream().filter(r -> r.extract().equals(OUTCOMES)).findFirst();
      if (arrests.isPresent() && crimes.isPresent()) {
        arrests.get().aggregator().chargeArrests(crimes.get().aggregator(), arrests.get().acceptedKeys());
      }
      for (ExtractReader reader : readers) {
        reader.aggregator().quality().forEach((key, count) -> context.output(FACTS, KV.of(key, count)));
        context.output(LATEST_DATE, reader.latestDate());
      }
      context.output(PARTIALS, PartialTables.mergeTaking(readers.stream().map(ExtractReader::partials).toList()));
    }

    private static void joinAll(List<ExtractReader> readers) {
      boolean interrupted = false;
      for (ExtractReader reader : readers) {
        while (true) {
          try {
            reader.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
