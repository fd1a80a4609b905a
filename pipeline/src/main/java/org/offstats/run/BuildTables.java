package org.offstats.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.offstats.figures.HeadlineCells;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;
import org.offstats.tables.AggregateCells;
import org.offstats.tables.CellStats;
import org.offstats.tables.CellTable;
import org.offstats.tables.ExactTables;
import org.offstats.tables.ForceTables;
import org.offstats.tables.PartialTables;

/**
 * Every force table from the readers' partial tables, in one step: each table's cells become its
 * rows, sorted by key; {@link WritePublished} writes them into {@code restricted/}, beside
 * disclosure control's search. The input is the readers' single
 * element holding every extract's partial tables ({@link
 * org.offstats.extract.ReadExtracts#PARTIALS}), taken as it is: no gathering step, whose grouping
 * the DirectRunner copies through the coder. One step for all tables, rather than a composite per
 * table, because the DirectRunner's cost per transform (it re-examines every transform's
 * watermarks while the job runs) was the largest share of a run's time, and the tables are small
 * once aggregated.
 *
 * <p>Outputs: {@link #EXACT}, every table's exact rows as one element (for disclosure control);
 * {@link #HEADLINE_CELLS}, the merged cells of the headline figures; {@link #FACTS}, each table's
 * row count.
 */
public final class BuildTables extends PTransform<PCollection<PartialTables>, PCollectionTuple> {
  public static final TupleTag<ExactTables> EXACT = new TupleTag<>() {};
  public static final TupleTag<Map<List<String>, CellStats>> HEADLINE_CELLS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> FACTS = new TupleTag<>() {};

  private final String runRoot;

  public BuildTables(String runRoot) {
    this.runRoot = runRoot;
  }

  @Override
  public PCollectionTuple expand(PCollection<PartialTables> partials) {
    PCollectionTuple built =
        partials
            .apply("BuildAndWriteRestricted", ParDo.of(new BuildFn(runRoot)).withOutputTags(EXACT, TupleTagList.of(HEADLINE_CELLS).and(FACTS)));
    built.get(EXACT).setCoder(ExactTables.Coder.of());
    built.get(HEADLINE_CELLS).setCoder(AggregateCells.TABLE_CODER);
    built.get(FACTS).setCoder(WriteRunFolder.factCoder());
    return built;
  }

  static final class BuildFn extends DoFn<PartialTables, ExactTables> {
    private final String runRoot;

    BuildFn(String runRoot) {
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element PartialTables merged, MultiOutputReceiver out) {
      RunLayout layout = new RunLayout(Path.of(runRoot));
      // each table's rows sorted on the pool beside the others; they are written into restricted/
      // in that order by disclosure control (WritePublished), while its search runs
      List<Callable<List<SpecificRecordBase>>> sorts = new ArrayList<>();
      for (CellTable<?> table : ForceTables.all()) {
        List<SpecificRecordBase> rows = new ArrayList<>(table.rows(merged.cells(table.table())));
        TableSchema schema = Schemas.table(table.table());
        Path file = layout.restrictedTable(table.table());
        sorts.add(() -> ParquetTableWriter.sortedByKeys(rows, schema.schema(), schema.keys(), file));
      }
      List<List<SpecificRecordBase>> written = SideBySide.run(sorts);
      Map<String, List<SpecificRecordBase>> exact = new LinkedHashMap<>();
      for (int t = 0; t < ForceTables.all().size(); t++) {
        String table = ForceTables.all().get(t).table();
        List<SpecificRecordBase> rows = written.get(t);
        out.get(FACTS).output(KV.of(RunFacts.key(RunFacts.TABLE_ROWS, table), (long) rows.size()));
        exact.put(table, rows);
      }
      out.get(HEADLINE_CELLS).output(merged.cells(HeadlineCells.TABLE));
      out.get(EXACT).output(new ExactTables(exact));
    }
  }
}
