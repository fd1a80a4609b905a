package org.offstats.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Gathers a whole (small, already aggregated) collection into one list, the single element of its
 * output, so that one writer sees every row and can sort them. An empty input gives one empty
 * list, so empty tables are still written. The list's order is unspecified: every consumer sorts
 * or merges exactly.
 *
 * <p>The collection reaches the one element as a side input, not through a global combine. Flink
 * (batch) sorts every combine's and group's records in fixed slices of managed memory shared by
 * all such steps of the job, and fails with "Record too large" when one record (a list of every
 * row, or a partial table with its person sets) outgrows its slice: at the default embedded
 * memory that happened already on the bundled sample. A side input is broadcast and held on the
 * heap, with no per-record limit, and every runner materialises it whole before the one element
 * is processed.
 */
public final class GatherAll<T> extends PTransform<PCollection<T>, PCollection<List<T>>> {
  private GatherAll() {}

  public static <T> GatherAll<T> of() {
    return new GatherAll<>();
  }

  @Override
  public PCollection<List<T>> expand(PCollection<T> input) {
    PCollectionView<Iterable<T>> all = input.apply("AsIterable", View.asIterable());
    return input
        .getPipeline()
        .apply("Once", Impulse.create())
        .apply("ToList", ParDo.of(new ToListFn<T>(all)).withSideInputs(all))
        .setCoder(ListCoder.of(input.getCoder()));
  }

  /** Copies the side input into a list; its elements are shared with the runner and not changed. */
  static final class ToListFn<T> extends DoFn<byte[], List<T>> {
    private final PCollectionView<Iterable<T>> all;

    ToListFn(PCollectionView<Iterable<T>> all) {
      this.all = all;
    }

    @ProcessElement
    public void processElement(ProcessContext context) {
      List<T> list = new ArrayList<>();
      context.sideInput(all).forEach(list::add);
      context.output(list);
    }
  }
}
