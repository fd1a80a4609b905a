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

/** The rules of EXTRACTS.md for {@code protection_orders*.csv}, with their reason codes and order. */
class RowValidatorProtectionOrdersTest {

  private static final Map<String, String> VALID =
      Map.of(
          "order_ref", "OZ3K-0005",
          "order_type", "DVPO",
          "event", "GRANTED",
          "event_date", "2021-06-03",
          "bcu_code", "NW",
          "crime_ref", "CZ9Q-0007");

  private final ValidatorHarness orders = new ValidatorHarness("protection_orders", VALID, ValidatorHarness.ONE_MIB);

  @Test
  void theValidRecordIsAccepted() {
    RowValidator.Result result = orders.check();
    assertAccepted(result);
    for (Map.Entry<String, String> entry : VALID.entrySet()) {
      assertThat(orders.value(result, entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    assertThat(result.latestDate()).isEqualTo(LocalDate.of(2021, 6, 3).toEpochDay());
  }

  @ParameterizedTest(name = "empty {0} is MISSING_VALUE")
  @ValueSource(strings = {"order_ref", "order_type", "event", "event_date", "bcu_code"})
  void anEmptyRequiredValueIsMissing(String column) {
    assertRejected(orders.check(column, ""), ReasonCode.MISSING_VALUE);
  }

  @ParameterizedTest(name = "order_type {0} is accepted")
  @ValueSource(strings = {"DVPN", "DVPO", "DAPN", "DAPO", "SPO", "SHPO", "SRO", "NMO"})
  void everyOrderTypeOfTheSpecIsAccepted(String type) {
    // BREACHED: "any can be breached", so the event fits every type.
    assertAccepted(orders.check("order_type", type, "event", "BREACHED"));
  }

  @ParameterizedTest(name = "order_type ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"dvpo", "Dvpo", " DVPO", "DVPO ", "RO", "DVP", "Non-molestation order"})
  void otherOrderTypesAreBadFormat(String type) {
    assertRejected(orders.check("order_type", type), ReasonCode.BAD_FORMAT);
  }

  @ParameterizedTest(name = "event {0} is accepted")
  @ValueSource(strings = {"APPLIED", "GRANTED", "REFUSED", "BREACHED"})
  void orderEventsAreAccepted(String event) {
    assertAccepted(orders.check("order_type", "DVPO", "event", event));
  }

  @Test
  void aNoticeIsIssued() {
    assertAccepted(orders.check("order_type", "DVPN", "event", "ISSUED"));
    assertAccepted(orders.check("order_type", "DAPN", "event", "ISSUED"));
  }

  @ParameterizedTest(name = "event ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"granted", "Granted", "GRANTED ", "WITHDRAWN", "ISSUE", "VARIED"})
  void otherEventsAreBadFormat(String event) {
    assertRejected(orders.check("event", event), ReasonCode.BAD_FORMAT);
  }

  @ParameterizedTest(name = "event_date ''{0}'' is BAD_FORMAT")
  @ValueSource(strings = {"2021-02-29", "2021-13-01", "2021-1-01", "2021-06-3", "03/06/2021", "2021-06-03 "})
  void anEventDateThatIsNotACalendarDateIsBadFormat(String date) {
    assertRejected(orders.check("event_date", date), ReasonCode.BAD_FORMAT);
  }

  @Test
  void eventDateFromTwoThousand() {
    assertAccepted(orders.check("event_date", "2000-01-01"));
    assertAccepted(orders.check("event_date", "2024-02-29"));
    assertRejected(orders.check("event_date", "1999-12-31"), ReasonCode.OUT_OF_RANGE);
  }

  @Test
  void asAtBoundsTheEventDate() {
    RowValidator.Result result = orders.check("event_date", "2025-10-31");
    assertAccepted(result);
    assertThat(orders.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 31))).isEmpty();
    Optional<String> after = orders.validator.checkAsAt(result.values(), LocalDate.of(2025, 10, 30));
    assertThat(after).isPresent();
    assertNoIdentifierIn(after.get(), orders.record("event_date", "2025-10-31"));
  }

  @Test
  void bcuCodeIsCheckedVerbatim() {
    assertRejected(orders.check("bcu_code", "nw"), ReasonCode.UNKNOWN_CODE);
    assertRejected(orders.check("bcu_code", " NW"), ReasonCode.UNKNOWN_CODE);
    assertRejected(orders.check("bcu_code", "North West"), ReasonCode.UNKNOWN_CODE);
    assertAccepted(orders.check("bcu_code", "CE"));
  }

  @Test
  void orderRefIsFourToFortyCharacters() {
    assertRejected(orders.check("order_ref", "Oq3"), ReasonCode.BAD_FORMAT);
    assertAccepted(orders.check("order_ref", "Oq3w"));
    assertAccepted(orders.check("order_ref", "O" + "q".repeat(38) + "3"));
    assertRejected(orders.check("order_ref", "O" + "q".repeat(39) + "3"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void crimeRefIsOptionalButStillAnIdentifier() {
    assertAccepted(orders.check("crime_ref", ""));
    assertRejected(orders.check("crime_ref", "Cq9"), ReasonCode.BAD_FORMAT);
    assertAccepted(orders.check("crime_ref", "Cq9w"));
    assertAccepted(orders.check("crime_ref", "C" + "q".repeat(38) + "9"));
    assertRejected(orders.check("crime_ref", "C" + "q".repeat(39) + "9"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void reasonsAreChosenInTheOrderOfTheSpec() {
    assertRejected(orders.check("order_ref", "Oq3", "event", ""), ReasonCode.MISSING_VALUE);
    assertRejected(orders.check("bcu_code", "XX", "event", "granted"), ReasonCode.BAD_FORMAT);
    assertRejected(orders.check("event_date", "1999-12-31", "bcu_code", "XX"), ReasonCode.UNKNOWN_CODE);
    assertRejected(orders.check("event_date", "1999-12-31", "order_type", "dvpo"), ReasonCode.BAD_FORMAT);
  }

  @Test
  void wrongFieldCountAndFieldTooLongComeFirst() {
    ValidatorHarness limited = new ValidatorHarness("protection_orders", VALID, 10);
    assertRejected(limited.check("order_type", "", "crime_ref", "C".repeat(11)), ReasonCode.FIELD_TOO_LONG);
    assertRejected(
        limited.validator.check(limited.header, new String[] {"OZ3K-0005", "", "x".repeat(50)}),
        ReasonCode.WRONG_FIELD_COUNT);
  }
}
