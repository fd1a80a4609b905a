package org.offstats.report;

import java.time.LocalDate;
import java.util.List;
import org.offstats.audit.RunManifest;
import org.offstats.domain.NumberFormats;
import org.offstats.schema.Schemas;

/**
 * The HTML of {@code report/index.html}: one self-contained page (styles inline, charts as inline
 * SVG, nothing fetched) with the headline statements, a chart per theme, the tables, notes on
 * definitions and disclosure control, and the run's provenance.
 */
public final class ReportPage {
  /** A headline figure as {@code publish/headlines.json} has it. */
  public record Headline(String figureId, String statement) {}

  private static final String STYLE = String.join("\n",
      ":root { color-scheme: light; }",
      "body { font-family: 'Segoe UI', Roboto, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #1a1a1a;"
          + " background: #fff; margin: 0; line-height: 1.5; }",
      "header, main, nav { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }",
      "header { padding-top: 1.5rem; border-bottom: 4px solid #0072b2; }",
      "h1 { font-size: 2rem; margin: 0 0 .25rem; }",
      "h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid #d9d9d9; padding-bottom: .25rem; }",
      "h3 { font-size: 1.2rem; margin: 2rem 0 .5rem; }",
      "h4 { font-size: 1rem; margin: 1.5rem 0 .25rem; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }",
      ".as-at { font-size: 1.15rem; margin: 0 0 1rem; }",
      ".warning { border-left: 6px solid #d55e00; background: #fff4ec; padding: .75rem 1rem; margin: 1rem 0; }",
      ".notice { border-left: 6px solid #0072b2; background: #f3f8fc; padding: .75rem 1rem; margin: 1rem 0; }",
      "nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: 1rem auto; }",
      "a { color: #005a8c; }",
      ".headlines { padding: 0; list-style: none; }",
      ".headlines li { font-size: 1.15rem; border-left: 6px solid #0072b2; background: #f3f8fc; padding: .75rem 1rem;"
          + " margin: 0 0 .75rem; }",
      "figure { margin: 0 0 1rem; }",
      "figure svg { display: block; width: 100%; height: auto; border: 1px solid #d9d9d9; }",
      "figcaption { font-size: .95rem; color: #333; margin-top: .5rem; }",
      ".note { font-size: .95rem; color: #333; }",
      ".scroll { overflow-x: auto; margin: 0 0 1rem; max-height: 32rem; overflow-y: auto; }",
      "table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }",
      "caption { text-align: left; font-weight: bold; padding: .25rem 0; }",
      "th, td { border-bottom: 1px solid #d9d9d9; padding: .25rem .6rem; text-align: left; vertical-align: top; }",
      "thead th { position: sticky; top: 0; background: #eef2f5; border-bottom: 2px solid #1a1a1a; }",
      "tbody th { font-weight: normal; }",
      "tbody tr:nth-child(even) { background: #f7f7f7; }",
      ".num { text-align: right; white-space: nowrap; }",
      ".hash { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: .8rem; word-break: break-all; }",
      "table.facts { margin: 0 0 1.5rem; }",
      "table.facts th { width: 14rem; }",
      "dt { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-weight: bold; }",
      "dd { margin: 0 0 .5rem 1.5rem; }",
      "footer { max-width: 62rem; margin: 3rem auto 2rem; padding: 0 1.25rem; font-size: .9rem; color: #555; }",
      "@media print { .scroll { max-height: none; overflow: visible; } thead th { position: static; } }");

  private ReportPage() {}

