package org.offstats.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offstats.extract.InputException;

/**
 * The versioned headline definitions file, {@code figures/headlines.json}, checked on load: an
 * unknown unit, source, filter attribute or rounding method, or a unit that does not fit its source
 * (persons are counted from arrests only), is an error naming the figure.
 */
public final class FigureDefinitions implements Serializable {
  /** The bundled definitions inside the jar. */
  public static final String BUNDLED = "/figures/headlines.json";

  private static final Set<String> UNITS =
      Set.of(FigureDefinition.PERSONS, FigureDefinition.ARRESTS, FigureDefinition.CRIMES, FigureDefinition.RATE, FigureDefinition.DAYS,
          FigureDefinition.SEARCHES);

  private final List<FigureDefinition> figures;
  private final Map<String, String> acknowledgements;
  private final String sha256;
  private final String location;

  private FigureDefinitions(List<FigureDefinition> figures, Map<String, String> acknowledgements, String sha256, String location) {
    this.figures = figures;
    this.acknowledgements = acknowledgements;
    this.sha256 = sha256;
    this.location = location;
  }

  public static FigureDefinitions bundled() {
    try (InputStream in = FigureDefinitions.class.getResourceAsStream(BUNDLED)) {
      return load(in, "bundled:figures/headlines.json");
    } catch (IOException e) {
      throw new IllegalStateException("the bundled headline definitions cannot be read", e);
    }
  }

