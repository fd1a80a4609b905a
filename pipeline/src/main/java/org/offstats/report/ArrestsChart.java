package org.offstats.report;

import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.offstats.domain.NumberFormats;

/**
 * Arrests per month by offence group, stacked, with the share of each month's arrests made by the
 * Predatory Offenders Units (unit type {@code POU}), from {@code arrests_by_offence}.
 */
final class ArrestsChart {
  static final String ID = "chart-arrests";
  static final String POU = "POU";
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ArrestsChart() {}

  static ChartFigure build(PublishedTable arrests) {
    SortedMap<String, Map<String, Tally>> byMonth = new TreeMap<>();
    SortedMap<String, Tally> pouByMonth = new TreeMap<>();
    SortedMap<String, Tally> allByMonth = new TreeMap<>();
    Map<String, Double> groupSizes = new TreeMap<>();
    for (int row = 0; row < arrests.rowCount(); row++) {
      String month = arrests.text(row, "month");
      String group = arrests.text(row, "offence_group");
      PublishedTable.Cell cell = arrests.cell(row, "arrests");
      groupSizes.merge(group, cell.value() instanceof Number n ? n.doubleValue() : 0.0, Double::sum);
      byMonth.computeIfAbsent(month, m -> new TreeMap<>()).computeIfAbsent(group, g -> new Tally()).add(cell);
      allByMonth.computeIfAbsent(month, m -> new Tally()).add(cell);
      Tally pou = pouByMonth.computeIfAbsent(month, m -> new Tally());
      if (POU.equals(arrests.text(row, "unit_type"))) {
        pou.add(cell);
      }
    }

    // the largest group first: at the bottom of the stack, in the first colour
    List<String> groups = groupSizes.keySet().stream()
        .sorted(Comparator.comparing((String g) -> groupSizes.get(g), Comparator.reverseOrder()).thenComparing(g -> g))
        .toList();
    TimeTableXYDataset bars = new TimeTableXYDataset(UTC, Locale.UK);
    TimeSeries share = new TimeSeries("Share of the month's arrests made by Predatory Offenders Units (POU)");
    Map<String, Double> drawnByGroup = new TreeMap<>();
    int skippedBars = 0;
    int skippedShares = 0;
    String busiestMonth = null;
    double busiest = -1;
    for (Map.Entry<String, Map<String, Tally>> month : byMonth.entrySet()) {
      Month period = period(month.getKey());
      for (String group : groups) {
        Tally tally = month.getValue().getOrDefault(group, new Tally());
        if (tally.drawable()) {
          bars.add(period, tally.sum(), group, false);
          drawnByGroup.merge(group, tally.sum(), Double::sum);
        } else {
          bars.add(period, null, group, false);
          skippedBars++;
        }
      }
      Tally all = allByMonth.get(month.getKey());
      Tally pou = pouByMonth.get(month.getKey());
      if (all.drawable() && all.sum() > busiest) {
        busiest = all.sum();
        busiestMonth = month.getKey();
      }
      if (!all.drawable() || !pou.drawable()) {
        skippedShares++;
      } else if (all.sum() > 0 && (pou.sum() > 0 || share.getItemCount() > 0)) {
        // from the first month with an arrest by the units: before they existed the share says nothing
        share.add(period, pou.sum() / all.sum());
      }
    }

    NumberAxis countAxis = new NumberAxis("Arrests per month");
    countAxis.setNumberFormatOverride(SvgCharts.countFormat());
    XYPlot barsPlot = new XYPlot(bars, null, countAxis, new StackedXYBarRenderer(0.15));
    barsPlot.setNoDataMessage("No arrests to chart");
    NumberAxis shareAxis = new NumberAxis("POU share");
    shareAxis.setNumberFormatOverride(SvgCharts.percentFormat());
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    XYPlot sharePlot = new XYPlot(new TimeSeriesCollection(share, UTC), null, shareAxis, line);
    sharePlot.setNoDataMessage(skippedShares > 0 ? "No share drawn: see the caption" : "No arrests by Predatory Offenders Units to chart");
    // one time axis for both: the bars above, the share in a panel of its own below
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dateAxis(byMonth.size()));
    plot.setGap(16);
    plot.add(barsPlot, 3);
    plot.add(sharePlot, 1);
    JFreeChart chart = SvgCharts.chart(plot, true);
    line.setSeriesPaint(0, SvgCharts.INK);
    line.setSeriesStroke(0, SvgCharts.lineStroke());

