package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.offstats.extract.ValidatorHarness.assertAccepted;
import static org.offstats.extract.ValidatorHarness.assertNoIdentifierIn;
import static org.offstats.extract.ValidatorHarness.assertRejected;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of EXTRACTS.md for {@code outcomes*.csv}, with their reason codes and order. */
class RowValidatorOutcomesTest {

  private static final Map<String, String> VALID =
      Map.of(
          "crime_ref", "CZ9Q-0007",
          "offence_code", "19C",
          "domestic_abuse", "Y",
          "recorded_date", "2021-06-01",
          "bcu_code", "CE",
          "outcome_type", "1",
          "outcome_date", "2021-09-15",
          "arrest_id", "AQ7Z-0001");

  private final ValidatorHarness outcomes = new ValidatorHarness("outcomes", VALID, ValidatorHarness.ONE_MIB);

  @Test
  void theValidRecordIsAccepted() {
    RowValidator.Result result = outcomes.check();
    assertAccepted(result);
    for (Map.Entry<String, String> entry : VALID.entrySet()) {
      assertThat(outcomes.value(result, entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    // The latest as-at-bounded date of the record is its outcome date.
    assertThat(result.latestDate()).isEqualTo(LocalDate.of(2021, 9, 15).toEpochDay());
  }

  @ParameterizedTest(name = "empty {0} is MISSING_VALUE")
  @ValueSource(strings = {"crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code"})
  void anEmptyRequiredValueIsMissing(String column) {
    assertRejected(outcomes.check(column, ""), ReasonCode.MISSING_VALUE);
  }

  @Test
  void aCrimeWithNoOutcomeYetHasNeitherTypeNorDate() {
    RowValidator.Result result = outcomes.check("outcome_type", "", "outcome_date", "", "arrest_id", "");
    assertAccepted(result);
    assertThat(result.latestDate()).isEqualTo(LocalDate.of(2021, 6, 1).toEpochDay());
  }

  // --- outcome_type --------------------------------------------------------------------------

  @ParameterizedTest(name = "outcome_type ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"0", "01", "001", "1000", "-1", "+1", "1.0", " 1", "1 ", "one", "1e1", "\u0661"})
  void outcomeTypeMustMatchItsPattern(String type) {
    assertRejected(outcomes.check("outcome_type", type), ReasonCode.BAD_FORMAT);
  }

  @ParameterizedTest(name = "outcome_type {0} is UNKNOWN_CODE")
  @ValueSource(strings = {"23", "99", "999"})
  void anOutcomeTypeNotInTheReferenceDataIsUnknown(String type) {
    assertRejected(outcomes.check("outcome_type", type), ReasonCode.UNKNOWN_CODE);
  }

  @ParameterizedTest(name = "outcome_type {0} is accepted")
  @ValueSource(strings = {"1", "8", "16", "22"})
  void outcomeTypesInTheReferenceDataAreAccepted(String type) {
    assertAccepted(outcomes.check("outcome_type", type));
  }

  // --- outcome_date goes with outcome_type ---------------------------------------------------

  @Test
  void anOutcomeTypeWithoutADateIsMissingValue() {
    assertRejected(outcomes.check("outcome_type", "1", "outcome_date", ""), ReasonCode.MISSING_VALUE);
    // Missing comes before the type's own format problem.
    assertRejected(outcomes.check("outcome_type", "0", "outcome_date", ""), ReasonCode.MISSING_VALUE);
  }

  @Test
  void anOutcomeDateWithoutATypeIsBadFormat() {
    assertRejected(outcomes.check("outcome_type", "", "outcome_date", "2021-09-15"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void anOutcomeOnTheDayOfRecordingIsAccepted() {
    assertAccepted(outcomes.check("recorded_date", "2021-06-01", "outcome_date", "2021-06-01"));
  }

  @Test
  void anOutcomeBeforeItsCrimeIsOutOfRange() {
    assertRejected(outcomes.check("recorded_date", "2021-06-01", "outcome_date", "2021-05-31"), ReasonCode.OUT_OF_RANGE);
  }

  @ParameterizedTest(name = "outcome_date ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"2021-02-29", "2021-13-01", "2021-1-01", "2021-09-15 ", "15/09/2021"})
  void anOutcomeDateThatIsNotACalendarDateIsBadFormat(String date) {
    assertRejected(outcomes.check("outcome_date", date), ReasonCode.BAD_FORMAT);
  }

  @Test
  void anOutcomeAcrossALeapDay() {
    assertAccepted(outcomes.check("recorded_date", "2024-02-28", "outcome_date", "2024-02-29"));
    assertAccepted(outcomes.check("recorded_date", "2024-02-29", "outcome_date", "2024-03-01"));
  }

  // --- recorded_date -------------------------------------------------------------------------

  @ParameterizedTest(name = "recorded_date ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"2021-02-29", "2021-13-01", "2021-1-01", "2021-06-01T00:00", "1900-02-29"})
  void aRecordedDateThatIsNotACalendarDateIsBadFormat(String date) {
    assertRejected(outcomes.check("recorded_date", date), ReasonCode.BAD_FORMAT);
  }

  @Test
  void recordedDateFromTwoThousand() {
    assertAccepted(outcomes.check("recorded_date", "2000-01-01", "outcome_date", "2000-01-01"));
    assertRejected(outcomes.check("recorded_date", "1999-12-31", "outcome_date", "2000-01-05"), ReasonCode.OUT_OF_RANGE);
    assertRejected(
        outcomes.check("recorded_date", "1999-12-31", "outcome_type", "", "outcome_date", ""), ReasonCode.OUT_OF_RANGE);
  }

  @Test
  void leapDayRecordedDate() {
    assertAccepted(outcomes.check("recorded_date", "2024-02-29", "outcome_date", "2024-03-31"));
  }

  @Test
  void asAtBoundsRecordedAndOutcomeDates() {
    RowValidator.Result result = outcomes.check("recorded_date", "2025-10-01", "outcome_date", "2025-10-31");
    assertAccepted(result);
    assertThat(outcomes.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 31))).isEmpty();
    Optional<String> outcomeAfter = outcomes.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 30));
    assertThat(outcomeAfter).isPresent();
    assertNoIdentifierIn(outcomeAfter.get(), outcomes.record());

    RowValidator.Result open = outcomes.check("recorded_date", "2025-10-31", "outcome_type", "", "outcome_date", "");
    assertAccepted(open);
    assertThat(outcomes.validator.checkAsAt(open.values(), LocalDate.of(2025, 10, 31))).isEmpty();
    assertThat(outcomes.validator.checkAsAt(open.values(), LocalDate.of(2025, 10, 30))).isPresent();
  }

  // --- codes, flags, identifiers ----------------------------------------------------------

  @Test
  void codesAreCheckedVerbatimAgainstTheReferenceData() {
    assertRejected(outcomes.check("bcu_code", " CE"), ReasonCode.UNKNOWN_CODE);
    assertRejected(outcomes.check("bcu_code", "ce"), ReasonCode.UNKNOWN_CODE);
    assertRejected(outcomes.check("offence_code", "19c"), ReasonCode.UNKNOWN_CODE);
    assertAccepted(outcomes.check("bcu_code", "NW", "offence_code", "8L"));
  }

  @Test
  void domesticAbuseIsAFlag() {
    assertRejected(outcomes.check("domestic_abuse", "y"), ReasonCode.BAD_FORMAT);
    assertRejected(outcomes.check("domestic_abuse", "Yes"), ReasonCode.BAD_FORMAT);
    assertAccepted(outcomes.check("domestic_abuse", "N"));
  }

  @Test
  void crimeRefIsFourToFortyCharacters() {
    assertRejected(outcomes.check("crime_ref", "Cq9"), ReasonCode.BAD_FORMAT);
    assertAccepted(outcomes.check("crime_ref", "Cq9w"));
    assertAccepted(outcomes.check("crime_ref", "C" + "q".repeat(38) + "9"));
    assertRejected(outcomes.check("crime_ref", "C" + "q".repeat(39) + "9"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void theLinkedArrestIdIsOptionalButStillAnIdentifier() {
    assertAccepted(outcomes.check("arrest_id", ""));
    assertRejected(outcomes.check("arrest_id", "Aq7"), ReasonCode.BAD_FORMAT);
    assertAccepted(outcomes.check("arrest_id", "Aq7w"));
    assertAccepted(outcomes.check("arrest_id", "A" + "q".repeat(38) + "7"));
    assertRejected(outcomes.check("arrest_id", "A" + "q".repeat(39) + "7"), ReasonCode.BAD_FORMAT);
    // It need not be in this run's arrests extract: there is no lookup.
    assertAccepted(outcomes.check("arrest_id", "NOT-IN-ANY-EXTRACT"));
  }

  // --- order of reasons --------------------------------------------------------------------

  @Test
  void reasonsAreChosenInTheOrderOfTheSpec() {
    assertRejected(outcomes.check("crime_ref", "Cq9", "recorded_date", ""), ReasonCode.MISSING_VALUE);
    assertRejected(outcomes.check("bcu_code", "XX", "outcome_type", "01"), ReasonCode.BAD_FORMAT);
    assertRejected(outcomes.check("outcome_type", "0", "outcome_date", "2021-05-01"), ReasonCode.BAD_FORMAT);
    assertRejected(outcomes.check("outcome_type", "23", "outcome_date", "2021-05-01"), ReasonCode.UNKNOWN_CODE);
    assertRejected(
        outcomes.check("recorded_date", "1999-12-31", "outcome_date", "2000-01-05", "bcu_code", "XX"),
        ReasonCode.UNKNOWN_CODE);
  }

  @Test
  void fieldTooLongComesBeforeEveryValueRule() {
    ValidatorHarness limited = new ValidatorHarness("outcomes", VALID, 10);
    assertRejected(limited.check("crime_ref", "", "outcome_type", "0", "arrest_id", "A".repeat(11)), ReasonCode.FIELD_TOO_LONG);
  }
}
