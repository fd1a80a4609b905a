package org.offstats.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.offstats.domain.NumberFormats;

/**
 * "Data quality", from the manifest's {@code quality}: per extract and financial year, the accepted
 * records and how many lack a value the tables break down by, with their share; and the rejected
 * records by reason. These count records, not people, and are not cells of the published tables,
 * but a count from 1 to below the disclosure policy's threshold is still shown as {@link
 * PublishedTable#SUPPRESSED}, with any share computed from it, to stay consistent with disclosure
 * control.
 */
final class QualitySection {
  /** The threshold used when the manifest records no disclosure policy. */
  static final int DEFAULT_THRESHOLD = 10;

  private static final Map<String, String> EXTRACT_NAMES =
      Map.of("arrests", "Arrests", "outcomes", "Crimes and outcomes", "protection_orders", "Protection order events");
  private static final Map<String, String> MEASURE_NAMES =
      Map.of("ethnicity_not_stated", "Ethnicity not stated", "sex_unknown", "Sex unknown", "age_band_unknown", "Age band unknown",
          "no_outcome_yet", "No outcome yet");

  private QualitySection() {}

  static void write(Html html, JsonNode quality, DisclosureStatus disclosure) {
    int threshold = disclosure.recorded() ? disclosure.policy().path("threshold").asInt(DEFAULT_THRESHOLD) : DEFAULT_THRESHOLD;
    html.open("section", "aria-labelledby", "quality").newline();
    html.element("h2", "Data quality", "id", "quality");
    if (!quality.isObject() || quality.isEmpty()) {
      html.element("p", "The run's manifest has no data quality summary.");
      html.close("section");
      return;
    }
    html.element("p", "From the run's manifest.json. The counts are of records in the extracts, not of people, and they"
        + " are not cells of the published tables. Per financial year of each record's main date (arrest date, recorded"
        + " date, event date): the records accepted, and how many of them lack a value, with that count's share of the"
        + " accepted records. A count from 1 to " + (threshold - 1) + " is shown as " + PublishedTable.SUPPRESSED
        + ", and so is a share computed from it, to stay consistent with disclosure control.");
    for (Iterator<Map.Entry<String, JsonNode>> it = quality.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> extract = it.next();
      writeYears(html, extract.getKey(), extract.getValue(), threshold);
    }
    writeRejects(html, quality, threshold);
    html.close("section");
  }

  private static void writeYears(Html html, String extract, JsonNode node, int threshold) {
    String id = "quality-" + extract;
    List<String> measures = measures(node.path("years"));
    html.open("div", "class", "scroll", "role", "region", "aria-labelledby", id + "-caption", "tabindex", "0").newline();
    html.open("table", "id", id).newline();
    html.element("caption", name(EXTRACT_NAMES, extract) + ": records accepted per financial year", "id", id + "-caption");
    html.open("thead").open("tr");
    html.element("th", "Financial year", "scope", "col");
    html.element("th", "Accepted records", "scope", "col", "class", "num");
    for (String measure : measures) {
      html.element("th", name(MEASURE_NAMES, measure), "scope", "col", "class", "num");
      html.element("th", name(MEASURE_NAMES, measure) + ": share", "scope", "col", "class", "num");
    }
    html.close("tr").close("thead");
    html.open("tbody").newline();
    if (node.path("years").isEmpty()) {
      html.open("tr").element("td", "No records accepted.", "colspan", String.valueOf(2 + 2 * measures.size())).close("tr");
    }
    for (Iterator<Map.Entry<String, JsonNode>> years = node.path("years").fields(); years.hasNext(); ) {
      Map.Entry<String, JsonNode> year = years.next();
      long accepted = year.getValue().path("accepted").asLong();
      html.open("tr").element("th", year.getKey(), "scope", "row");
      html.element("td", count(accepted, threshold), "class", "num");
      for (String measure : measures) {
        JsonNode value = year.getValue().path(measure);
        long count = value.path("count").asLong();
        html.element("td", count(count, threshold), "class", "num");
        boolean withheld = withheld(count, threshold) || withheld(accepted, threshold);
        html.element("td", withheld ? PublishedTable.SUPPRESSED : share(value.path("share")), "class", "num");
      }
      html.close("tr");
    }
    html.close("tbody").close("table");
    html.close("div");
  }

  private static void writeRejects(Html html, JsonNode quality, int threshold) {
    String id = "quality-rejects";
    html.open("div", "class", "scroll", "role", "region", "aria-labelledby", id + "-caption", "tabindex", "0").newline();
    html.open("table", "id", id).newline();
    html.element("caption", "Records rejected per extract, by reason code", "id", id + "-caption");
    html.open("thead").open("tr");
    html.element("th", "Extract", "scope", "col");
    html.element("th", "Reason", "scope", "col");
    html.element("th", "Rejected records", "scope", "col", "class", "num");
    html.close("tr").close("thead");
    html.open("tbody").newline();
    for (Iterator<Map.Entry<String, JsonNode>> it = quality.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> extract = it.next();
      String name = name(EXTRACT_NAMES, extract.getKey());
      html.open("tr").element("th", name, "scope", "row").element("td", "all reasons")
          .element("td", count(extract.getValue().path("rows_rejected").asLong(), threshold), "class", "num").close("tr");
      for (Iterator<Map.Entry<String, JsonNode>> reasons = extract.getValue().path("rejects_by_reason").fields(); reasons.hasNext(); ) {
        Map.Entry<String, JsonNode> reason = reasons.next();
        html.open("tr").element("th", name, "scope", "row").element("td", reason.getKey())
            .element("td", count(reason.getValue().asLong(), threshold), "class", "num").close("tr");
      }
    }
    html.close("tbody").close("table");
    html.close("div");
  }

  /** The measures of the first year, which every year has. */
  private static List<String> measures(JsonNode years) {
    List<String> measures = new ArrayList<>();
    if (years.isObject() && !years.isEmpty()) {
      years.elements().next().fieldNames().forEachRemaining(field -> {
        if (!field.equals("accepted")) {
          measures.add(field);
        }
      });
    }
    return measures;
  }

  /** A share to 4 decimal places, as the manifest records it (a JSON reader may drop trailing zeros). */
  private static String share(JsonNode share) {
    return share.isNumber() ? share.decimalValue().setScale(4, RoundingMode.HALF_UP).toPlainString() : ProvenanceSection.text(share);
  }

  static boolean withheld(long count, int threshold) {
    return count >= 1 && count < threshold;
  }

  static String count(long count, int threshold) {
    return withheld(count, threshold) ? PublishedTable.SUPPRESSED : NumberFormats.grouped(count);
  }

  private static String name(Map<String, String> names, String code) {
    return names.getOrDefault(code, code);
  }
}
