package org.offstats.tables;

import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
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
        .apply("MergePartials", new MergePartials())
        .apply("ToCells", ParDo.of(new AggregateCells.ToCellsFn()))
        .setCoder(KvCoder.of(AggregateCells.KEY_CODER, CellStats.Coder.of()))
        .apply("ToRows", ParDo.of(toRow()))
        .setCoder(AvroCoder.of(rowClass()));
  }
}
