package org.offstats.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offstats.extract.InputException;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;

/** Issue 4, wording checks: units joined with "of which", periods named in words, acknowledgements. */
class StatementChecksTest {
  private static final String PERSONS =
      "{\"id\": \"people\", \"unit\": \"persons\", \"source\": \"arrests\", \"filters\": {\"unit_type\": \"POU\"},"
          + " \"period\": {\"from\": \"2020-11-01\", \"to\": \"as_at\"}, \"rounding\": {\"method\": \"floor_significant\", \"digits\": 2},"
          + " \"statement\": \"%s\"%s}";
  private static final String DA_ARRESTS =
      "{\"id\": \"da_arrests\", \"unit\": \"arrests\", \"source\": \"arrests\", \"filters\": {\"unit_type\": \"POU\", \"domestic_abuse\": \"Y\"},"
          + " \"period\": {\"from\": \"2020-11-01\", \"to\": \"as_at\"}, \"rounding\": {\"method\": \"floor_significant\", \"digits\": 2},"
          + " \"statement\": \"More than {published} arrests (as at {as_at}).\"}";

  private static FigureDefinitions load(String... figures) throws IOException {
    String json = "{\"version\": 1, \"figures\": [" + String.join(",", figures) + "]}";
    return FigureDefinitions.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "figures.json");
  }

  private static String persons(String statement, String extra) {
    return String.format(PERSONS, statement, extra);
  }

  @Test
  void theBundledStatementsPass() {
    assertThatCode(FigureDefinitions::bundled).doesNotThrowAnyException();
  }

  @Test
  void personsAndArrestsJoinedWithOfWhichStopTheRun() {
    String mixed = "Since November 2020 the units have arrested more than {published} individuals, of which more than {published:da_arrests} arrests were for domestic abuse (as at {as_at}).";
    assertThatThrownBy(() -> load(persons(mixed, ""), DA_ARRESTS))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("figures.json: figure 'people': the statement joins persons and arrests (da_arrests) with \"of which\"")
        .hasMessageContaining("acknowledge");
  }

  @Test
  void anAcknowledgedMixShowsUnderTheStatement() throws IOException {
    String mixed = "Since November 2020 the units have arrested more than {published} individuals, and made more than {published:da_arrests} arrests for domestic abuse, of which none are double counted (as at {as_at}).";
    FigureDefinitions definitions = load(persons(mixed, ", \"acknowledge\": \"two units on purpose: people, then arrests\""), DA_ARRESTS);
    assertThat(definitions.acknowledgement("people")).contains("two units on purpose: people, then arrests");

    CellStats people = new CellStats();
    for (int i = 0; i < 3247; i++) {
      people.add(Contribution.person(i));
    }
    CellStats arrests = new CellStats();
    for (int i = 0; i < 1893; i++) {
      arrests.add(Contribution.person(0));
    }
    List<Headline> rows = Headlines.build(definitions.figures(), Map.of("people", people, "da_arrests", arrests), LocalDate.of(2025, 10, 31));
    // 3,247 persons floor to 3,200; 1,893 arrests to 1,800
    assertThat(rows.get(0).getStatement())
        .isEqualTo("Since November 2020 the units have arrested more than 3,200 individuals, and made more than 1,800 arrests for domestic abuse, of which none are double counted (as at 31 October 2025).");
  }

  @Test
  void aMonthThatIsNotWhereThePeriodStartsStopsTheRun() {
    assertThatThrownBy(() -> load(persons("Since October 2020, more than {published} individuals (as at {as_at}).", "")))
        .hasMessageContaining("the statement says \"Since October 2020\" but the figure's period starts on 2020-11-01");
    assertThatCode(() -> load(persons("Since November 2020, more than {published} individuals (as at {as_at}).", ""))).doesNotThrowAnyException();
  }

  @Test
  void aWrittenOutYearForTheLatestCompleteYearStopsTheRun() {
    String rate =
        "{\"id\": \"r\", \"unit\": \"rate\", \"source\": \"crimes\", \"filters\": {\"scope_type\": \"offence_subgroup\", \"scope\": \"Rape\"},"
            + " \"numerator\": {\"outcome_type\": \"1\"}, \"period\": {\"financial_year\": \"latest_complete\"},"
            + " \"rounding\": {\"method\": \"nearest\", \"digits\": 3}, \"statement\": \"In 2023-24, {published} were charged (as at {as_at}).\"}";
    assertThatThrownBy(() -> load(rate)).hasMessageContaining("names the financial year 2023-24").hasMessageContaining("use {period}");
  }

  @Test
  void quotingAnUnknownFigureStopsTheRun() {
    assertThatThrownBy(() -> load(persons("More than {published:nobody} people (as at {as_at}).", "")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("{published:nobody}, which is not a figure");
  }
}
