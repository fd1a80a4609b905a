package org.offstats.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.offstats.disclosure.AdditiveRelations;
import org.offstats.disclosure.DisclosurePolicy;
import org.offstats.disclosure.ForceCells;
import org.offstats.disclosure.HeadlineDisclosure;
import org.offstats.disclosure.PublishedRows;
import org.offstats.disclosure.Relation;
import org.offstats.disclosure.Suppression;
import org.offstats.extract.ReferenceData;
import org.offstats.figures.ComputeHeadlines;
import org.offstats.figures.FigureDefinitions;
import org.offstats.schema.Schemas;
import org.offstats.schema.TableSchema;
import org.offstats.schema.table.Headline;
import org.offstats.tables.ExactTables;

/**
 * Disclosure control and the writing of the force tables and headline figures. Secondary
 * suppression and headline checks look across tables, so every force table's exact rows (the
 * single element of {@link BuildTables#EXACT}, the main input) and the headline rows (a side
 * input, like {@link GatherAll}) reach one step together. It writes each force table's exact rows
 * into {@code restricted/} on two threads while it suppresses (see {@code
 * org.offstats.disclosure}), then writes each force table's published file, the headline table in
 * {@code restricted/} and {@code publish/} and the headline statements, and outputs how many cells
 * each table withholds as facts for the manifest.
 */
public final class WritePublished extends PTransform<PBegin, PCollection<KV<String, Long>>> {
  public static final String WITHHELD = "withheld";

  private final PCollection<ExactTables> forceTables;
  private final PCollection<Headline> headlines;
  private final PCollectionView<Long> asAt;
  private final FigureDefinitions figures;
  private final ReferenceData reference;
  private final DisclosurePolicy policy;
  private final String runRoot;

  public WritePublished(
      PCollection<ExactTables> forceTables,
      PCollection<Headline> headlines,
      PCollectionView<Long> asAt,
      FigureDefinitions figures,
      ReferenceData reference,
      DisclosurePolicy policy,
      String runRoot) {
    this.forceTables = forceTables;
    this.headlines = headlines;
    this.asAt = asAt;
    this.figures = figures;
    this.reference = reference;
    this.policy = policy;
    this.runRoot = runRoot;
  }

  @Override
  public PCollection<KV<String, Long>> expand(PBegin begin) {
    List<PCollectionView<?>> sideInputs = new ArrayList<>();
    PCollectionView<Iterable<Headline>> headlineView = headlines.apply("AllHeadlines", View.asIterable());
    sideInputs.add(headlineView);
    sideInputs.add(asAt);
    // the force tables' one element is the main input, taken as it is (as a side input the
    // DirectRunner would copy it through its coder); the headlines and as-at date are small
    return forceTables
        .apply("SuppressAndWrite", ParDo.of(new PublishFn(headlineView, asAt, figures, reference, policy, runRoot)).withSideInputs(sideInputs))
        .setCoder(WriteRunFolder.factCoder());
  }

  static final class PublishFn extends DoFn<ExactTables, KV<String, Long>> {
    private final PCollectionView<Iterable<Headline>> headlineView;
    private final PCollectionView<Long> asAt;
    private final FigureDefinitions figures;
    private final ReferenceData reference;
    private final DisclosurePolicy policy;
    private final String runRoot;

    PublishFn(
        PCollectionView<Iterable<Headline>> headlineView,
        PCollectionView<Long> asAt,
        FigureDefinitions figures,
        ReferenceData reference,
        DisclosurePolicy policy,
        String runRoot) {
      this.headlineView = headlineView;
      this.asAt = asAt;
      this.figures = figures;
      this.reference = reference;
      this.policy = policy;
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element ExactTables forceTables, ProcessContext context) throws IOException {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      Map<String, List<IndexedRecord>> exact = new LinkedHashMap<>();
      forceTables.rows().forEach((name, rows) -> exact.put(name, new ArrayList<>(rows)));
      List<Headline> headlineRows = new ArrayList<>();
      context.sideInput(headlineView).forEach(headlineRows::add);

      RunLayout layout = new RunLayout(Path.of(runRoot));
      // restricted/ is written on the pool while the search below runs on this thread; it is
      // complete before publish/ is written, as when it was written in a step of its own
      List<Callable<Void>> restrictedWrites = new ArrayList<>();
      forceTables.rows().forEach((name, rows) -> restrictedWrites.add(() -> {
        ParquetTableWriter.writeInOrder(rows, Schemas.table(name).schema(), layout.restrictedTable(name), true);
        return null;
      }));
      Suppression suppression;
      ForceCells cells;
      try (SideBySide.Running<Void> restricted = SideBySide.start(restrictedWrites)) {
        cells = new ForceCells(exact);
        List<Relation> relations =
            AdditiveRelations.of(
                cells, AdditiveRelations.Hierarchy.of(reference), HeadlineDisclosure.totals(headlineRows, figures.figures(), asAtDate));
        suppression = Suppression.of(cells, relations, policy);
        restricted.results();
      }
      List<WriteRunFolder.PublishedFile> files = new ArrayList<>();
      for (String table : cells.tables()) {
        TableSchema schema = cells.schema(table);
        files.addAll(WriteRunFolder.publishedFiles(PublishedRows.of(table, cells, suppression, policy), schema.publishedSchema(), table, layout));
      }
      SideBySide.run(files);
      for (String table : cells.tables()) {
        context.output(KV.of(RunFacts.key(WITHHELD, table, Suppression.Reason.PRIMARY.name().toLowerCase()), suppression.count(table, Suppression.Reason.PRIMARY)));
        context.output(KV.of(RunFacts.key(WITHHELD, table, Suppression.Reason.SECONDARY.name().toLowerCase()), suppression.count(table, Suppression.Reason.SECONDARY)));
      }

      List<Headline> published = HeadlineDisclosure.withholdSuppressedCells(headlineRows, figures.figures(), cells, suppression, asAtDate);
      TableSchema headlineTable = Schemas.table("headlines");
      ParquetTableWriter.write(published, headlineTable.schema(), headlineTable.keys(), layout.restrictedTable("headlines"), true);
      List<IndexedRecord> projected = new ArrayList<>();
      published.forEach(h -> projected.add(ParquetTableWriter.project(h, headlineTable.publishedSchema())));
      WriteRunFolder.writePublished(projected, headlineTable.publishedSchema(), "headlines", layout);
      ComputeHeadlines.writeStatements(published, figures, asAtDate, layout);
      context.output(KV.of(RunFacts.key(RunFacts.TABLE_ROWS, "headlines"), (long) published.size()));
    }
  }
}
