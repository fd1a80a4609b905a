package org.offstats.extract;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.values.KV;
import org.offstats.domain.KeyNumbers;
import org.offstats.run.RecordAggregations;
import org.offstats.tables.PartialTables;

/**
 * Reads one extract on two threads of its own: {@link ExtractValidation} reads and validates a few
 * thousand records ahead ({@link ReadAhead}) while this reader's thread aggregates the accepted
 * records into the extract's partial tables. What must leave through Beam (rejects, facts,
 * progress) goes to an outbox that the DoFn's own thread empties: Beam's outputs and counters are
 * used from that thread only.
 */
final class ExtractReader implements Runnable {
  /** What a reader puts in the outbox. */
  sealed interface Message permits Outputs, Done, Failed {}

  /** One batch's rejects, facts and progress. */
  record Outputs(ExtractReader reader, List<RejectedRow> rejected, List<KV<String, Long>> facts, long rowsRead, long bytesRead, int filesRead)
      implements Message {}

  /** The reader has read and aggregated its whole extract. */
  record Done(ExtractReader reader) implements Message {}

  /** The reader stopped on {@code cause}. */
  record Failed(ExtractReader reader, Throwable cause) implements Message {}

  /** Batches validation may run ahead of aggregation. */
  private static final int BATCHES_AHEAD = 4;

  private final String extract;
  private final ExtractValidation validation;
  private final PartialTables partials = new PartialTables();
  private final RecordAggregations.Aggregator aggregator;
  private final BlockingQueue<Message> outbox;
  private final Thread thread;
  private long latestDate = Long.MIN_VALUE;

  ExtractReader(String extract, ExtractValidation validation, RecordAggregations aggregations, BlockingQueue<Message> outbox) {
    this.extract = extract;
    this.validation = validation;
    this.aggregator = aggregations.into(partials);
    this.outbox = outbox;
    this.thread = new Thread(this, "offstats-read-" + extract);
    thread.setDaemon(true);
  }

  String extract() {
    return extract;
  }

  void start() {
    thread.start();
  }

  /** Asks the reader to stop early: it fails with an interruption at its next batch. */
  void stop() {
    thread.interrupt();
  }

  /** Waits until the reader's thread (and so its validating thread) has ended. */
  void join() throws InterruptedException {
    thread.join();
  }

  @Override
  public void run() {
    Message last;
    try (ReadAhead<ExtractValidation.Batch> batches = ReadAhead.start("offstats-validate-" + extract, BATCHES_AHEAD, validation)) {
      for (ExtractValidation.Batch batch = batches.next(); batch != null; batch = batches.next()) {
        if (batch.expectedRecords > 0) {
          aggregator.expect(extract, batch.expectedRecords);
        }
        List<SpecificRecordBase> accepted = batch.accepted;
        // each group's large-table look-ups fetched together first (RecordAggregations.Aggregator#prefetch)
        for (int group = 0; group < accepted.size(); group += KeyNumbers.PREFETCH_GROUP) {
          int end = Math.min(group + KeyNumbers.PREFETCH_GROUP, accepted.size());
          for (int i = group; i < end; i++) {
            aggregator.prefetch(accepted.get(i));
          }
          for (int i = group; i < end; i++) {
            aggregator.add(accepted.get(i), batch.keyNumbers[i]);
          }
        }
        latestDate = Math.max(latestDate, batch.latestDate);
        outbox.add(new Outputs(this, batch.rejected, batch.facts, batch.rowsRead, batch.bytesRead, batch.filesRead));
      }
      aggregator.finish();
      last = new Done(this);
    } catch (Throwable e) {
      last = new Failed(this, e);
    }
    outbox.add(last);
  }

  // what a reader that is done leaves behind

  PartialTables partials() {
    return partials;
  }

  RecordAggregations.Aggregator aggregator() {
    return aggregator;
  }

  /** The accepted records' keys, numbered in reading order. */
  KeyNumbers acceptedKeys() {
    return validation.acceptedKeys();
  }

  /** The latest date of an accepted record, or {@code Long.MIN_VALUE} when none was accepted. */
  long latestDate() {
    return latestDate;
  }
}
