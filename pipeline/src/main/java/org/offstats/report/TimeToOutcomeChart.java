package org.offstats.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.offstats.domain.NumberFormats;
import org.offstats.domain.Periods;

/**
 * Median days from recording to outcome by outcome group, all offences, for one financial year of
 * recording, from {@code time_to_outcome}: the latest complete year, since in a year still running
 * only the quickest outcomes have happened yet.
 */
final class TimeToOutcomeChart {
  static final String ID = "chart-time-to-outcome";
  static final String ALL_OUTCOMES = "All outcomes";

  private record Bar(String outcomeGroup, Double medianDays) {}

  private TimeToOutcomeChart() {}

  static ChartFigure build(PublishedTable times, LocalDate asAt) {
    TreeSet<String> years = new TreeSet<>();
    for (int row = 0; row < times.rowCount(); row++) {
      if (times.text(row, "scope_type").equals("all")) {
        years.add(times.text(row, "financial_year"));
      }
    }
    Optional<String> complete = Periods.latestCompleteFinancialYear(asAt);
    // the latest complete year the table has; when all its years are still running, its latest
    Optional<String> year = complete.map(years::floor).or(() -> years.isEmpty() ? Optional.empty() : Optional.of(years.last()));

    List<Bar> bars = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    for (int row = 0; row < times.rowCount() && year.isPresent(); row++) {
      if (!times.text(row, "scope_type").equals("all") || !times.text(row, "financial_year").equals(year.get())) {
        continue;
      }
      PublishedTable.Cell median = times.cell(row, "median_days");
      if (median.suppressed()) {
        withheld.add(times.text(row, "outcome_group"));
        continue;
      }
      if (!median.isNumber()) {
        // no median ([x]), and not for disclosure control: not a bar
        continue;
      }
      bars.add(new Bar(times.text(row, "outcome_group"), ((Number) median.value()).doubleValue()));
    }
    // all outcomes first, then the slowest outcome group first
    bars.sort(Comparator.comparing((Bar b) -> !b.outcomeGroup().equals(ALL_OUTCOMES))
        .thenComparing(Bar::medianDays, Comparator.reverseOrder())
        .thenComparing(Bar::outcomeGroup));

    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> described = new ArrayList<>();
    for (Bar bar : bars) {
      dataset.addValue(bar.medianDays(), "Median days", bar.outcomeGroup());
      described.add(bar.outcomeGroup() + " " + days(bar.medianDays()));
    }
    withheld.forEach(group -> described.add(ChartFigure.withheld(group)));
    int skipped = withheld.size();
    NumberAxis daysAxis = new NumberAxis("Median days from recording to outcome");
    daysAxis.setNumberFormatOverride(SvgCharts.countFormat());
    daysAxis.setUpperMargin(0.12);
    CategoryAxis groupAxis = new CategoryAxis(null);
    groupAxis.setMaximumCategoryLabelWidthRatio(0.42f);
    groupAxis.setMaximumCategoryLabelLines(3);
    BarRenderer renderer = new BarRenderer();
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", SvgCharts.countFormat()));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setItemLabelAnchorOffset(4);
    renderer.setItemMargin(0);
    CategoryPlot plot = new CategoryPlot(dataset, groupAxis, daysAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setNoDataMessage(ChartFigure.noDataMessage(skipped, "No times to outcome to chart"));
    JFreeChart chart = SvgCharts.chart(plot, false);

    int points = bars.size() + skipped;
    String skippedText = ChartFigure.skippedSentence(skipped, points, "bars");
    String which = year.map(y -> "crimes recorded in " + y + (complete.isPresent() && y.equals(complete.get()) ? ", the latest complete financial year," : ","))
        .orElse("no financial year");
    String description = year.isEmpty()
        ? "Median days to outcome: the table has no rows for all offences, so there is nothing to chart."
        : "Horizontal bar chart of the median number of days from recording to outcome, for " + which
            + " all offences, by outcome group: " + String.join("; ", described) + "." + skippedText;
    String caption = "Median days from the date a crime was recorded to the date its outcome was assigned, for " + which
        + " all offences, by outcome group. Crimes without an outcome by " + NumberFormats.longDate(asAt)
        + " are not counted. Source: publish/time_to_outcome.parquet (scope all)." + skippedText;
    int height = Math.max(260, 70 + 38 * Math.max(1, bars.size()));
    return new ChartFigure(ID, "Median days to outcome by outcome group",
        SvgCharts.svg(chart, ID, height, "Median days from recording to outcome by outcome group", description),
        description, caption);
  }

  private static String days(double days) {
    String number = days == Math.rint(days) ? NumberFormats.grouped((long) days) : Double.toString(days);
    return number + (days == 1 ? " day" : " days");
  }
}