  /** Definitions from a file of the user's ({@code run --figures FILE}). */
  public static FigureDefinitions load(java.nio.file.Path file) throws IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InputException(file + ": the headline definitions file does not exist");
    }
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return load(in, file.toString());
    }
  }

  public static FigureDefinitions load(InputStream in, String location) throws IOException {
    byte[] bytes = in.readAllBytes();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw InputException.in(location, "not valid JSON: " + String.valueOf(e.getMessage()).split("\n")[0]);
    }
    List<FigureDefinition> figures = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> acknowledgements = new LinkedHashMap<>();
    for (JsonNode node : root.path("figures")) {
      FigureDefinition figure = parse(node, location);
      if (!ids.add(figure.id())) {
        throw InputException.in(location, "figure id '" + figure.id() + "' is defined twice");
      }
      figures.add(figure);
      String acknowledged = node.path("acknowledge").asText("");
      if (!acknowledged.isBlank()) {
        acknowledgements.put(figure.id(), acknowledged);
      }
    }
    StatementChecks.check(figures, acknowledgements, location);
    return new FigureDefinitions(List.copyOf(figures), Map.copyOf(acknowledgements), sha256(bytes), location);
  }

  /**
   * The wording a definition accepts despite a wording check ({@code "acknowledge"}), shown under
   * its statement in {@code headlines.md}.
   */
  public java.util.Optional<String> acknowledgement(String figureId) {
    return java.util.Optional.ofNullable(acknowledgements.get(figureId));
  }

  public List<FigureDefinition> figures() {
    return figures;
  }

  public String sha256() {
    return sha256;
  }

  public String location() {
    return location;
  }

  private static FigureDefinition parse(JsonNode node, String location) {
    String id = node.path("id").asText("");
    String where = location + ": figure '" + id + "'";
    if (id.isEmpty()) {
      throw InputException.in(location, "a figure has no id");
    }
    String unit = node.path("unit").asText("");
    if (!UNITS.contains(unit)) {
      throw new InputException(where + ": unit must be one of " + String.join(", ", UNITS.stream().sorted().toList()));
    }
    String source = node.path("source").asText("");
    Set<String> attributes = FigureMatcher.attributes(source);
    if (attributes.isEmpty()) {
      throw new InputException(where + ": source must be arrests, crimes or a police.uk table (policeuk_street_by_type, policeuk_outcomes_by_type, policeuk_stop_search)");
    }
    if (!unitFits(unit, source)) {
      throw new InputException(where + ": unit " + unit + " cannot be counted from " + source);
    }
    Map<String, List<String>> filters = valueLists(node.path("filters"), attributes, where);
    Map<String, List<String>> numerator = valueLists(node.path("numerator"), attributes, where);
    if (unit.equals(FigureDefinition.RATE) == numerator.isEmpty()) {
      throw new InputException(where + ": a rate needs a numerator filter, and only a rate has one");
    }
    String statistic = node.path("statistic").asText(null);
    if (unit.equals(FigureDefinition.DAYS) && !"median".equals(statistic)) {
      throw new InputException(where + ": unit days needs statistic median");
    }
    JsonNode period = node.path("period");
    FigureDefinition.Period parsedPeriod =
        new FigureDefinition.Period(
            period.path("from").asText(null), period.path("to").asText(null), period.path("financial_year").asText(null));
    checkPeriod(parsedPeriod, where);
    Rounding rounding;
    try {
      JsonNode digits = node.path("rounding").path("digits");
      rounding = Rounding.of(node.path("rounding").path("method").asText(""), digits.isMissingNode() ? null : digits.asInt());
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ": " + e.getMessage());
    }
    String statement = node.path("statement").asText("");
    if (!statement.contains("{as_at}")) {
      throw new InputException(where + ": the statement must name the as-at date ({as_at})");
    }
    return new FigureDefinition(id, unit, source, filters, numerator, statistic, parsedPeriod, rounding, statement);
  }

  /**
   * Which units each source can count: persons and arrests from arrests; crimes, rates and days
   * from crimes; police.uk street and outcome records as crimes; stop and search records as
   * searches, or as arrests when filtered to searches that led to one.
   */
  static boolean unitFits(String unit, String source) {
    return switch (source) {
      case FigureDefinition.SOURCE_ARRESTS -> unit.equals(FigureDefinition.PERSONS) || unit.equals(FigureDefinition.ARRESTS);
      case FigureDefinition.SOURCE_CRIMES ->
          unit.equals(FigureDefinition.CRIMES) || unit.equals(FigureDefinition.RATE) || unit.equals(FigureDefinition.DAYS);
      case "policeuk_stop_search" -> unit.equals(FigureDefinition.SEARCHES) || unit.equals(FigureDefinition.ARRESTS);
      default -> unit.equals(FigureDefinition.CRIMES);
    };
  }

  private static Map<String, List<String>> valueLists(JsonNode node, Set<String> attributes, String where) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    node.fields().forEachRemaining(entry -> {
      if (!attributes.contains(entry.getKey())) {
        throw new InputException(
            where + ": unknown filter '" + entry.getKey() + "' (known: " + String.join(", ", attributes.stream().sorted().toList()) + ")");
      }
      List<String> allowed = new ArrayList<>();
      if (entry.getValue().isArray()) {
        entry.getValue().forEach(v -> allowed.add(v.asText()));
      } else {
        allowed.add(entry.getValue().asText());
      }
      values.put(entry.getKey(), List.copyOf(allowed));
    });
    return values;
  }

  private static void checkPeriod(FigureDefinition.Period period, String where) {
    if (period.financialYear() != null) {
      if (!period.financialYear().equals(FigureDefinition.Period.LATEST_COMPLETE) || period.from() != null || period.to() != null) {
        throw new InputException(where + ": period financial_year must be latest_complete, without from/to");
      }
      return;
    }
    if (FigureDefinition.Period.AS_AT.equals(period.from())) {
      throw new InputException(where + ": a period can end at as_at but not start there");
    }
    for (String date : new String[] {period.from(), period.to()}) {
      if (date == null) {
        throw new InputException(where + ": period needs from and to (a date or as_at), or financial_year");
      }
      if (!date.equals(FigureDefinition.Period.AS_AT)) {
        try {
          LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          throw new InputException(where + ": period date '" + date + "' is not YYYY-MM-DD or as_at");
        }
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