  static String render(RunManifest manifest, List<Headline> headlines, List<ChartFigure> charts, List<PublishedTable> tables) {
    LocalDate asAt = manifest.asAt();
    DisclosureStatus disclosure = DisclosureStatus.of(manifest, tables);
    String title = "Offender-activity statistics as at " + NumberFormats.longDate(asAt);
    Html html = new Html();
    html.raw("<!DOCTYPE html>\n");
    html.open("html", "lang", "en-GB").newline();
    html.open("head").newline();
    html.raw("<meta charset=\"utf-8\">\n");
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // nothing on the page may be fetched: no network, and no file beside it either
    html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    html.element("title", title);
    html.open("style").raw(STYLE).close("style");
    html.close("head");
    html.open("body").newline();

    html.open("header").newline();
    html.element("h1", "Offender-activity statistics");
    html.open("p", "class", "as-at").text("As at ")
        .element("time", NumberFormats.longDate(asAt), "datetime", asAt.toString())
        .text(": figures count the records in the extracts up to that date.").close("p");
    DisclosureStatus.Banner banner = disclosure.banner();
    html.element("p", banner.text(), "class", banner.warning() ? "warning" : "notice", "id", "disclosure-status", "role", "note");
    html.close("header");
    html.open("nav", "aria-label", "Contents").newline();
    html.open("ul").newline();
    for (String[] link : new String[][] {{"headlines", "Headline figures"}, {"charts", "Charts"}, {"tables", "Tables"},
        {"quality", "Data quality"}, {"notes", "Notes and definitions"}, {"provenance", "Provenance"}}) {
      html.open("li").element("a", link[1], "href", "#" + link[0]).close("li");
    }
    html.close("ul");
    html.close("nav");

    html.open("main").newline();
    writeHeadlines(html, headlines);
    writeCharts(html, charts);
    TablesSection.write(html, tables, asAt, disclosure.controlled());
    QualitySection.write(html, manifest.json().path("quality"), disclosure);
    writeNotes(html, tables);
    ProvenanceSection.write(html, manifest, disclosure);
    html.close("main");
    html.open("footer").newline();
    html.element("p", "Made by offstats " + manifest.toolVersion() + " (git " + manifest.gitCommit() + ") from the published"
        + " tables and manifest of the run. offstats report RUN_DIR makes it again.");
    html.close("footer");
    html.close("body");
    html.close("html");
    return html.toString();
  }

  private static void writeHeadlines(Html html, List<Headline> headlines) {
    html.open("section", "aria-labelledby", "headlines").newline();
    html.element("h2", "Headline figures", "id", "headlines");
    if (headlines.isEmpty()) {
      html.element("p", "The run has no headline figures.");
    } else {
      html.open("ul", "class", "headlines").newline();
      for (Headline headline : headlines) {
        html.element("li", headline.statement(), "id", "headline-" + headline.figureId());
      }
      html.close("ul");
    }
    html.close("section");
  }

  private static void writeCharts(Html html, List<ChartFigure> charts) {
    html.open("section", "aria-labelledby", "charts").newline();
    html.element("h2", "Charts", "id", "charts");
    int number = 0;
    for (ChartFigure chart : charts) {
      number++;
      html.element("h3", chart.heading(), "id", chart.id() + "-heading");
      html.open("figure", "id", chart.id(), "aria-labelledby", chart.id() + "-heading").newline();
      html.raw(chart.svg()).newline();
      html.element("figcaption", "Figure " + number + ". " + chart.caption());
      html.close("figure");
    }
    html.close("section");
  }

  private static void writeNotes(Html html, List<PublishedTable> tables) {
    html.open("section", "aria-labelledby", "notes").newline();
    html.element("h2", "Notes and definitions", "id", "notes");
    html.element("h3", "Symbols");
    html.open("dl").newline();
    html.element("dt", PublishedTable.SUPPRESSED);
    html.element("dd", "suppressed to protect confidentiality (disclosure control): the cell's value is not published,"
        + " and a chart leaves out any point that comes from such a cell.");
    html.element("dt", PublishedTable.NOT_AVAILABLE);
    html.element("dd", "not available: the value cannot be computed (for example a rate with no crimes).");
    html.close("dl");
    html.element("h3", "Terms");
    html.open("dl").newline();
    html.element("dt", "Financial year");
    html.element("dd", "1 April to 31 March, written 2024-25.");
    html.element("dt", "POU");
    html.element("dd", "Predatory Offenders Units, units of type POU in the reference data.");
    html.element("dt", "Charge/summons rate");
    html.element("dd", "Of the crimes recorded in a financial year, the share whose outcome was charge or summons (Home"
        + " Office outcome type 1) by the as-at date; crimes with no outcome yet stay in the count. Rates for recent"
        + " years rise as investigations close.");
    html.element("dt", "Scopes");
    html.element("dd", "The outcome tables count each crime in several scopes at once: all offences, its offence group,"
        + " its offence subgroup, domestic abuse (crimes flagged as such) and VAWG (violence against women and girls:"
        + " offences marked VAWG in the reference data, or flagged domestic abuse).");
    for (String code : Schemas.extract("protection_orders").column("order_type").allowed()) {
      html.element("dt", code);
      html.element("dd", OrderTypes.name(code) + ".");
    }
    html.close("dl");
    TablesSection.writeDefinitions(html, tables);
    html.close("section");
  }
}
