package org.offstats.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.offstats.extract.CheckedRow;
import org.offstats.extract.ReadExtracts;
import org.offstats.extract.Records;
import org.offstats.extract.RejectedRow;
import org.offstats.extract.RowValidator;
import org.offstats.extract.AsAtDate;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionView;
import org.offstats.figures.ComputeHeadlines;
import org.offstats.policeuk.PoliceUkTables;
import org.apache.avro.specific.SpecificRecordBase;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.tables.ArrestOutcomesTable;
import org.offstats.tables.ArrestsByBcuTable;
import org.offstats.tables.ArrestsByDemographicsTable;
import org.offstats.tables.ArrestsByOffenceTable;
import org.offstats.tables.ChargeRatesTable;
import org.offstats.tables.OutcomesByOffenceTable;
import org.offstats.tables.ProtectionOrdersTable;
import org.offstats.tables.TimeToOutcomeTable;
import org.offstats.extract.ReferenceData;

/**
 * The offstats run job: ReadExtracts → ValidateRows → one composite per published table →
 * WriteRunFolder. This class only wires; {@link RunCommandRunner} validates options, runs it and
 * publishes the run folder.
 */
public final class OffstatsJob {
  private static final TupleTag<Arrest> ARRESTS = new TupleTag<>() {};
  private static final TupleTag<CrimeOutcome> CRIMES = new TupleTag<>() {};
  private static final TupleTag<ProtectionOrderEvent> ORDER_EVENTS = new TupleTag<>() {};

  private OffstatsJob() {}

  /** The rules each extract's records are checked against. */
  public static Map<String, RowValidator> validators(JobPlan plan) {
    Map<String, RowValidator> validators = new LinkedHashMap<>();
    for (CsvContract extract : Schemas.extracts()) {
      validators.put(extract.name(), RowValidator.forExtract(extract, plan.inputs().reference(), plan.fieldLimitBytes()));
    }
    return validators;
  }

  public static void build(Pipeline pipeline, JobPlan plan) {
    registerCoders(pipeline);
    Map<String, RowValidator> validators = validators(plan);
    ReferenceData reference = plan.inputs().reference();
    String root = plan.runRoot();

    PCollectionTuple read =
        pipeline.apply("ReadExtracts", new ReadExtracts(plan.inputs().files(), validators, plan.givenAsAt().orElse(plan.runDay())));
    PCollection<CheckedRow> accepted = read.get(ReadExtracts.ACCEPTED);
    PCollection<Long> asAtValue = AsAtDate.of(accepted, plan.givenAsAt(), plan.runDay());
    PCollectionView<Long> asAt = asAtValue.apply("AsAtView", View.asSingleton());

    PCollectionTuple typed =
        accepted
            .apply("SplitByExtract", ParDo.of(new SplitByExtractFn()).withOutputTags(ARRESTS, TupleTagList.of(CRIMES).and(ORDER_EVENTS)));
    PCollection<Arrest> arrests = typed.get(ARRESTS).setCoder(AvroCoder.of(Arrest.class));
    PCollection<CrimeOutcome> crimes = typed.get(CRIMES).setCoder(AvroCoder.of(CrimeOutcome.class));
    PCollection<ProtectionOrderEvent> orderEvents = typed.get(ORDER_EVENTS).setCoder(AvroCoder.of(ProtectionOrderEvent.class));

    List<PCollection<KV<String, Long>>> tableRows =
        List.of(
            WriteRunFolder.table(arrests.apply("ArrestsByOffence", new ArrestsByOffenceTable(reference)), "arrests_by_offence", root),
            WriteRunFolder.table(arrests.apply("ArrestsByBcu", new ArrestsByBcuTable(reference)), "arrests_by_bcu", root),
            WriteRunFolder.table(arrests.apply("ArrestsByDemographics", new ArrestsByDemographicsTable(reference)), "arrests_by_demographics", root),
            WriteRunFolder.table(
                PCollectionTuple.of(ArrestOutcomesTable.ARRESTS, arrests)
                    .and(ArrestOutcomesTable.CRIMES, crimes)
                    .apply("ArrestOutcomes", new ArrestOutcomesTable(reference)),
                "arrest_outcomes",
                root),
            WriteRunFolder.table(crimes.apply("OutcomesByOffence", new OutcomesByOffenceTable(reference)), "outcomes_by_offence", root),
            WriteRunFolder.table(crimes.apply("ChargeRates", new ChargeRatesTable(reference)), "charge_rates", root),
            WriteRunFolder.table(crimes.apply("TimeToOutcome", new TimeToOutcomeTable(reference)), "time_to_outcome", root),
            WriteRunFolder.table(orderEvents.apply("ProtectionOrders", new ProtectionOrdersTable()), "protection_orders", root));

    PCollectionTuple policeUk = pipeline.apply("PoliceUk", new PoliceUkTables(plan.inputs().policeUkFiles()));
    List<PCollection<KV<String, Long>>> policeUkRows = new java.util.ArrayList<>();
    PCollectionTuple headlineInputs = PCollectionTuple.of(ComputeHeadlines.ARRESTS, arrests).and(ComputeHeadlines.CRIMES, crimes);
    for (PoliceUkTables.TableOf<?> table : PoliceUkTables.tables()) {
      PCollection<SpecificRecordBase> rows = policeUk.get(table.table());
      policeUkRows.add(WriteRunFolder.table(rows, table.table(), root));
      headlineInputs = headlineInputs.and(table.table(), rows);
    }

    PCollection<org.offstats.schema.table.Headline> headlines =
        headlineInputs
            .apply("Headlines", new ComputeHeadlines(plan.figures(), reference, asAt));
    PCollection<KV<String, Long>> headlineRows = WriteRunFolder.table(headlines, "headlines", root);
    ComputeHeadlines.writeStatements(headlines, asAt, root);

    PCollection<RejectedRow> rejected =
        PCollectionList.of(read.get(ReadExtracts.REJECTED))
            .and(policeUk.get(PoliceUkTables.REJECTED))
            .apply("AllRejects", Flatten.pCollections());
    WriteRunFolder.rejects(rejected, root);

    PCollectionList<KV<String, Long>> facts =
        PCollectionList.of(countFacts(accepted, rejected))
            .and(read.get(ReadExtracts.BLANK_LINES).apply("BlankLineFacts", ParDo.of(new BlankLineFactsFn())).setCoder(WriteRunFolder.factCoder()))
            .and(asAtValue.apply("AsAtFact", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(day -> KV.of(RunFacts.key(RunFacts.AS_AT), day))).setCoder(WriteRunFolder.factCoder()))
            .and(headlineRows)
            .and(policeUk.get(PoliceUkTables.FACTS).setCoder(WriteRunFolder.factCoder()));
    for (PCollection<KV<String, Long>> rows : policeUkRows) {
      facts = facts.and(rows);
    }
    for (PCollection<KV<String, Long>> rows : tableRows) {
      facts = facts.and(rows);
    }
    WriteRunFolder.facts(facts.apply("AllFacts", Flatten.pCollections()), root);
  }

