package org.offstats.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.offstats.domain.NumberFormats;
import org.offstats.domain.Periods;

/**
 * Charge/summons rates by financial year of recording for rape, domestic abuse and VAWG, from
 * {@code charge_rates} (OUTPUTS.md: cohort basis, as the Home Office bulletin).
 */
final class ChargeRatesChart {
  static final String ID = "chart-charge-rates";

  /** A line of the chart: the scope it draws and its name in the legend. */
  record Line(String scopeType, String scope, String label) {}

  static final List<Line> LINES = List.of(
      new Line("offence_subgroup", "Rape", "Rape"),
      new Line("domestic_abuse", "Domestic abuse", "Domestic abuse"),
      new Line("vawg", "VAWG", "Violence against women and girls (VAWG)"));

  private ChargeRatesChart() {}

  static ChartFigure build(PublishedTable rates, LocalDate asAt) {
    SortedSet<String> years = new TreeSet<>();
    for (int row = 0; row < rates.rowCount(); row++) {
      years.add(rates.text(row, "financial_year"));
    }
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    Optional<String> latestComplete = Periods.latestCompleteFinancialYear(asAt).filter(years::contains);
    List<String> latest = new ArrayList<>();
    int skipped = 0;
    int points = 0;
    for (Line line : LINES) {
      for (String year : years) {
        dataset.addValue(null, line.label(), year);
      }
      for (int row = 0; row < rates.rowCount(); row++) {
        if (!rates.text(row, "scope_type").equals(line.scopeType()) || !rates.text(row, "scope").equals(line.scope())) {
          continue;
        }
        String year = rates.text(row, "financial_year");
        PublishedTable.Cell rate = rates.cell(row, "charge_rate");
        if (!rate.suppressed() && !rate.isNumber()) {
          // no rate to draw ([x]), and not for disclosure control: not a point
          continue;
        }
        points++;
        boolean latestYear = latestComplete.isPresent() && latestComplete.get().equals(year);
        if (rate.suppressed()) {
          skipped++;
          if (latestYear) {
            latest.add(ChartFigure.withheld(line.label()));
          }
          continue;
        }
        double value = ((Number) rate.value()).doubleValue();
        dataset.addValue(value, line.label(), year);
        if (latestYear) {
          latest.add(line.label() + " " + NumberFormats.percent(value, 1));
        }
      }
    }

    NumberAxis rateAxis = new NumberAxis("Charge/summons rate");
    rateAxis.setNumberFormatOverride(SvgCharts.percentFormat());
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("Financial year the crime was recorded"), rateAxis, renderer);
    plot.setNoDataMessage(ChartFigure.noDataMessage(skipped, "No charge rates to chart"));
    JFreeChart chart = SvgCharts.chart(plot, true);

    String span = years.isEmpty() ? "" : years.first() + " to " + years.last();
    String current = years.isEmpty() || !Periods.financialYearEnd(years.last()).isAfter(asAt) ? ""
        : " " + years.last() + " is not complete as at " + NumberFormats.longDate(asAt)
            + ", and recent crimes have had less time to be charged.";
    String skippedText = ChartFigure.skippedSentence(skipped, points, "points");
    String description = years.isEmpty()
        ? "Charge/summons rates: the table has no rows, so there is nothing to chart."
        : "Line chart of the charge/summons rate (the share of crimes recorded in the year that had been charged or"
            + " summonsed by " + NumberFormats.longDate(asAt) + ") by financial year, " + span + ", for rape, domestic abuse"
            + " and violence against women and girls (VAWG)."
            + (latest.isEmpty() ? "" : " In " + latestComplete.get() + ", the latest complete year: " + String.join("; ", latest) + ".")
            + current + skippedText;
    String caption = "Charge/summons rate by financial year of recording" + (span.isEmpty() ? "" : ", " + span)
        + ": rape (offence subgroup), domestic abuse (flagged) and VAWG." + current
        + " Source: publish/charge_rates.parquet." + skippedText;
    return new ChartFigure(ID, "Charge rates for rape, domestic abuse and VAWG",
        SvgCharts.svg(chart, ID, 420, "Charge/summons rate by financial year for rape, domestic abuse and VAWG", description),
        description, caption);
  }
}
