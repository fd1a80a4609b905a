package org.offstats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.offstats.audit.RunManifest;
import org.offstats.extract.InputException;
import org.offstats.run.RunLayout;
import org.offstats.schema.Schemas;

/**
 * Writes a run folder's {@code report/index.html} (OUTPUTS.md "Run folder") from what the run
 * published: {@code publish/} and {@code manifest.json}, never {@code restricted/}. {@code offstats
 * run} calls it after writing the manifest, {@code offstats report} on a finished run.
 */
public final class RunReport {
  private static final String HEADLINES_TABLE = "headlines";
  private static final String HEADLINES_FILE = "headlines.json";

  private RunReport() {}

  /** Writes (or replaces) {@code RUN_DIR/report/index.html} and returns its path. */
  public static Path write(Path runDir) throws IOException {
    RunManifest manifest = RunManifest.read(runDir);
    RunLayout layout = new RunLayout(runDir);
    // the tables are read side by side (a parallel stream keeps their order)
    List<PublishedTable> tables =
        Schemas.tables().parallelStream()
            .filter(table -> !table.name().equals(HEADLINES_TABLE))
            .map(table -> PublishedTable.read(layout.publishedTable(table.name())))
            .toList();
    Map<String, PublishedTable> byName = tables.stream().collect(Collectors.toMap(PublishedTable::name, Function.identity()));
    List<ChartFigure> charts = List.of(
        ArrestsChart.build(byName.get("arrests_by_offence")),
        ChargeRatesChart.build(byName.get("charge_rates"), manifest.asAt()),
        TimeToOutcomeChart.build(byName.get("time_to_outcome"), manifest.asAt()),
        ProtectionOrdersChart.build(byName.get("protection_orders")));
    String page = ReportPage.render(manifest, headlines(layout.publish()), charts, tables);

    Files.createDirectories(layout.report());
    // written beside and renamed: a reader never sees half a page, and a failed write leaves the old one
    Path partial = layout.report().resolve("." + RunLayout.REPORT_PAGE + ".partial");
    try {
      Files.writeString(partial, page, StandardCharsets.UTF_8);
      Files.move(partial, layout.reportPage(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return layout.reportPage();
  }

  /** The headline figures in {@code publish/headlines.json}, in its order. */
  public static List<ReportPage.Headline> headlines(Path publish) {
    Path file = publish.resolve(HEADLINES_FILE);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(file + ": missing or not valid JSON (" + String.valueOf(e.getMessage()).split("\n")[0] + ")");
    }
    List<ReportPage.Headline> headlines = new ArrayList<>();
    for (JsonNode figure : root.path("figures")) {
      headlines.add(new ReportPage.Headline(figure.path("figure_id").asText(""), figure.path("statement").asText("")));
    }
    return headlines;
  }
}
