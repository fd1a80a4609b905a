package org.offstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart as inline SVG for the report: one look for every chart, text as real SVG
 * text, and the chart's title and description inside the SVG for screen readers.
 *
 * <p>Nothing here depends on the machine's locale or clock: number formats are pinned to UK
 * English and SVG ids are derived from the chart's id, so the same data draws the same bytes.
 */
final class SvgCharts {
  static final int WIDTH = 880;

  /** The Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
  static final Paint[] PALETTE = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999)
  };

  static final Color INK = new Color(0x1A1A1A);
  private static final Color GRID = new Color(0xD9D9D9);
  private static final String FONT = Font.SANS_SERIF;
  private static final List<String> NAMESPACE_DECLARATIONS = List.of(
      " xmlns='http://www.w3.org/2000/svg'",
      " xmlns:xlink='http://www.w3.org/1999/xlink'",
      " xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'");

  private SvgCharts() {}

  /** Percentages on an axis: 0%, 5%, 10%. */
  static NumberFormat percentFormat() {
    return new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.UK));
  }

  /** Whole numbers with thousands separators: 1,200. */
  static NumberFormat countFormat() {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
  }

  static BasicStroke lineStroke() {
    return new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** A chart around {@code plot}, with the legend below it and no title (the figure has a heading). */
  static JFreeChart chart(Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.PLAIN, 12), plot, legend);
    theme().apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setPosition(RectangleEdge.BOTTOM);
      legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legendTitle.setItemFont(new Font(FONT, Font.PLAIN, 13));
    }
    return chart;
  }

  /**
   * The chart as an {@code <svg>} element sized by its view box (it scales to the page's width),
   * with {@code role="img"} and a {@code <title>} and {@code <desc>} that name it and describe its
   * content.
   */
  static String svg(JFreeChart chart, String id, int height, String title, String description) {
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, height);
    // clip paths and gradients get ids from this prefix: unique per chart within the page
    graphics.setDefsKeyPrefix(id + "-");
    chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, height));
    String element = graphics.getSVGElement(id + "-svg", false, new ViewBox(0, 0, WIDTH, height), null, null);
    // inline in HTML the SVG namespace is implied; the declarations would be the page's only URLs
    for (String namespace : NAMESPACE_DECLARATIONS) {
      element = element.replace(namespace, "");
    }
    int tagEnd = element.indexOf('>');
    if (!element.startsWith("<svg") || tagEnd < 0) {
      throw new IllegalStateException("JFreeSVG wrote no <svg> element for chart " + id);
    }
    String titleId = id + "-title";
    String descriptionId = id + "-desc";
    return element.substring(0, tagEnd)
        + " role=\"img\" aria-labelledby=\"" + titleId + " " + descriptionId + "\">"
        + "<title id=\"" + titleId + "\">" + Html.escape(title) + "</title>"
        + "<desc id=\"" + descriptionId + "\">" + Html.escape(description) + "</desc>"
        + element.substring(tagEnd + 1);
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("offstats");
    theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
    theme.setLargeFont(new Font(FONT, Font.BOLD, 14));
    theme.setRegularFont(new Font(FONT, Font.PLAIN, 13));
    theme.setSmallFont(new Font(FONT, Font.PLAIN, 12));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(INK);
    theme.setTickLabelPaint(INK);
    theme.setLegendItemPaint(INK);
    theme.setItemLabelPaint(INK);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE,
            DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
            new java.awt.Stroke[] {lineStroke()},
            DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }
}
