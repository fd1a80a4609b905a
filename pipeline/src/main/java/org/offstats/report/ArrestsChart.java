package org.offstats.report;

import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
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
    // a table has a row only for a count of at least 1, so a row of the units, even a suppressed one, is an arrest by them
    String firstPouMonth = null;
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
        firstPouMonth = firstPouMonth == null || month.compareTo(firstPouMonth) < 0 ? month : firstPouMonth;
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
    int shareMonths = 0;
    int completeMonths = 0;
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
      if (all.drawable()) {
        completeMonths++;
        if (all.sum() > busiest) {
          busiest = all.sum();
          busiestMonth = month.getKey();
        }
      }
      // from the first month with an arrest by the units: before they existed the share says nothing
      if (firstPouMonth != null && month.getKey().compareTo(firstPouMonth) >= 0) {
        shareMonths++;
        if (!all.drawable() || !pou.drawable()) {
          skippedShares++;
        } else if (all.sum() > 0) {
          share.add(period, pou.sum() / all.sum());
        }
      }
    }

    NumberAxis countAxis = new NumberAxis("Arrests per month");
    countAxis.setNumberFormatOverride(SvgCharts.countFormat());
    countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // when every arrest is in a left-out bar, an empty plot says so rather than an axis of zeros
    boolean anyBarDrawn = drawnByGroup.values().stream().anyMatch(drawn -> drawn > 0);
    XYPlot barsPlot = new XYPlot(anyBarDrawn ? bars : new TimeTableXYDataset(UTC, Locale.UK), null, countAxis,
        new StackedXYBarRenderer(0.15));
    barsPlot.setNoDataMessage(ChartFigure.noDataMessage(skippedBars, "No arrests to chart"));
    NumberAxis shareAxis = new NumberAxis("POU share");
    shareAxis.setNumberFormatOverride(SvgCharts.percentFormat());
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    XYPlot sharePlot = new XYPlot(new TimeSeriesCollection(share, UTC), null, shareAxis, line);
    sharePlot.setNoDataMessage(skippedShares > 0 ? "No share drawn: see the caption" : "No arrests by Predatory Offenders Units to chart");
    // one time axis for both: the bars above, the share in a panel of its own below
    DateAxis timeAxis = dateAxis(byMonth.size());
    if (!anyBarDrawn && share.getItemCount() == 0 && !byMonth.isEmpty()) {
      // nothing to range over: the months of the table
      Calendar utc = Calendar.getInstance(UTC, Locale.UK);
      timeAxis.setRange(new Date(period(byMonth.firstKey()).getFirstMillisecond(utc)),
          new Date(period(byMonth.lastKey()).getLastMillisecond(utc)));
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
    plot.setGap(16);
    plot.add(barsPlot, 3);
    plot.add(sharePlot, 1);
    JFreeChart chart = SvgCharts.chart(plot, true);
    line.setSeriesPaint(0, SvgCharts.INK);
    line.setSeriesStroke(0, SvgCharts.lineStroke());

    int points = byMonth.size() * groups.size() + shareMonths;
    String shareStart = firstPouMonth == null ? "" : " The share starts in "
        + NumberFormats.longMonth(YearMonth.parse(firstPouMonth)) + ", the first month with an arrest by the units.";
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
            + shareStart + " Arrests drawn over the period, by offence group: " + totals(groups, drawnByGroup) + "."
            + busiestSentence(busiestMonth, busiest, completeMonths, byMonth.size())
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

  /** The arrests drawn per group, most first; a group whose every bar is left out is "none drawn", not 0. */
  private static String totals(List<String> groups, Map<String, Double> drawnByGroup) {
    List<String> ordered = new ArrayList<>(groups);
    ordered.sort(Comparator.comparing((String g) -> drawnByGroup.getOrDefault(g, 0.0), Comparator.reverseOrder())
        .thenComparing(g -> g));
    List<String> parts = new ArrayList<>();
    for (String group : ordered) {
      double drawn = drawnByGroup.getOrDefault(group, 0.0);
      parts.add(group + " " + (drawn > 0 ? NumberFormats.grouped(Math.round(drawn)) : "none drawn"));
    }
    return String.join("; ", parts);
  }

  /** The busiest month, among the months none of whose cells is suppressed (and saying so when that is not all of them). */
  private static String busiestSentence(String month, double arrests, int completeMonths, int months) {
    if (month == null) {
      return "";
    }
    String count = NumberFormats.grouped(Math.round(arrests));
    String name = NumberFormats.longMonth(YearMonth.parse(month));
    return completeMonths == months ? " The most arrests in a month were " + count + ", in " + name + "."
        : " Of the " + completeMonths + (completeMonths == 1 ? " month" : " months") + " with no suppressed cell, the busiest was "
            + name + ", with " + count + (Math.round(arrests) == 1 ? " arrest." : " arrests.");
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
