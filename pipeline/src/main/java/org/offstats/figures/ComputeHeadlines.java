package org.offstats.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.avro.specific.SpecificRecordBase;
import org.offstats.domain.NumberFormats;
import org.offstats.policeuk.PoliceUkTables;
import org.offstats.extract.ReferenceData;
import org.offstats.run.CollectAll;
import org.offstats.run.RunLayout;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.table.Headline;
import org.offstats.tables.AggregateCells;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;

/**
 * {@code headlines} (OUTPUTS.md "Headline figures"): every figure of {@code figures/headlines.json}
 * computed over its whole scope (distinct persons over a period are not the sum of per-month
 * distinct counts), then {@code publish/headlines.json} and {@code headlines.md}.
 */
public final class ComputeHeadlines extends PTransform<PCollectionTuple, PCollection<Headline>> {
  public static final TupleTag<Arrest> ARRESTS = new TupleTag<>() {};
  public static final TupleTag<CrimeOutcome> CRIMES = new TupleTag<>() {};

  private final FigureDefinitions definitions;
  private final ReferenceData reference;
  private final PCollectionView<Long> asAt;

  public ComputeHeadlines(FigureDefinitions definitions, ReferenceData reference, PCollectionView<Long> asAt) {
    this.definitions = definitions;
    this.reference = reference;
    this.asAt = asAt;
  }

  @Override
  public PCollection<Headline> expand(PCollectionTuple input) {
    PCollection<KV<List<String>, Contribution>> fromArrests =
        input.get(ARRESTS).apply("ArrestContributions", ParDo.of(new ArrestContributionFn(definitions, reference, asAt)).withSideInputs(asAt));
    PCollection<KV<List<String>, Contribution>> fromCrimes =
        input.get(CRIMES).apply("CrimeContributions", ParDo.of(new CrimeContributionFn(definitions, reference, asAt)).withSideInputs(asAt));
    PCollectionList<KV<List<String>, Contribution>> all =
        PCollectionList.of(fromArrests.setCoder(AggregateCells.CONTRIBUTION_CODER)).and(fromCrimes.setCoder(AggregateCells.CONTRIBUTION_CODER));
    for (PoliceUkTables.TableOf<?> table : PoliceUkTables.tables()) {
      if (input.has(table.table())) {
        PCollection<SpecificRecordBase> rows = input.get(table.table());
        all = all.and(
            rows.apply("Contributions " + table.table(), ParDo.of(new TableRowContributionFn(definitions, table.table(), asAt)).withSideInputs(asAt))
                .setCoder(AggregateCells.CONTRIBUTION_CODER));
      }
    }
    return all
        .apply("AllContributions", Flatten.pCollections())
        .apply("CombinePerFigure", new AggregateCells())
        .apply("CollectFigures", Combine.globally(new CollectAll<KV<List<String>, CellStats>>()))
        .apply("BuildHeadlineRows", ParDo.of(new HeadlineRowsFn(definitions, asAt)).withSideInputs(asAt))
        .setCoder(AvroCoder.of(Headline.class));
  }

  /** Writes {@code publish/headlines.json} and {@code headlines.md}: published values only. */
  public static void writeStatements(PCollection<Headline> headlines, PCollectionView<Long> asAt, String runRoot) {
    headlines
        .apply("CollectHeadlines", Combine.globally(new CollectAll<Headline>()))
        .apply("WriteStatements", ParDo.of(new WriteStatementsFn(asAt, runRoot)).withSideInputs(asAt));
  }

  static final class ArrestContributionFn extends DoFn<Arrest, KV<List<String>, Contribution>> {
    private final FigureDefinitions definitions;
    private final ReferenceData reference;
    private final PCollectionView<Long> asAt;

    ArrestContributionFn(FigureDefinitions definitions, ReferenceData reference, PCollectionView<Long> asAt) {
      this.definitions = definitions;
      this.reference = reference;
      this.asAt = asAt;
    }