    int points = byMonth.size() * groups.size() + byMonth.size();
    String shareStart = share.getItemCount() == 0 ? "" : " The share is drawn from "
        + words((Month) share.getTimePeriod(0)) + ", the first month with an arrest by the units.";
    String span = byMonth.isEmpty() ? "no months"
        : ChartFigure.monthSpan(byMonth.firstKey(), byMonth.lastKey()) + " (" + byMonth.size() + " months)";
    int skipped = skippedBars + skippedShares;
    String skippedText = ChartFigure.skippedSentence(skipped, points, "points (monthly bars and share)")
        + (skippedBars == 0 ? "" : " A month's stack then leaves those offence groups out.");
    String title = "Arrests per month by offence group, with the share made by Predatory Offenders Units";
    String description = byMonth.isEmpty()
        ? "Arrests per month: the table has no rows, so there is nothing to chart."
        : "Stacked bar chart of arrests each month from " + span + ", one colour per offence group, above a line chart"
            + " of the share of each month's arrests made by Predatory Offenders Units (unit type POU)."
            + shareStart + " Arrests drawn over the period, by offence group: " + totals(drawnByGroup) + "."
            + (busiestMonth == null ? "" : " The most arrests in a month were " + NumberFormats.grouped(Math.round(busiest)) + ", in "
                + NumberFormats.longMonth(YearMonth.parse(busiestMonth)) + ".")
            + latestShare(share)
            + skippedText;
    String caption = "Arrests per month from " + span + ", stacked by offence group (above), and the share of each month's"
        + " arrests made by Predatory Offenders Units (unit type POU; below)." + shareStart
        + " Source: publish/arrests_by_offence.parquet, all units." + skippedText;
    return new ChartFigure(ID, "Arrests by offence group and the Predatory Offenders Units' share",
        SvgCharts.svg(chart, ID, 520, title, description), description, caption);
  }

  private static Month period(String month) {
    YearMonth yearMonth = YearMonth.parse(month);
    return new Month(yearMonth.getMonthValue(), yearMonth.getYear());
  }

  /** Year ticks over long periods, month ticks over short ones; UTC and UK English whatever the machine's. */
  private static DateAxis dateAxis(int months) {
    DateAxis axis = new DateAxis(null, UTC, Locale.UK);
    boolean years = months > 24;
    axis.setTickUnit(new DateTickUnit(years ? DateTickUnitType.YEAR : DateTickUnitType.MONTH, years ? 1 : Math.max(1, months / 8)));
    SimpleDateFormat format = new SimpleDateFormat(years ? "yyyy" : "MMM yyyy", Locale.UK);
    format.setTimeZone(UTC);
    axis.setDateFormatOverride(format);
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.01);
    return axis;
  }

  private static String totals(Map<String, Double> byGroup) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(byGroup.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> entry : entries) {
      parts.add(entry.getKey() + " " + NumberFormats.grouped(Math.round(entry.getValue())));
    }
    return String.join("; ", parts);
  }

  private static String latestShare(TimeSeries share) {
    if (share.getItemCount() == 0) {
      return "";
    }
    double value = share.getValue(share.getItemCount() - 1).doubleValue();
    return " The Predatory Offenders Units' share was " + NumberFormats.percent(value, 1) + " in "
        + words((Month) share.getTimePeriod(share.getItemCount() - 1)) + ".";
  }

  private static String words(Month month) {
    return NumberFormats.longMonth(YearMonth.of(month.getYearValue(), month.getMonth()));
  }
}
