package org.offstats.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;
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
import org.offstats.figures.HeadlineCells;
import org.offstats.tables.PartialTables;
import org.offstats.policeuk.PoliceUkTables;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.table.Headline;
import org.offstats.tables.ArrestOutcomesTable;
import org.offstats.tables.ArrestsByBcuTable;
import org.offstats.tables.ArrestsByOffenceGroupTable;
import org.offstats.tables.ArrestsByDemographicsTable;
import org.offstats.tables.ArrestsByOffenceTable;
import org.offstats.tables.CellStats;
import org.offstats.tables.CellTable;
import org.offstats.tables.ChargeRatesTable;
import org.offstats.tables.Contribution;
import org.offstats.tables.OutcomesByOffenceTable;
import org.offstats.tables.ProtectionOrdersTable;
import org.offstats.tables.TimeToOutcomeTable;

/**
 * The offstats run job: ReadExtracts (read, validate, aggregate) → one composite per published
 * table → WriteRunFolder. This class only wires; {@link RunCommandRunner} validates options, runs
 * it and publishes the run folder.
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

  /** The force tables, each a composite over the readers' partial tables. */
  private static List<CellTable<?>> forceTables() {
    return List.of(
        new ArrestsByOffenceTable(),
        new ArrestsByBcuTable(),
        new ArrestsByOffenceGroupTable(),
        new ArrestsByDemographicsTable(),
        new ArrestOutcomesTable(),
        new OutcomesByOffenceTable(),
        new ChargeRatesTable(),
        new TimeToOutcomeTable(),
        new ProtectionOrdersTable());
  }

  /** Every partial table the readers aggregate: the force tables and the headline figures. */
  private static List<String> partialTableNames() {
    List<String> names = new ArrayList<>();
    forceTables().forEach(t -> names.add(t.table()));
    names.add(HeadlineCells.TABLE);
    return names;
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
                plan.givenAsAt().orElse(plan.runDay()),
                partialTableNames()));
    PCollection<Long> asAtDay = AsAtDate.of(read.get(ReadExtracts.LATEST_DATE), plan.givenAsAt(), plan.runDay());
    PCollectionView<Long> asAt = asAtDay.apply("AsAtView", View.asSingleton());
    List<PCollection<KV<String, Long>>> facts = new ArrayList<>();
    Map<String, PCollection<? extends IndexedRecord>> exactTables = new LinkedHashMap<>();
    for (CellTable<?> table : forceTables()) {
      PCollection<? extends SpecificRecordBase> rows = read.get(PartialTables.tag(table.table())).apply(table.table(), table);
      exactTables.put(table.table(), rows);
      facts.add(WriteRunFolder.restrictedTable(rows, table.table(), root));
    }

    PCollectionTuple policeUk = pipeline.apply("PoliceUk", new PoliceUkTables(plan.inputs().policeUkFiles(), plan.inputs().checksums(), plan.recordLimitBytes()));
    PCollectionTuple headlineInputs = PCollectionTuple.of(ComputeHeadlines.PARTIALS, read.get(ComputeHeadlines.PARTIALS));
    for (PoliceUkTables.TableOf<?> table : PoliceUkTables.tables()) {
      PCollection<SpecificRecordBase> rows = policeUk.get(table.table());
      facts.add(WriteRunFolder.table(rows, table.table(), root));
      headlineInputs = headlineInputs.and(table.table(), rows);
    }

    DisclosurePolicy policy = DisclosurePolicy.bundled();
    PCollection<Headline> headlines = headlineInputs.apply("Headlines", new ComputeHeadlines(plan.figures(), asAt, policy));
    facts.add(
        pipeline.apply(
            "DisclosureControl",
            new WritePublished(exactTables, headlines, asAt, plan.figures(), plan.inputs().reference(), policy, root)));

    PCollection<RejectedRow> rejected =
        PCollectionList.of(read.get(ReadExtracts.REJECTED)).and(policeUk.get(PoliceUkTables.REJECTED)).apply("AllRejects", Flatten.pCollections());
    WriteRunFolder.rejects(rejected, root);

    facts.add(read.get(ReadExtracts.FACTS));
    facts.add(policeUk.get(PoliceUkTables.FACTS));
    facts.add(asAtDay.apply("AsAtFact", ParDo.of(new AsAtFactFn())).setCoder(WriteRunFolder.factCoder()));
    WriteRunFolder.facts(PCollectionList.of(facts).apply("AllFacts", Flatten.pCollections()), root);
  }

  /** Explicit, deterministic coders for the job's own element types. */
  static void registerCoders(Pipeline pipeline) {
    CoderRegistry coders = pipeline.getCoderRegistry();
    coders.registerCoderForClass(RejectedRow.class, RejectedRow.Coder.of());
    coders.registerCoderForClass(Contribution.class, Contribution.Coder.of());
    coders.registerCoderForClass(CellStats.class, CellStats.Coder.of());
  }

  static final class AsAtFactFn extends DoFn<Long, KV<String, Long>> {
    @ProcessElement
    public void processElement(@Element Long day, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(RunFacts.key(RunFacts.AS_AT), day));
    }
  }
}
