package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.offstats.extract.ValidatorHarness.assertAccepted;
import static org.offstats.extract.ValidatorHarness.assertNoIdentifierIn;
import static org.offstats.extract.ValidatorHarness.assertRejected;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of EXTRACTS.md for {@code arrests*.csv}, one by one, with the reason code each breaks,
 * and the order in which reasons are chosen when a record breaks several. Expected values are read
 * from the spec's table and the small reference data in {@link InMemoryReference}.
 */
class RowValidatorArrestsTest {

  private static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry("arrest_id", "AQ7Z-0001"),
          Map.entry("person_ref", "PZ4X-0042"),
          Map.entry("arrest_date", "2021-06-01"),
          Map.entry("bcu_code", "CE"),
          Map.entry("unit_code", "POU-CE"),
          Map.entry("offence_code", "19C"),
          Map.entry("domestic_abuse", "N"),
          Map.entry("operation", "VIGILANT"),
          Map.entry("sex", "F"),
          Map.entry("age_band", "30-39"),
          Map.entry("ethnicity", "W1"));

  private final ValidatorHarness arrests = new ValidatorHarness("arrests", VALID, ValidatorHarness.ONE_MIB);

  @Test
  void theValidRecordIsAcceptedWithItsValuesVerbatim() {
    RowValidator.Result result = arrests.check();
    assertAccepted(result);
    for (Map.Entry<String, String> entry : VALID.entrySet()) {
      assertThat(arrests.value(result, entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    assertThat(result.latestDate()).isEqualTo(LocalDate.of(2021, 6, 1).toEpochDay());
  }

  // --- required values ---------------------------------------------------------------------

  @ParameterizedTest(name = "empty {0} is MISSING_VALUE")
  @ValueSource(
      strings = {"arrest_id", "person_ref", "arrest_date", "bcu_code", "unit_code", "offence_code", "domestic_abuse"})
  void anEmptyRequiredValueIsMissing(String column) {
    assertRejected(arrests.check(column, ""), ReasonCode.MISSING_VALUE);
  }

  @Test
  void optionalValuesMayBeEmptyAndSexAgeBandEthnicityTakeTheirDefaults() {
    RowValidator.Result result = arrests.check("operation", "", "sex", "", "age_band", "", "ethnicity", "");
    assertAccepted(result);
    assertThat(arrests.value(result, "sex")).isEqualTo("U");
    assertThat(arrests.value(result, "age_band")).isEqualTo("U");
    assertThat(arrests.value(result, "ethnicity")).isEqualTo("NS");
    assertThat(arrests.value(result, "operation")).isNullOrEmpty();
  }

  @Test
  void aSpaceIsAValueNotAnEmptyField() {
    // Values are verbatim: " " is given (and wrong), it is not "not given".
    assertRejected(arrests.check("bcu_code", " "), ReasonCode.UNKNOWN_CODE);
    assertRejected(arrests.check("sex", " "), ReasonCode.BAD_FORMAT);
    assertRejected(arrests.check("arrest_id", " "), ReasonCode.BAD_FORMAT);
  }

  // --- identifiers -------------------------------------------------------------------------

  @Test
  void arrestIdIsFourToFortyCharacters() {
    assertRejected(arrests.check("arrest_id", "Qz7"), ReasonCode.BAD_FORMAT);
    assertAccepted(arrests.check("arrest_id", "Qz7k"));
    assertAccepted(arrests.check("arrest_id", "A" + "z".repeat(38) + "9"));
    assertRejected(arrests.check("arrest_id", "A" + "z".repeat(39) + "9"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void personRefIsFourToSixtyFourCharacters() {
    assertRejected(arrests.check("person_ref", "Pq3"), ReasonCode.BAD_FORMAT);
    assertAccepted(arrests.check("person_ref", "Pq3w"));
    assertAccepted(arrests.check("person_ref", "P" + "q".repeat(39) + "9")); // 41: fine for a person_ref
    assertAccepted(arrests.check("person_ref", "P" + "q".repeat(62) + "9"));
    assertRejected(arrests.check("person_ref", "P" + "q".repeat(63) + "9"), ReasonCode.BAD_FORMAT);
  }

  // EXTRACTS.md: identifiers are "keys of 4 to 40 characters". U+1F600 is one character, though
  // Java stores it as two UTF-16 units.
  private static final String EMOJI = new String(Character.toChars(0x1F600));

  @Test
  void fortyCharactersOneOfThemOutsideTheBasicPlaneIsAValidIdentifier() {
    assertAccepted(arrests.check("arrest_id", "A" + "z".repeat(38) + EMOJI));
  }

  @Test
  void threeCharactersOneOfThemOutsideTheBasicPlaneIsTooShort() {
    assertRejected(arrests.check("arrest_id", "Az" + EMOJI), ReasonCode.BAD_FORMAT);
  }

  // --- dates -------------------------------------------------------------------------------

  @ParameterizedTest(name = "arrest_date ''{0}'' is BAD_FORMAT")
  @ValueSource(
      strings = {
        "2021-02-29", // not a leap year
        "2021-13-01",
        "2021-00-10",
        "2021-04-31",
        "2021-06-00",
        "2021-1-01",
        "2021-06-1",
        "21-06-01",
        "2021/06/01",
        "01/06/2021",
        "20210601",
        " 2021-06-01",
        "2021-06-01 ",
        "2021-06-01T10:00",
        "1900-02-29", // not a date at all, so not merely out of range
        "yesterday"
      })
  void aDateThatIsNotAnIsoCalendarDateIsBadFormat(String date) {
    assertRejected(arrests.check("arrest_date", date), ReasonCode.BAD_FORMAT);
  }

  @Test
  void leapDaysThatExistAreAccepted() {
    assertAccepted(arrests.check("arrest_date", "2024-02-29"));
    assertAccepted(arrests.check("arrest_date", "2000-02-29", "unit_code", "HIST"));
  }

  @Test
  void arrestDateFromTwoThousand() {
    // HIST was established in 1990, so only the 2000-01-01 bound applies.
    assertAccepted(arrests.check("arrest_date", "2000-01-01", "unit_code", "HIST"));
    assertRejected(arrests.check("arrest_date", "1999-12-31", "unit_code", "HIST"), ReasonCode.OUT_OF_RANGE);
  }

  @Test
  void arrestDateNotBeforeItsUnitWasEstablished() {
    // POU-CE: established 2020-11-01; CID-CE: 2018-04-01.
    assertRejected(arrests.check("arrest_date", "2020-10-31", "unit_code", "POU-CE"), ReasonCode.OUT_OF_RANGE);
    assertAccepted(arrests.check("arrest_date", "2020-11-01", "unit_code", "POU-CE"));
    assertAccepted(arrests.check("arrest_date", "2020-10-31", "unit_code", "CID-CE"));
    assertRejected(arrests.check("arrest_date", "2018-03-31", "unit_code", "CID-CE"), ReasonCode.OUT_OF_RANGE);
    assertAccepted(arrests.check("arrest_date", "2018-04-01", "unit_code", "CID-CE"));
  }

  @Test
  void asAtBoundsTheArrestDate() {
    RowValidator.Result result = arrests.check("arrest_date", "2025-10-31");
    assertAccepted(result);
    assertThat(arrests.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 31))).isEmpty();
    assertThat(arrests.validator.checkAsAt(result.values(), LocalDate.of(2025, 11, 1))).isEmpty();
    Optional<String> after = arrests.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 30));
    assertThat(after).isPresent();
    assertNoIdentifierIn(after.get(), arrests.record("arrest_date", "2025-10-31"));
  }

  // --- codes -------------------------------------------------------------------------------

  static Stream<Arguments> codesNotInTheReferenceData() {
    return Stream.of(
        Arguments.of("bcu_code", " CE"),
        Arguments.of("bcu_code", "CE "),
        Arguments.of("bcu_code", "ce"),
        Arguments.of("bcu_code", "XX"),
        Arguments.of("bcu_code", "E09000012"), // a borough code, not a BCU code
        Arguments.of("unit_code", "pou-ce"),
        Arguments.of("unit_code", "POU-XX"),
        Arguments.of("offence_code", "19c"),
        Arguments.of("offence_code", "19C "),
        Arguments.of("offence_code", "99Z"));
  }

  @ParameterizedTest(name = "{0} ''{1}'' is UNKNOWN_CODE")
  @MethodSource("codesNotInTheReferenceData")
  void aCodeNotInTheReferenceDataIsUnknown(String column, String value) {
    assertRejected(arrests.check(column, value), ReasonCode.UNKNOWN_CODE);
  }

  @Test
  void everyReferenceCodeIsAccepted() {
    assertAccepted(arrests.check("bcu_code", "NW"));
    assertAccepted(arrests.check("unit_code", "CID-CE"));
    assertAccepted(arrests.check("offence_code", "8N"));
    assertAccepted(arrests.check("offence_code", "9A"));
  }

  // --- flags and closed lists ---------------------------------------------------------------

  @ParameterizedTest(name = "domestic_abuse ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"y", "n", "Yes", "No", "1", "0", "true", " Y", "Y ", "YN"})
  void aFlagIsYOrN(String flag) {
    assertRejected(arrests.check("domestic_abuse", flag), ReasonCode.BAD_FORMAT);
  }

  @Test
  void flagsYAndNAreAccepted() {
    assertAccepted(arrests.check("domestic_abuse", "Y"));
    assertAccepted(arrests.check("domestic_abuse", "N"));
  }

  @Test
  void operationIsAnyString() {
    assertAccepted(arrests.check("operation", "Operation Vigilant, phase 2 (\"night\")"));
  }

  @ParameterizedTest(name = "sex {0} is accepted")
  @ValueSource(strings = {"M", "F", "X", "U"})
  void sexValues(String sex) {
    RowValidator.Result result = arrests.check("sex", sex);
    assertAccepted(result);
    assertThat(arrests.value(result, "sex")).isEqualTo(sex);
  }

  @ParameterizedTest(name = "sex ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"m", "f", "Male", " M", "M ", "MF", "N"})
  void otherSexValuesAreBadFormat(String sex) {
    assertRejected(arrests.check("sex", sex), ReasonCode.BAD_FORMAT);
  }

  @ParameterizedTest(name = "age_band {0} is accepted")
  @ValueSource(strings = {"10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U"})
  void ageBandValues(String band) {
    RowValidator.Result result = arrests.check("age_band", band);
    assertAccepted(result);
    assertThat(arrests.value(result, "age_band")).isEqualTo(band);
  }

  @ParameterizedTest(name = "age_band ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"u", "0-9", "50 +", "50", "18-20 ", "30 - 39", "60+", "18–20"})
  void otherAgeBandsAreBadFormat(String band) {
    assertRejected(arrests.check("age_band", band), ReasonCode.BAD_FORMAT);
  }

  @ParameterizedTest(name = "ethnicity {0} is accepted")
  @ValueSource(
      strings = {
        "W1", "W2", "W3", "W9", "M1", "M2", "M3", "M9", "A1", "A2", "A3", "A4", "A9", "B1", "B2", "B9", "O1", "O2",
        "O9", "NS"
      })
  void selfDefinedEthnicityCodes(String code) {
    RowValidator.Result result = arrests.check("ethnicity", code);
    assertAccepted(result);
    assertThat(arrests.value(result, "ethnicity")).isEqualTo(code);
  }

  @ParameterizedTest(name = "ethnicity ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"w1", "W4", "A5", "B3", "O3", "U", "ns", "NS ", " W1", "White", "X"})
  void anyOtherEthnicityIsBadFormat(String code) {
    assertRejected(arrests.check("ethnicity", code), ReasonCode.BAD_FORMAT);
  }

  // --- field count and field length ---------------------------------------------------------

  @Test
  void tooFewOrTooManyFieldsIsWrongFieldCount() {
    String[] fields = arrests.fields(arrests.record());
    List<String> fewer = new ArrayList<>(List.of(fields));
    fewer.remove(fewer.size() - 1);
    List<String> more = new ArrayList<>(List.of(fields));
    more.add("extra");
    assertRejected(arrests.validator.check(arrests.header, fewer.toArray(String[]::new)), ReasonCode.WRONG_FIELD_COUNT);
    assertRejected(arrests.validator.check(arrests.header, more.toArray(String[]::new)), ReasonCode.WRONG_FIELD_COUNT);
    assertRejected(arrests.validator.check(arrests.header, new String[] {""}), ReasonCode.WRONG_FIELD_COUNT);
  }

  @Test
  void fieldLimitIsInUtf8Bytes() {
    ValidatorHarness limited = new ValidatorHarness("arrests", VALID, 10);
    String euro = "\u20AC"; // 3 bytes in UTF-8
    String emoji = new String(Character.toChars(0x1F600)); // 4 bytes, 2 UTF-16 units
    assertAccepted(limited.check("operation", "a".repeat(10)));
    assertRejected(limited.check("operation", "a".repeat(11)), ReasonCode.FIELD_TOO_LONG);
    assertRejected(limited.check("operation", euro.repeat(4)), ReasonCode.FIELD_TOO_LONG); // 4 chars, 12 bytes
    assertAccepted(limited.check("operation", euro.repeat(3) + "a")); // 10 bytes
    assertAccepted(limited.check("operation", "\u00E9".repeat(5))); // 10 bytes
    assertRejected(limited.check("operation", "\u00E9".repeat(5) + "a"), ReasonCode.FIELD_TOO_LONG);
    assertAccepted(limited.check("operation", emoji + emoji + "aa")); // 10 bytes
    assertRejected(limited.check("operation", emoji.repeat(3)), ReasonCode.FIELD_TOO_LONG); // 6 units, 12 bytes
  }

  @Test
  void aOneMebibyteLimitAllowsExactlyOneMebibyte() {
    assertAccepted(arrests.check("operation", "a".repeat(1 << 20)));
    assertRejected(arrests.check("operation", "a".repeat((1 << 20) + 1)), ReasonCode.FIELD_TOO_LONG);
  }

  @Test
  void anOverLongFieldInAnExtraColumnAlsoRejects() {
    List<String> header = new ArrayList<>(arrests.contract.columnNames());
    header.add("notes");
    HeaderMap withNotes = HeaderMap.of(arrests.contract, header, "arrests.csv");
    RowValidator limited = RowValidator.forExtract(arrests.contract, InMemoryReference.standard(), 10);
    List<String> fields = new ArrayList<>(List.of(arrests.fields(arrests.record())));
    fields.add("short");
    assertAccepted(limited.check(withNotes, fields.toArray(String[]::new)));
    fields.set(fields.size() - 1, "x".repeat(11));
    assertRejected(limited.check(withNotes, fields.toArray(String[]::new)), ReasonCode.FIELD_TOO_LONG);
  }

  // --- one reason per record: the first in the order of EXTRACTS.md ----------------------------

  @Test
  void wrongFieldCountComesFirst() {
    ValidatorHarness limited = new ValidatorHarness("arrests", VALID, 10);
    // Too many fields, one of them over-long and others empty or malformed.
    List<String> fields =
        new ArrayList<>(List.of(limited.fields(limited.record("arrest_id", "", "sex", "m", "operation", "z".repeat(50)))));
    fields.add("extra");
    assertRejected(limited.validator.check(limited.header, fields.toArray(String[]::new)), ReasonCode.WRONG_FIELD_COUNT);
  }

  @Test
  void fieldTooLongComesBeforeMissingAndBadFormat() {
    ValidatorHarness limited = new ValidatorHarness("arrests", VALID, 10);
    assertRejected(
        limited.check("arrest_id", "", "sex", "m", "operation", "z".repeat(11)), ReasonCode.FIELD_TOO_LONG);
    // An identifier far over the field limit is too long, not merely the wrong length.
    assertRejected(limited.check("arrest_id", "Aq".repeat(30)), ReasonCode.FIELD_TOO_LONG);
  }

  @Test
  void missingValueComesBeforeBadFormatEvenInALaterColumn() {
    // arrest_id (column 1) is malformed; offence_code (column 6) is empty.
    assertRejected(arrests.check("arrest_id", "Qz7", "offence_code", ""), ReasonCode.MISSING_VALUE);
    assertRejected(arrests.check("arrest_date", "2021-02-29", "domestic_abuse", ""), ReasonCode.MISSING_VALUE);
  }

  @Test
  void badFormatComesBeforeUnknownCodeEvenInALaterColumn() {
    assertRejected(arrests.check("bcu_code", "XX", "ethnicity", "W4"), ReasonCode.BAD_FORMAT);
    assertRejected(arrests.check("offence_code", "99Z", "domestic_abuse", "y"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void unknownCodeComesBeforeOutOfRangeEvenInALaterColumn() {
    // arrest_date (column 3) is before 2000; offence_code (column 6) is unknown.
    assertRejected(
        arrests.check("arrest_date", "1999-12-31", "unit_code", "HIST", "offence_code", "99Z"), ReasonCode.UNKNOWN_CODE);
  }

  @Test
  void badFormatComesBeforeOutOfRange() {
    assertRejected(arrests.check("arrest_date", "1999-12-31", "unit_code", "HIST", "sex", "m"), ReasonCode.BAD_FORMAT);
  }

  // --- header order ------------------------------------------------------------------------

  @Test
  void columnsInAnyOrderGiveTheSameAcceptedValues() {
    List<String> shuffled = new ArrayList<>(arrests.contract.columnNames());
    Collections.reverse(shuffled);
    shuffled.add(3, "force_system_id");
    HeaderMap header = HeaderMap.of(arrests.contract, shuffled, "arrests-2021.csv");
    Map<String, String> record = arrests.record("sex", "", "ethnicity", "A4");
    String[] fields = shuffled.stream().map(c -> record.getOrDefault(c, "ignored")).toArray(String[]::new);
    RowValidator.Result result = arrests.validator.check(header, fields);
    assertAccepted(result);
    assertThat(arrests.value(result, "arrest_id")).isEqualTo("AQ7Z-0001");
    assertThat(arrests.value(result, "person_ref")).isEqualTo("PZ4X-0042");
    assertThat(arrests.value(result, "unit_code")).isEqualTo("POU-CE");
    assertThat(arrests.value(result, "sex")).isEqualTo("U");
    assertThat(arrests.value(result, "ethnicity")).isEqualTo("A4");
    assertThat(result.values()).doesNotContain("ignored");
  }
}
