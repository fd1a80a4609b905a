package org.offstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.offstats.domain.NumberFormats;
import org.offstats.schema.Schemas;

/**
 * Protection order and notice events by order type and event, over every month of {@code
 * protection_orders}, in the order EXTRACTS.md lists the types and events.
 */
final class ProtectionOrdersChart {
  static final String ID = "chart-protection-orders";

  private ProtectionOrdersChart() {}

  static ChartFigure build(PublishedTable orders) {
    List<String> types = Schemas.extract("protection_orders").column("order_type").allowed();
    List<String> events = Schemas.extract("protection_orders").column("event").allowed();
    Map<String, Map<String, Tally>> byType = new LinkedHashMap<>();
    TreeSet<String> months = new TreeSet<>();
    for (int row = 0; row < orders.rowCount(); row++) {
      months.add(orders.text(row, "month"));
      byType.computeIfAbsent(orders.text(row, "order_type"), t -> new LinkedHashMap<>())
          .computeIfAbsent(orders.text(row, "event"), e -> new Tally())
          .add(orders.cell(row, "events"));
    }
    List<String> orderedTypes = new ArrayList<>(types.stream().filter(byType::containsKey).toList());
    byType.keySet().stream().filter(t -> !types.contains(t)).sorted().forEach(orderedTypes::add);

    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> described = new ArrayList<>();
    int skipped = 0;
    int points = 0;
    for (String event : events) {
      for (String type : orderedTypes) {
        dataset.addValue(null, words(event), type);
      }
    }
    for (String type : orderedTypes) {
      List<String> parts = new ArrayList<>();
      for (String event : events) {
        Tally tally = byType.get(type).get(event);
        if (tally == null) {
          continue;
        }
        points++;
        if (!tally.drawable()) {
          skipped++;
          parts.add(ChartFigure.withheld(words(event).toLowerCase(Locale.ROOT)));
          continue;
        }
        dataset.addValue(tally.sum(), words(event), type);
        parts.add(NumberFormats.grouped(Math.round(tally.sum())) + " " + words(event).toLowerCase(Locale.ROOT));
      }
      described.add(type + " (" + OrderTypes.name(type) + "): " + (parts.isEmpty() ? "none drawn" : String.join(", ", parts)));
    }
    NumberAxis eventsAxis = new NumberAxis("Events");
    eventsAxis.setNumberFormatOverride(SvgCharts.countFormat());
    eventsAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    BarRenderer renderer = new BarRenderer();
    renderer.setItemMargin(0.02);
    CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("Order or notice type"), eventsAxis, renderer);
    plot.setNoDataMessage(ChartFigure.noDataMessage(skipped, "No protection order events to chart"));
    JFreeChart chart = SvgCharts.chart(plot, true);

    String span = months.isEmpty() ? "no months"
        : ChartFigure.monthSpan(months.first(), months.last());
    String skippedText = ChartFigure.skippedSentence(skipped, points, "bars");
    String description = orderedTypes.isEmpty()
        ? "Protection order events: the table has no rows, so there is nothing to chart."
        : "Grouped bar chart of protection order and notice events from " + span + ", by order type and event: "
            + String.join("; ", described) + "." + skippedText;
    String caption = "Protection order and notice events by type and event, " + span
        + " (notices are issued; orders are applied for, then granted or refused; any can be breached)."
        + " Source: publish/protection_orders.parquet." + skippedText;
    return new ChartFigure(ID, "Protection order and notice events by type",
        SvgCharts.svg(chart, ID, 420, "Protection order and notice events by order type and event", description),
        description, caption);
  }

  /** {@code APPLIED} as "Applied". */
  private static String words(String event) {
    return event.charAt(0) + event.substring(1).toLowerCase(Locale.ROOT);
  }
}