    @ProcessElement
    public void processElement(@Element Arrest arrest, ProcessContext context) {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      Map<String, String> attributes = null;
      for (FigureDefinition figure : definitions.figures()) {
        if (!figure.source().equals(FigureDefinition.SOURCE_ARRESTS)) {
          continue;
        }
        Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAtDate);
        if (window.isEmpty() || !window.get().contains(arrest.getArrestDate())) {
          continue;
        }
        if (attributes == null) {
          attributes = FigureMatcher.attributesOf(arrest, reference);
        }
        if (FigureMatcher.matches(figure.filters(), attributes)) {
          Contribution c = figure.unit().equals(FigureDefinition.PERSONS) ? Contribution.person(arrest.getPersonRef()) : Contribution.count();
          context.output(KV.of(List.of(figure.id()), c));
        }
      }
    }
  }

  static final class CrimeContributionFn extends DoFn<CrimeOutcome, KV<List<String>, Contribution>> {
    private final FigureDefinitions definitions;
    private final ReferenceData reference;
    private final PCollectionView<Long> asAt;

    CrimeContributionFn(FigureDefinitions definitions, ReferenceData reference, PCollectionView<Long> asAt) {
      this.definitions = definitions;
      this.reference = reference;
      this.asAt = asAt;
    }

    @ProcessElement
    public void processElement(@Element CrimeOutcome crime, ProcessContext context) {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      List<Map<String, String>> perScope = null;
      for (FigureDefinition figure : definitions.figures()) {
        if (!figure.source().equals(FigureDefinition.SOURCE_CRIMES)) {
          continue;
        }
        Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAtDate);
        if (window.isEmpty() || !window.get().contains(crime.getRecordedDate())) {
          continue;
        }
        if (perScope == null) {
          perScope = FigureMatcher.attributesOf(crime, reference);
        }
        // a crime counts once per figure, however many of its scopes match
        Optional<Map<String, String>> match = FigureMatcher.firstMatch(figure.filters(), perScope);
        if (match.isEmpty()) {
          continue;
        }
        Contribution c;
        switch (figure.unit()) {
          case FigureDefinition.RATE -> c = Contribution.flagged(FigureMatcher.matches(figure.numerator(), match.get()));
          case FigureDefinition.DAYS -> {
            if (crime.getOutcomeDate() == null) {
              continue;
            }
            c = Contribution.days((int) ChronoUnit.DAYS.between(crime.getRecordedDate(), crime.getOutcomeDate()));
          }
          default -> c = Contribution.count();
        }
        context.output(KV.of(List.of(figure.id()), c));
      }
    }
  }

  /**
   * Figures over a police.uk table: each row is a cell already counted, added with its count when
   * its month (judged by the month's first day) is in the figure's period and its keys match.
   */
  static final class TableRowContributionFn extends DoFn<SpecificRecordBase, KV<List<String>, Contribution>> {
    private final FigureDefinitions definitions;
    private final String table;
    private final PCollectionView<Long> asAt;

    TableRowContributionFn(FigureDefinitions definitions, String table, PCollectionView<Long> asAt) {
      this.definitions = definitions;
      this.table = table;
      this.asAt = asAt;
    }

    @ProcessElement
    public void processElement(@Element SpecificRecordBase row, ProcessContext context) {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      Map<String, String> attributes = FigureMatcher.attributesOf(row);
      Optional<LocalDate> month = FigureMatcher.monthStart(attributes.get("month"));
      long records = (Long) row.get(row.getSchema().getFields().size() - 1);
      for (FigureDefinition figure : definitions.figures()) {
        if (!figure.source().equals(table) || month.isEmpty()) {
          continue;
        }
        Optional<FigureMatcher.Window> window = FigureMatcher.window(figure.period(), asAtDate);
        if (window.isPresent() && window.get().contains(month.get()) && FigureMatcher.matches(figure.filters(), attributes)) {
          context.output(KV.of(List.of(figure.id()), Contribution.counted(records)));
        }
      }
    }
  }

  static final class HeadlineRowsFn extends DoFn<List<KV<List<String>, CellStats>>, Headline> {
    private final FigureDefinitions definitions;
    private final PCollectionView<Long> asAt;

    HeadlineRowsFn(FigureDefinitions definitions, PCollectionView<Long> asAt) {
      this.definitions = definitions;
      this.asAt = asAt;
    }

    @ProcessElement
    public void processElement(@Element List<KV<List<String>, CellStats>> figures, ProcessContext context) {
      Map<String, CellStats> byId = new HashMap<>();
      figures.forEach(f -> byId.put(f.getKey().get(0), f.getValue()));
      Headlines.build(definitions.figures(), byId, LocalDate.ofEpochDay(context.sideInput(asAt))).forEach(context::output);
    }
  }

  static final class WriteStatementsFn extends DoFn<List<Headline>, Void> {
    private final PCollectionView<Long> asAt;
    private final String runRoot;

    WriteStatementsFn(PCollectionView<Long> asAt, String runRoot) {
      this.asAt = asAt;
      this.runRoot = runRoot;
    }

    @ProcessElement
    public void processElement(@Element List<Headline> headlines, ProcessContext context) throws IOException {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      List<Headline> sorted = headlines.stream().sorted((a, b) -> org.offstats.domain.CodePointOrder.compare(a.getFigureId(), b.getFigureId())).toList();
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = json.createObjectNode();
      root.put("as_at", asAtDate.toString());
      ArrayNode figures = root.putArray("figures");
      StringBuilder markdown = new StringBuilder("# Headline figures\n\nAs at ").append(NumberFormats.longDate(asAtDate)).append(".\n\n");
      for (Headline h : sorted) {
        ObjectNode figure = figures.addObject();
        figure.put("figure_id", h.getFigureId());
        figure.put("unit", h.getUnit());
        if (h.getPublishedValue() == null) {
          figure.putNull("published_value");
        } else {
          figure.put("published_value", h.getPublishedValue());
        }
        figure.put("statement", h.getStatement());
        markdown.append("- ").append(h.getStatement()).append(" (`").append(h.getFigureId()).append("`, unit: ").append(h.getUnit()).append(")\n");
      }
      RunLayout layout = new RunLayout(Path.of(runRoot));
      Files.writeString(layout.publish().resolve("headlines.json"), json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.writeString(layout.publish().resolve("headlines.md"), markdown.toString(), StandardCharsets.UTF_8);
    }
  }
}
