package org.offstats.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.offstats.disclosure.DisclosurePolicy;
import org.offstats.extract.AsAtDate;
import org.offstats.extract.ReadExtracts;
import org.offstats.extract.RejectedRow;
import org.offstats.extract.RowValidator;
import org.offstats.figures.ComputeHeadlines;
import org.offstats.policeuk.PoliceUkTables;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;
import org.offstats.tables.PartialTables;

/**
 * The offstats run job: ReadExtracts (read, validate, aggregate; every extract side by side) →
 * BuildTables (every force table, restricted/) → headline figures → WritePublished (disclosure
 * control, publish/).
 * This class only wires; {@link RunCommandRunner} validates options, runs it and publishes the run
 * folder.
 */
public final class OffstatsJob {
  private OffstatsJob() {}

  /** The rules each extract's records are checked against. */
  public static Map<String, RowValidator> validators(JobPlan plan) {
    Map<String, RowValidator> validators = new LinkedHashMap<>();
    for (CsvContract extract : Schemas.extracts()) {
      validators.put(extract.name(), RowValidator.forExtract(extract, plan.inputs().reference(), plan.fieldLimitBytes()));
    }
    return validators;
  }

  /** Wires the job on {@code pipeline}; tests call it on a TestPipeline. */
  public static void build(Pipeline pipeline, JobPlan plan) {
    registerCoders(pipeline);
    String root = plan.runRoot();

    PCollectionTuple read =
        pipeline.apply(
            "ReadExtracts",
            new ReadExtracts(
                plan.inputs().files(),
                plan.inputs().checksums(),
                plan.recordLimitBytes(),
                validators(plan),
                new RecordAggregations(plan.inputs().reference(), plan.figures()),
                plan.givenAsAt().orElse(plan.runDay())));
    PCollection<Long> asAtDay = AsAtDate.of(read.get(ReadExtracts.LATEST_DATE), plan.givenAsAt(), plan.runDay());
    PCollectionView<Long> asAt = asAtDay.apply("AsAtView", View.asSingleton());
    List<PCollection<KV<String, Long>>> facts = new ArrayList<>();
    PCollectionTuple tables = read.get(ReadExtracts.PARTIALS).apply("ForceTables", new BuildTables(root));
    facts.add(tables.get(BuildTables.FACTS));

    PCollectionTuple policeUk =
        pipeline.apply("PoliceUk", new PoliceUkTables(plan.inputs().policeUkFiles(), plan.inputs().checksums(), plan.recordLimitBytes(), root));
    facts.add(policeUk.get(PoliceUkTables.FACTS));

    DisclosurePolicy policy = DisclosurePolicy.bundled();
    PCollection<Headline> headlines =
        pipeline.apply("Headlines", new ComputeHeadlines(tables.get(BuildTables.HEADLINE_CELLS), policeUk.get(PoliceUkTables.ROWS), plan.figures(), asAt, policy));
    facts.add(
        pipeline.apply(
            "DisclosureControl",
            new WritePublished(tables.get(BuildTables.EXACT), headlines, asAt, plan.figures(), plan.inputs().reference(), policy, root)));

    PCollection<RejectedRow> rejected =
        PCollectionList.of(read.get(ReadExtracts.REJECTED)).and(policeUk.get(PoliceUkTables.REJECTED)).apply("AllRejects", Flatten.pCollections());
    WriteRunFolder.rejects(rejected, root);

    facts.add(read.get(ReadExtracts.FACTS));
    facts.add(asAtDay.apply("AsAtFact", ParDo.of(new AsAtFactFn())).setCoder(WriteRunFolder.factCoder()));
    WriteRunFolder.facts(PCollectionList.of(facts).apply("AllFacts", Flatten.pCollections()), root);
  }

  /** Explicit, deterministic coders for the job's own element types. */
  static void registerCoders(Pipeline pipeline) {
    CoderRegistry coders = pipeline.getCoderRegistry();
    coders.registerCoderForClass(RejectedRow.class, RejectedRow.Coder.of());
    coders.registerCoderForClass(CellStats.class, CellStats.Coder.of());
    coders.registerCoderForClass(PartialTables.class, PartialTables.Coder.of());
  }

  static final class AsAtFactFn extends DoFn<Long, KV<String, Long>> {
    @ProcessElement
    public void processElement(@Element Long day, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(RunFacts.key(RunFacts.AS_AT), day));
    }
  }
}
