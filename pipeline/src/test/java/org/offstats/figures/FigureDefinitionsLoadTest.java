package org.offstats.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.offstats.extract.InputException;

/**
 * OUTPUTS.md "Headline figures": definitions are declared in one versioned file, each with an id, a
 * unit of count (persons, arrests, crimes, rate, days) never mixed silently, filters, a period, a
 * rounding rule and a statement template that names the as-at date. The shipped file has at least
 * the five figures of the spec's table.
 */
class FigureDefinitionsLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // --- the shipped definitions ---------------------------------------------------------------

  @Test
  void theBundledFileHasTheFiveRequiredFiguresWithTheirUnits() {
    Map<String, String> unitById =
        FigureDefinitions.bundled().figures().stream()
            .collect(Collectors.toMap(FigureDefinition::id, FigureDefinition::unit));
    assertThat(unitById)
        .containsEntry("pou_persons_arrested_since_launch", "persons")
        .containsEntry("pou_da_arrests_since_launch", "arrests")
        .containsEntry("rape_charge_rate_latest_fy", "rate")
        .containsEntry("da_charge_rate_latest_fy", "rate")
        .containsEntry("rape_median_days_to_charge_latest_fy", "days");
  }

  @Test
  void theBundledFiguresSayWhatTheSpecSays() {
    Map<String, FigureDefinition> byId =
        FigureDefinitions.bundled().figures().stream()
            .collect(Collectors.toMap(FigureDefinition::id, Function.identity()));

    FigureDefinition persons = byId.get("pou_persons_arrested_since_launch");
    assertThat(persons.source()).isEqualTo("arrests");
    assertThat(persons.filters()).containsEntry("unit_type", List.of("POU"));
    assertThat(persons.period().from()).isEqualTo("2020-11-01");
    assertThat(persons.period().to()).isEqualTo("as_at");

    FigureDefinition daArrests = byId.get("pou_da_arrests_since_launch");
    assertThat(daArrests.source()).isEqualTo("arrests");
    assertThat(daArrests.filters())
        .containsEntry("unit_type", List.of("POU"))
        .containsEntry("domestic_abuse", List.of("Y"));
    assertThat(daArrests.period().from()).isEqualTo("2020-11-01");
    assertThat(daArrests.period().to()).isEqualTo("as_at");

    FigureDefinition rapeRate = byId.get("rape_charge_rate_latest_fy");
    assertThat(rapeRate.filters())
        .containsEntry("scope_type", List.of("offence_subgroup"))
        .containsEntry("scope", List.of("Rape"));
    assertThat(rapeRate.numerator()).containsEntry("outcome_type", List.of("1"));
    assertThat(rapeRate.period().financialYear()).isEqualTo("latest_complete");

    FigureDefinition daRate = byId.get("da_charge_rate_latest_fy");
    assertThat(daRate.filters()).containsEntry("scope_type", List.of("domestic_abuse"));
    assertThat(daRate.numerator()).containsEntry("outcome_type", List.of("1"));
    assertThat(daRate.period().financialYear()).isEqualTo("latest_complete");

    FigureDefinition days = byId.get("rape_median_days_to_charge_latest_fy");
    assertThat(days.statistic()).isEqualTo("median");
    assertThat(days.filters())
        .containsEntry("scope_type", List.of("offence_subgroup"))
        .containsEntry("scope", List.of("Rape"))
        .containsEntry("outcome_group", List.of("Charged/Summonsed"));
    assertThat(days.period().financialYear()).isEqualTo("latest_complete");

    assertThat(byId.values()).allSatisfy(f -> assertThat(f.statement()).contains("{as_at}"));
  }

  // --- a valid file of our own ---------------------------------------------------------------

  private static ObjectNode arrestsFigure(String id) {
    ObjectNode figure = JSON.createObjectNode();
    figure.put("id", id);
    figure.put("unit", "arrests");
    figure.put("source", "arrests");
    figure.putObject("filters").put("unit_type", "POU");
    ObjectNode period = figure.putObject("period");
    period.put("from", "2020-11-01");
    period.put("to", "as_at");
    ObjectNode rounding = figure.putObject("rounding");
    rounding.put("method", "floor_significant");
    rounding.put("digits", 2);
    figure.put("statement", "More than {published} arrests (as at {as_at}).");
    return figure;
  }

  private static ObjectNode rateFigure(String id) {
    ObjectNode figure = JSON.createObjectNode();
    figure.put("id", id);
    figure.put("unit", "rate");
    figure.put("source", "crimes");
    ObjectNode filters = figure.putObject("filters");
    filters.put("scope_type", "offence_subgroup");
    filters.put("scope", "Rape");
    figure.putObject("numerator").put("outcome_type", "1");
    figure.putObject("period").put("financial_year", "latest_complete");
    ObjectNode rounding = figure.putObject("rounding");
    rounding.put("method", "nearest");
    rounding.put("digits", 3);
    figure.put("statement", "{published} charged by {as_at}.");
    return figure;
  }

  private static FigureDefinitions load(ObjectNode... figures) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode list = root.putArray("figures");
    for (ObjectNode figure : figures) {
      list.add(figure);
    }
    byte[] bytes = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    return FigureDefinitions.load(new ByteArrayInputStream(bytes), "x.json");
  }

  private static void assertRejectedNaming(String figureId, ObjectNode... figures) {
    assertThatThrownBy(() -> load(figures))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("x.json")
        .hasMessageContaining(figureId);
  }

  @Test
  void validDefinitionsLoad() throws IOException {
    FigureDefinitions definitions = load(arrestsFigure("pou_arrests"), rateFigure("rape_rate"));
    assertThat(definitions.figures()).extracting(FigureDefinition::id).containsExactly("pou_arrests", "rape_rate");
    FigureDefinition arrests = definitions.figures().get(0);
    assertThat(arrests.unit()).isEqualTo("arrests");
    assertThat(arrests.filters()).containsEntry("unit_type", List.of("POU"));
    assertThat(definitions.figures().get(1).numerator()).containsEntry("outcome_type", List.of("1"));
  }

  @ParameterizedTest(name = "unit {0} loads")
  @ValueSource(strings = {"persons", "arrests"})
  void arrestUnitsFromArrests(String unit) throws IOException {
    ObjectNode figure = arrestsFigure("f");
    figure.put("unit", unit);
    assertThat(load(figure).figures().get(0).unit()).isEqualTo(unit);
  }

  @Test
  void crimesFromCrimes() throws IOException {
    ObjectNode figure = rateFigure("rape_crimes");
    figure.put("unit", "crimes");
    figure.remove("numerator");
    assertThat(load(figure).figures().get(0).unit()).isEqualTo("crimes");
  }

  // --- invalid definitions name the figure ----------------------------------------------------

  @ParameterizedTest(name = "unit ''{0}'' is unknown")
  @ValueSource(strings = {"people", "Persons", "percent", ""})
  void anUnknownUnitIsRejected(String unit) {
    ObjectNode figure = arrestsFigure("odd_unit_figure");
    figure.put("unit", unit);
    assertRejectedNaming("odd_unit_figure", figure);
  }

  @Test
  void anUnknownFilterAttributeIsRejected() {
    ObjectNode figure = arrestsFigure("colour_figure");
    ((ObjectNode) figure.get("filters")).put("colour", "blue");
    assertRejectedNaming("colour_figure", figure);
  }

  @Test
  void anUnknownNumeratorAttributeIsRejected() {
    ObjectNode figure = rateFigure("odd_numerator_figure");
    figure.putObject("numerator").put("charged_flag", "Y");
    assertRejectedNaming("odd_numerator_figure", figure);
  }

  @Test
  void personsCannotBeCountedFromCrimes() {
    ObjectNode figure = rateFigure("persons_from_crimes");
    figure.put("unit", "persons");
    figure.remove("numerator");
    assertRejectedNaming("persons_from_crimes", figure);
  }

  @Test
  void crimesCannotBeCountedFromArrests() {
    ObjectNode figure = arrestsFigure("crimes_from_arrests");
    figure.put("unit", "crimes");
    assertRejectedNaming("crimes_from_arrests", figure);
  }

  @Test
  void aRateNeedsANumerator() {
    ObjectNode figure = rateFigure("rate_without_numerator");
    figure.remove("numerator");
    assertRejectedNaming("rate_without_numerator", figure);
  }

  @Test
  void theStatementMustNameTheAsAtDate() {
    ObjectNode figure = arrestsFigure("no_as_at_figure");
    figure.put("statement", "More than {published} arrests since November 2020.");
    assertRejectedNaming("no_as_at_figure", figure);
  }

  @Test
  void anIdMayNotRepeat() {
    assertRejectedNaming("twice_defined", arrestsFigure("twice_defined"), rateFigure("twice_defined"));
  }

  @ParameterizedTest(name = "period from ''{0}'' is rejected")
  @ValueSource(strings = {"2020-13-01", "2021-02-29", "01/11/2020", "yesterday", "2020-11-1"})
  void aBadPeriodDateIsRejected(String from) {
    ObjectNode figure = arrestsFigure("bad_period_figure");
    ((ObjectNode) figure.get("period")).put("from", from);
    assertRejectedNaming("bad_period_figure", figure);
  }

  @Test
  void aPeriodNeedsBothEnds() {
    ObjectNode figure = arrestsFigure("half_period_figure");
    ((ObjectNode) figure.get("period")).remove("to");
    assertRejectedNaming("half_period_figure", figure);
  }

  @Test
  void anUnknownFinancialYearPeriodIsRejected() {
    ObjectNode figure = rateFigure("odd_year_figure");
    ((ObjectNode) figure.get("period")).put("financial_year", "latest");
    assertRejectedNaming("odd_year_figure", figure);
  }

  @Test
  void anUnknownRoundingMethodIsRejected() {
    ObjectNode figure = arrestsFigure("odd_rounding_figure");
    ((ObjectNode) figure.get("rounding")).put("method", "round_up");
    assertRejectedNaming("odd_rounding_figure", figure);
  }
}
