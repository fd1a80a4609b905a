package org.offstats.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.offstats.audit.RunManifest;

/**
 * What made the figures, from {@code manifest.json}: the tool's version and commit, the runner,
 * the as-at date, the parameters, the disclosure control policy, and every input with its SHA-256
 * and record counts. Values are shown exactly as the manifest has them, so they can be checked
 * against it.
 */
final class ProvenanceSection {
  private static final List<String> INPUT_COLUMNS =
      List.of("path", "extract", "sha256", "bytes", "rows_read", "rows_accepted", "rows_rejected");
  private static final List<String> NUMBER_COLUMNS = List.of("bytes", "rows_read", "rows_accepted", "rows_rejected");
  private static final List<String> WITHHELD_COLUMNS = List.of("primary", "secondary");

  private ProvenanceSection() {}

  static void write(Html html, RunManifest manifest, DisclosureStatus disclosure) {
    JsonNode root = manifest.json();
    html.open("section", "aria-labelledby", "provenance").newline();
    html.element("h2", "Provenance", "id", "provenance");
    html.element("p", "From the run's manifest.json. offstats verify RUN_DIR reruns the job from these inputs and"
        + " parameters and checks that every published file is the same, byte for byte.");

    html.open("table", "class", "facts", "id", "provenance-run").newline();
    html.element("caption", "The run");
    html.open("tbody").newline();
    for (String field : List.of("tool_version", "git_commit", "runner", "parallelism", "as_at", "as_at_source", "started_at",
        "finished_at", "status")) {
      if (root.has(field)) {
        factRow(html, field, text(root.path(field)));
      }
    }
    factRow(html, "figures.path", text(root.path("figures").path("path")));
    factRow(html, "figures.sha256", text(root.path("figures").path("sha256")));
    html.close("tbody").close("table");

    html.open("table", "class", "facts", "id", "provenance-parameters").newline();
    html.element("caption", "Parameters");
    html.open("tbody").newline();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> parameter = it.next();
      factRow(html, parameter.getKey(), text(parameter.getValue()));
    }
    html.close("tbody").close("table");

    writeDisclosure(html, root.path("disclosure"), disclosure);
    writeList(html, "provenance-inputs", "Inputs: records read, accepted and rejected per file", root.path("inputs"), INPUT_COLUMNS);
    writeList(html, "provenance-reference", "Reference data", root.path("reference"), List.of("name", "path", "sha256"));
    writeStrings(html, "Warnings", root.path("warnings"));
    writeStrings(html, "Files in the input folder that were not read", root.path("ignored_files"));
    html.close("section");
  }

  private static void factRow(Html html, String name, String value) {
    factRow(html, name, value, null);
  }

  private static void factRow(Html html, String name, String value, String cssClass) {
    html.open("tr").element("th", name, "scope", "row").element("td", value, "class", cssClass).close("tr");
  }

  /**
   * The manifest's {@code disclosure.policy}, every setting as the manifest has it (threshold,
   * rounding base, secondary suppression, the policy file's SHA-256, ...), and the cells withheld
   * per table.
   */
  private static void writeDisclosure(Html html, JsonNode disclosure, DisclosureStatus status) {
    html.open("table", "class", "facts", "id", "provenance-disclosure").newline();
    html.element("caption", "Disclosure control policy");
    html.open("tbody").newline();
    if (!status.recorded()) {
      factRow(html, DisclosureStatus.POLICY_FIELD, "none");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = disclosure.path(DisclosureStatus.POLICY_FIELD).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> setting = it.next();
      factRow(html, setting.getKey(), text(setting.getValue()), setting.getKey().equals("sha256") ? "hash" : null);
    }
    html.close("tbody").close("table");

    JsonNode tables = disclosure.path("tables");
    if (!tables.isObject() || tables.isEmpty()) {
      return;
    }
    String id = "provenance-withheld";
    html.open("div", "class", "scroll", "role", "region", "aria-labelledby", id + "-caption", "tabindex", "0").newline();
    html.open("table", "id", id).newline();
    html.element("caption", "Cells withheld per table: for being small (primary) and to protect others (secondary)", "id", id + "-caption");
    html.open("thead").open("tr");
    html.element("th", "table", "scope", "col");
    for (String column : WITHHELD_COLUMNS) {
      html.element("th", column, "scope", "col", "class", "num");
    }
    html.close("tr").close("thead");
    html.open("tbody").newline();
    for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      html.open("tr").element("th", table.getKey(), "scope", "row");
      for (String column : WITHHELD_COLUMNS) {
        html.element("td", text(table.getValue().path(column)), "class", "num");
      }
      html.close("tr");
    }
    html.close("tbody").close("table");
    html.close("div");
  }

  /** A list of objects of the manifest as a table, one column per field named. */
  private static void writeList(Html html, String id, String caption, JsonNode entries, List<String> columns) {
    html.open("div", "class", "scroll", "role", "region", "aria-labelledby", id + "-caption", "tabindex", "0").newline();
    html.open("table", "id", id).newline();
    html.element("caption", caption, "id", id + "-caption");
    html.open("thead").open("tr");
    for (String column : columns) {
      html.element("th", column, "scope", "col", "class", NUMBER_COLUMNS.contains(column) ? "num" : null);
    }
    html.close("tr").close("thead");
    html.open("tbody").newline();
    for (JsonNode entry : entries) {
      html.open("tr");
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i);
        String cssClass = NUMBER_COLUMNS.contains(column) ? "num" : column.equals("sha256") ? "hash" : null;
        html.element(i == 0 ? "th" : "td", text(entry.path(column)), "scope", i == 0 ? "row" : null, "class", cssClass);
      }
      html.close("tr");
    }
    html.close("tbody").close("table");
    html.close("div");
  }

  private static void writeStrings(Html html, String heading, JsonNode values) {
    html.element("h3", heading);
    if (!values.isArray() || values.isEmpty()) {
      html.element("p", "None.");
      return;
    }
    html.open("ul").newline();
    values.forEach(value -> html.element("li", text(value)));
    html.close("ul");
  }

  /** A manifest value as text: strings and numbers as they are, null as "none", lists joined. */
  static String text(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "none";
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(text(v)));
      return parts.isEmpty() ? "none" : String.join(" ", parts);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