  /** Explicit, deterministic coders for the job's own element types. */
  static void registerCoders(Pipeline pipeline) {
    CoderRegistry coders = pipeline.getCoderRegistry();
    coders.registerCoderForClass(CheckedRow.class, CheckedRow.Coder.of());
    coders.registerCoderForClass(RejectedRow.class, RejectedRow.Coder.of());
    coders.registerCoderForClass(Contribution.class, Contribution.Coder.of());
    coders.registerCoderForClass(CellStats.class, CellStats.Coder.of());
  }

  /** Rows accepted per file and rejected per file and reason, counted as data. */
  private static PCollection<KV<String, Long>> countFacts(PCollection<CheckedRow> accepted, PCollection<RejectedRow> rejected) {
    PCollection<String> acceptedKeys =
        accepted.apply("AcceptedPerFile", MapElements.into(TypeDescriptors.strings()).via(r -> RunFacts.key(RunFacts.ACCEPTED, r.file())));
    PCollection<String> rejectedKeys =
        rejected.apply("RejectedPerFileAndReason", MapElements.into(TypeDescriptors.strings())
            .via(r -> RunFacts.key(RunFacts.REJECTED, r.file(), r.reason().name())));
    return PCollectionList.of(acceptedKeys)
        .and(rejectedKeys)
        .apply("RecordOutcomes", Flatten.pCollections())
        .apply("CountPerFileAndOutcome", Count.perElement())
        .setCoder(WriteRunFolder.factCoder());
  }

  /** Turns accepted rows into the generated record class of their extract. */
  static final class SplitByExtractFn extends DoFn<CheckedRow, Arrest> {
    @ProcessElement
    public void processElement(@Element CheckedRow row, MultiOutputReceiver out) {
      switch (row.extract()) {
        case "arrests" -> out.get(ARRESTS).output(Records.fill(new Arrest(), row.values()));
        case "outcomes" -> out.get(CRIMES).output(Records.fill(new CrimeOutcome(), row.values()));
        case "protection_orders" -> out.get(ORDER_EVENTS).output(Records.fill(new ProtectionOrderEvent(), row.values()));
        default -> throw new IllegalStateException("no record class for extract " + row.extract());
      }
    }
  }

  static final class BlankLineFactsFn extends DoFn<KV<String, List<Long>>, KV<String, Long>> {
    @ProcessElement
    public void processElement(@Element KV<String, List<Long>> blank, OutputReceiver<KV<String, Long>> out) {
      for (Long line : blank.getValue()) {
        out.output(KV.of(RunFacts.key(RunFacts.BLANK_LINE, blank.getKey(), Long.toString(line)), 1L));
      }
    }
  }
}
