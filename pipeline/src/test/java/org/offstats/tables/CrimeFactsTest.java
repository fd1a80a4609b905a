package org.offstats.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.offstats.domain.Scopes;
import org.offstats.extract.InMemoryReference;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.CrimeOutcome;

/**
 * What the outcome tables know of one crime (OUTPUTS.md "Scopes", outcomes_by_offence,
 * charge_rates, time_to_outcome): its financial year of recording, its scopes, its outcome group
 * ("Not yet assigned an outcome" with no outcome), whether it was charged (outcome type 1), and
 * days = outcome_date − recorded_date.
 */
class CrimeFactsTest {
  private static final ReferenceData REFERENCE = InMemoryReference.standard();

  private static CrimeOutcome.Builder crime(String offenceCode, boolean domesticAbuse, LocalDate recorded) {
    return CrimeOutcome.newBuilder()
        .setCrimeRef("CZ9Q-0007")
        .setOffenceCode(offenceCode)
        .setDomesticAbuse(domesticAbuse)
        .setRecordedDate(recorded)
        .setBcuCode("CE")
        .setOutcomeType(null)
        .setOutcomeDate(null)
        .setArrestId(null);
  }

  private static CrimeFacts facts(CrimeOutcome.Builder crime) {
    return CrimeFacts.of(crime.build(), REFERENCE);
  }

  @Test
  void aDomesticAbuseRapeIsInFiveScopes() {
    CrimeFacts facts = facts(crime("19C", true, LocalDate.of(2023, 5, 2)));
    assertThat(facts.scopes())
        .containsExactlyInAnyOrder(
            new Scopes.Scope("all", "All offences"),
            new Scopes.Scope("offence_group", "Sexual offences"),
            new Scopes.Scope("offence_subgroup", "Rape"),
            new Scopes.Scope("domestic_abuse", "Domestic abuse"),
            new Scopes.Scope("vawg", "VAWG"));
  }

  @Test
  void aPublicOrderOffenceNotFlaggedIsInThreeScopes() {
    CrimeFacts facts = facts(crime("9A", false, LocalDate.of(2023, 5, 2)));
    assertThat(facts.scopes())
        .containsExactlyInAnyOrder(
            new Scopes.Scope("all", "All offences"),
            new Scopes.Scope("offence_group", "Public order offences"),
            new Scopes.Scope("offence_subgroup", "Public order offences"));
  }

  @Test
  void vawgComesFromTheOffenceOrTheFlag() {
    assertThat(facts(crime("8L", false, LocalDate.of(2023, 5, 2))).scopes())
        .contains(new Scopes.Scope("vawg", "VAWG"))
        .doesNotContain(new Scopes.Scope("domestic_abuse", "Domestic abuse"))
        .hasSize(4);
    assertThat(facts(crime("8N", true, LocalDate.of(2023, 5, 2))).scopes())
        .contains(new Scopes.Scope("vawg", "VAWG"), new Scopes.Scope("domestic_abuse", "Domestic abuse"))
        .hasSize(5);
    assertThat(facts(crime("8N", false, LocalDate.of(2023, 5, 2))).scopes()).hasSize(3);
  }

  @Test
  void aCrimeWithNoOutcomeIsNotYetAssigned() {
    CrimeFacts facts = facts(crime("19C", false, LocalDate.of(2023, 5, 2)));
    assertThat(facts.outcomeGroup()).isEqualTo("Not yet assigned an outcome");
    assertThat(facts.charged()).isFalse();
    assertThat(facts.hasOutcome()).isFalse();
    assertThat(facts.financialYear()).isEqualTo("2023-24");
  }

  @Test
  void outcomeTypeOneIsCharged() {
    CrimeFacts facts =
        facts(crime("19C", false, LocalDate.of(2023, 5, 2)).setOutcomeType(1).setOutcomeDate(LocalDate.of(2023, 6, 1)));
    assertThat(facts.outcomeGroup()).isEqualTo("Charged/Summonsed");
    assertThat(facts.charged()).isTrue();
    assertThat(facts.hasOutcome()).isTrue();
    assertThat(facts.daysToOutcome()).isEqualTo(30);
  }

  @Test
  void otherOutcomesAreNotCharged() {
    CrimeFacts facts =
        facts(crime("8N", false, LocalDate.of(2023, 5, 2)).setOutcomeType(8).setOutcomeDate(LocalDate.of(2023, 5, 3)));
    assertThat(facts.outcomeGroup()).isEqualTo("Out-of-court (informal)");
    assertThat(facts.charged()).isFalse();
    assertThat(facts.hasOutcome()).isTrue();
    assertThat(facts.daysToOutcome()).isEqualTo(1);
  }

  @Test
  void anOutcomeOnTheDayOfRecordingIsZeroDaysAndStillAnOutcome() {
    CrimeFacts facts =
        facts(crime("19C", true, LocalDate.of(2024, 2, 29)).setOutcomeType(1).setOutcomeDate(LocalDate.of(2024, 2, 29)));
    assertThat(facts.daysToOutcome()).isZero();
    assertThat(facts.hasOutcome()).isTrue();
    assertThat(facts.charged()).isTrue();
  }

  @Test
  void daysCountTheLeapDay() {
    assertThat(
            facts(crime("19C", false, LocalDate.of(2024, 2, 28)).setOutcomeType(1).setOutcomeDate(LocalDate.of(2024, 3, 1)))
                .daysToOutcome())
        .isEqualTo(2);
    assertThat(
            facts(crime("19C", false, LocalDate.of(2023, 2, 28)).setOutcomeType(1).setOutcomeDate(LocalDate.of(2023, 3, 1)))
                .daysToOutcome())
        .isEqualTo(1);
    assertThat(
            facts(crime("19C", false, LocalDate.of(2024, 1, 1)).setOutcomeType(1).setOutcomeDate(LocalDate.of(2025, 1, 1)))
                .daysToOutcome())
        .isEqualTo(366);
  }

  @Test
  void theFinancialYearIsThatOfTheRecordedDate() {
    LocalDate recorded = LocalDate.of(2024, 3, 31);
    CrimeFacts facts = facts(crime("19C", false, recorded).setOutcomeType(1).setOutcomeDate(LocalDate.of(2024, 4, 2)));
    assertThat(facts.financialYear()).isEqualTo("2023-24");
    assertThat(facts(crime("19C", false, LocalDate.of(2024, 4, 1))).financialYear()).isEqualTo("2024-25");
  }
}
