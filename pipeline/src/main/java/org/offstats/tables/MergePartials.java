package org.offstats.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.offstats.run.GatherAll;

/**
 * Merges partial tables exactly into one table, the single element of the output: counts add,
 * person sets and day histograms merge, so the result does not depend on how the partials were
 * split or in which order they come. No partials give one empty table.
 *
 * <p>The partials are gathered by {@link GatherAll} (a side input), not merged by a global
 * combine: on Flink a combine's records must fit a small slice of managed memory, and a partial
 * table with its person sets outgrows it.
 */
public final class MergePartials
    extends PTransform<PCollection<Map<List<String>, CellStats>>, PCollection<Map<List<String>, CellStats>>> {

  @Override
  public PCollection<Map<List<String>, CellStats>> expand(PCollection<Map<List<String>, CellStats>> partials) {
    return partials
        .apply("GatherPartials", GatherAll.of())
        .apply("Merge", ParDo.of(new MergeFn()))
        .setCoder(AggregateCells.TABLE_CODER);
  }

  /** A new table holding the exact merge of {@code partials}; the partials are not changed. */
  public static Map<List<String>, CellStats> merge(Iterable<Map<List<String>, CellStats>> partials) {
    Map<List<String>, CellStats> merged = new HashMap<>();
    for (Map<List<String>, CellStats> partial : partials) {
      partial.forEach((cell, stats) -> merged.computeIfAbsent(cell, k -> new CellStats()).merge(stats));
    }
    return merged;
  }

  static final class MergeFn extends DoFn<List<Map<List<String>, CellStats>>, Map<List<String>, CellStats>> {
    @ProcessElement
    public void processElement(
        @Element List<Map<List<String>, CellStats>> partials, OutputReceiver<Map<List<String>, CellStats>> out) {
      out.output(merge(partials));
    }
  }
}
