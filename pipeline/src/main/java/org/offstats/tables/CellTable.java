package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * A published table built from the partial tables the readers aggregated: this table's partials
 * are merged exactly into one table of cells, and each cell becomes a row. Subclasses, one per
 * table and named after it, say how a cell becomes a row.
 */
public abstract class CellTable<R extends SpecificRecordBase>
    extends PTransform<PCollection<Map<List<String>, CellStats>>, PCollection<R>> {

  /** The table's name, as in {@code schemas/tables/}. */
  public abstract String table();

  protected abstract Class<R> rowClass();

  /** Turns one cell and its statistics into a row. */
  protected abstract DoFn<KV<List<String>, CellStats>, R> toRow();

  @Override
  public PCollection<R> expand(PCollection<Map<List<String>, CellStats>> partials) {
    return partials
        .apply("MergePartials", Combine.globally(new MergeTablesFn()))
        .apply("ToCells", ParDo.of(new AggregateCells.ToCellsFn()))
        .setCoder(KvCoder.of(AggregateCells.KEY_CODER, CellStats.Coder.of()))
        .apply("ToRows", ParDo.of(toRow()))
        .setCoder(AvroCoder.of(rowClass()));
  }

  /** Exact merge of partial tables: counts add, sets and histograms merge. */
  public static final class MergeTablesFn
      extends Combine.CombineFn<Map<List<String>, CellStats>, Map<List<String>, CellStats>, Map<List<String>, CellStats>> {
    @Override
    public Map<List<String>, CellStats> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<List<String>, CellStats> addInput(Map<List<String>, CellStats> merged, Map<List<String>, CellStats> partial) {
      partial.forEach((cell, stats) -> merged.computeIfAbsent(cell, k -> new CellStats()).merge(stats));
      return merged;
    }

    @Override
    public Map<List<String>, CellStats> mergeAccumulators(Iterable<Map<List<String>, CellStats>> accumulators) {
      Map<List<String>, CellStats> merged = new HashMap<>();
      accumulators.forEach(a -> addInput(merged, a));
      return merged;
    }

    @Override
    public Map<List<String>, CellStats> extractOutput(Map<List<String>, CellStats> merged) {
      return merged;
    }

    @Override
    public Coder<Map<List<String>, CellStats>> getAccumulatorCoder(CoderRegistry registry, Coder<Map<List<String>, CellStats>> inputCoder) {
      return AggregateCells.TABLE_CODER;
    }

    @Override
    public Coder<Map<List<String>, CellStats>> getDefaultOutputCoder(CoderRegistry registry, Coder<Map<List<String>, CellStats>> inputCoder) {
      return AggregateCells.TABLE_CODER;
    }
  }
}
