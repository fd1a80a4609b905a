package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Exact cell statistics for contributions that arrive one by one (police.uk figure
 * contributions): a cell key is the table's key values in schema order, as strings ({@code
 * true}/{@code false} for booleans), so its coder is deterministic. A whole table is one
 * accumulator: a published table has at most tens of thousands of cells, and a keyed combine per
 * cell costs runners such as the DirectRunner far more per key than the work.
 */
public final class AggregateCells {

  public static final Coder<List<String>> KEY_CODER = ListCoder.of(StringUtf8Coder.of());
  public static final Coder<KV<List<String>, Contribution>> CONTRIBUTION_CODER =
      KvCoder.of(KEY_CODER, Contribution.Coder.of());
  public static final Coder<Map<List<String>, CellStats>> TABLE_CODER = MapCoder.of(KEY_CODER, CellStats.Coder.of());

  private AggregateCells() {}

  /** Exact, order-independent combination of contributions into a table of cells. */
  public static final class CellTableFn
      extends Combine.CombineFn<KV<List<String>, Contribution>, Map<List<String>, CellStats>, Map<List<String>, CellStats>> {
    @Override
    public Map<List<String>, CellStats> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<List<String>, CellStats> addInput(Map<List<String>, CellStats> table, KV<List<String>, Contribution> input) {
      table.computeIfAbsent(input.getKey(), k -> new CellStats()).add(input.getValue());
      return table;
    }

    @Override
    public Map<List<String>, CellStats> mergeAccumulators(Iterable<Map<List<String>, CellStats>> tables) {
      Map<List<String>, CellStats> merged = new HashMap<>();
      for (Map<List<String>, CellStats> table : tables) {
        table.forEach((cell, stats) -> merged.computeIfAbsent(cell, k -> new CellStats()).merge(stats));
      }
      return merged;
    }

    @Override
    public Map<List<String>, CellStats> extractOutput(Map<List<String>, CellStats> table) {
      return table;
    }

    @Override
    public Coder<Map<List<String>, CellStats>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<List<String>, Contribution>> inputCoder) {
      return TABLE_CODER;
    }

    @Override
    public Coder<Map<List<String>, CellStats>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<List<String>, Contribution>> inputCoder) {
      return TABLE_CODER;
    }
  }

  public static final class ToCellsFn extends DoFn<Map<List<String>, CellStats>, KV<List<String>, CellStats>> {
    @ProcessElement
    public void processElement(@Element Map<List<String>, CellStats> table, OutputReceiver<KV<List<String>, CellStats>> out) {
      table.forEach((cell, stats) -> out.output(KV.of(cell, stats)));
    }
  }
}
