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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.offstats.disclosure.DisclosurePolicy;
import org.offstats.disclosure.HeadlineDisclosure;
import org.offstats.domain.NumberFormats;
import org.offstats.run.CannotWriteException;
import org.offstats.run.RunLayout;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellSink;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;
import org.offstats.tables.ExactTables;

/**
 * {@code headlines} (OUTPUTS.md "Headline figures"): every figure of {@code figures/headlines.json}
 * computed over its whole scope (distinct persons over a period are not the sum of per-month
 * distinct counts), then {@code publish/headlines.json} and {@code headlines.md}.
 */
public final class ComputeHeadlines extends PTransform<PBegin, PCollection<Headline>> {
  private final PCollection<Map<List<String>, CellStats>> forceCells;
  private final PCollection<ExactTables> policeUkRows;
  private final FigureDefinitions definitions;
  private final PCollectionView<Long> asAt;
  private final DisclosurePolicy policy;

  /**
   * @param forceCells the figures' cells the force readers aggregated, merged (one element)
   * @param policeUkRows the police.uk tables' rows (one element)
   */
  public ComputeHeadlines(
      PCollection<Map<List<String>, CellStats>> forceCells, PCollection<ExactTables> policeUkRows, FigureDefinitions definitions,
      PCollectionView<Long> asAt, DisclosurePolicy policy) {
    this.forceCells = forceCells;
    this.policeUkRows = policeUkRows;
    this.definitions = definitions;
    this.asAt = asAt;
    this.policy = policy;
  }

  @Override
  public PCollection<Headline> expand(PBegin begin) {
    PCollectionView<Map<List<String>, CellStats>> cells = forceCells.apply("ForceFigureCells", View.asSingleton());
    PCollectionView<ExactTables> rows = policeUkRows.apply("PoliceUkRows", View.asSingleton());
    return begin
        .apply("Once", Impulse.create())
        .apply("BuildHeadlineRows", ParDo.of(new HeadlineRowsFn(cells, rows, definitions, asAt, policy)).withSideInputs(cells, rows, asAt))
        .setCoder(AvroCoder.of(Headline.class));
  }

  /**
   * Figures over a police.uk table: each row is a cell already counted, added with its count when
   * its month (judged by the month's first day) is in the figure's period and its keys match.
   */
  static void addPoliceUkRows(String table, List<SpecificRecordBase> rows, FigureDefinitions definitions, LocalDate asAtDate, CellSink cells) {
    for (SpecificRecordBase row : rows) {
      Map<String, String> attributes = FigureMatcher.attributesOf(row);
      Optional<LocalDate> month = FigureMatcher.monthStart(attributes.get("month"));
      long records = (Long) row.get(row.getSchema().getFields().size() - 1);
      for (FigureDefinition figure : definitions.figures()) {
        if (!figure.source().equals(table) || month.isEmpty()) {
          continue;
        }
        // police.uk records have no as-at bound of their own, so a period ending at as-at is
        // bounded here (force records after as-at were rejected when read)
        if (month.get().isAfter(asAtDate)) {
          continue;
        }
        Optional<String> bucket = FigureMatcher.bucket(figure.period(), month.get());
        if (bucket.isPresent() && FigureMatcher.matches(figure.filters(), attributes)) {
          cells.add(List.of(figure.id(), bucket.get()), Contribution.counted(records));
        }
      }
    }
  }

  /**
   * Adds the police.uk figures' cells to the force ones, picks each figure's cell (its period
   * bucket, given as-at) and builds the headline rows.
   */
  static final class HeadlineRowsFn extends DoFn<byte[], Headline> {
    private final PCollectionView<Map<List<String>, CellStats>> forceCells;
    private final PCollectionView<ExactTables> policeUkRows;
    private final FigureDefinitions definitions;
    private final PCollectionView<Long> asAt;
    private final DisclosurePolicy policy;

    HeadlineRowsFn(
        PCollectionView<Map<List<String>, CellStats>> forceCells, PCollectionView<ExactTables> policeUkRows, FigureDefinitions definitions,
        PCollectionView<Long> asAt, DisclosurePolicy policy) {
      this.forceCells = forceCells;
      this.policeUkRows = policeUkRows;
      this.definitions = definitions;
      this.asAt = asAt;
      this.policy = policy;
    }

    @ProcessElement
    public void processElement(ProcessContext context) {
      LocalDate asAtDate = LocalDate.ofEpochDay(context.sideInput(asAt));
      // a new table of cells: the side inputs are shared with the runner and not changed
      Map<List<String>, CellStats> cells = new HashMap<>();
      context.sideInput(forceCells).forEach((cell, stats) -> cells.computeIfAbsent(cell, k -> new CellStats()).merge(stats));
      CellSink sink = (cell, contribution) -> cells.computeIfAbsent(cell, k -> new CellStats()).add(contribution);
      context.sideInput(policeUkRows).rows().forEach((table, rows) -> addPoliceUkRows(table, rows, definitions, asAtDate, sink));

      Map<String, CellStats> byId = new HashMap<>();
      for (FigureDefinition figure : definitions.figures()) {
        FigureMatcher.chosenBucket(figure.period(), asAtDate)
            .map(bucket -> cells.get(List.of(figure.id(), bucket)))
            .ifPresent(stats -> byId.put(figure.id(), stats));
      }
      List<Headline> rows = Headlines.build(definitions.figures(), byId, asAtDate);
      HeadlineDisclosure.withholdSmall(rows, definitions.figures(), byId, policy, asAtDate).forEach(context::output);
    }
  }

  /** Writes {@code publish/headlines.json} and {@code headlines.md}: published values only. */
  public static void writeStatements(List<Headline> headlines, FigureDefinitions definitions, LocalDate asAtDate, RunLayout layout) throws IOException {
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
      definitions.acknowledgement(h.getFigureId()).ifPresent(why -> {
        figure.put("acknowledged", why);
        markdown.append("  - Wording acknowledged: ").append(why).append("\n");
      });
    }
    writeText(layout.publish().resolve("headlines.json"), json.writeValueAsString(root) + "\n");
    writeText(layout.publish().resolve("headlines.md"), markdown.toString());
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CannotWriteException.of(file, e);
    }
  }
}
