package org.offstats.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contracts read from {@code schemas/} say what EXTRACTS.md's tables say: the columns, which
 * are required, the keys, the identifier lengths, the closed lists and the ethnicity groups.
 */
class ExtractContractsTest {

  private static List<String> required(CsvContract contract) {
    return contract.columns().stream().filter(Column::required).map(Column::name).toList();
  }

  @Test
  void arrests() {
    CsvContract arrests = Schemas.extract("arrests");
    assertThat(arrests.columnNames())
        .containsExactlyInAnyOrder(
            "arrest_id", "person_ref", "arrest_date", "bcu_code", "unit_code", "offence_code", "domestic_abuse",
            "operation", "sex", "age_band", "ethnicity");
    assertThat(required(arrests))
        .containsExactlyInAnyOrder(
            "arrest_id", "person_ref", "arrest_date", "bcu_code", "unit_code", "offence_code", "domestic_abuse");
    assertThat(arrests.key()).containsExactly("arrest_id");
    assertThat(arrests.column("arrest_id").minLength()).isEqualTo(4);
    assertThat(arrests.column("arrest_id").maxLength()).isEqualTo(40);
    assertThat(arrests.column("person_ref").minLength()).isEqualTo(4);
    assertThat(arrests.column("person_ref").maxLength()).isEqualTo(64);
    assertThat(arrests.column("bcu_code").reference()).isEqualTo("bcus.bcu_code");
    assertThat(arrests.column("unit_code").reference()).isEqualTo("units.unit_code");
    assertThat(arrests.column("offence_code").reference()).isEqualTo("offences.offence_code");
    assertThat(arrests.column("arrest_date").maxIsAsAt()).isTrue();
    assertThat(arrests.column("arrest_date").minDate()).isEqualTo("2000-01-01");
    assertThat(arrests.column("sex").allowed()).containsExactlyInAnyOrder("M", "F", "X", "U");
    assertThat(arrests.column("sex").ifEmpty()).isEqualTo("U");
    assertThat(arrests.column("age_band").allowed())
        .containsExactlyInAnyOrder("10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U");
    assertThat(arrests.column("age_band").ifEmpty()).isEqualTo("U");
    assertThat(arrests.column("ethnicity").ifEmpty()).isEqualTo("NS");
  }

  @Test
  void ethnicityGroupsAreTheFivePlusOneOfTheSpec() {
    Map<String, List<String>> groups = Schemas.extract("arrests").column("ethnicity").groups();
    assertThat(groups)
        .containsOnlyKeys("White", "Mixed", "Asian", "Black", "Other", "Not stated")
        .containsEntry("White", List.of("W1", "W2", "W3", "W9"))
        .containsEntry("Mixed", List.of("M1", "M2", "M3", "M9"))
        .containsEntry("Asian", List.of("A1", "A2", "A3", "A4", "A9"))
        .containsEntry("Black", List.of("B1", "B2", "B9"))
        .containsEntry("Other", List.of("O1", "O2", "O9"))
        .containsEntry("Not stated", List.of("NS"));
  }

  @Test
  void outcomes() {
    CsvContract outcomes = Schemas.extract("outcomes");
    assertThat(outcomes.columnNames())
        .containsExactlyInAnyOrder(
            "crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code", "outcome_type", "outcome_date",
            "arrest_id");
    assertThat(required(outcomes))
        .containsExactlyInAnyOrder("crime_ref", "offence_code", "domestic_abuse", "recorded_date", "bcu_code");
    assertThat(outcomes.key()).containsExactly("crime_ref");
    assertThat(outcomes.column("outcome_type").pattern()).isEqualTo("^[1-9][0-9]{0,2}$");
    assertThat(outcomes.column("outcome_type").reference()).isEqualTo("outcome_types.outcome_type");
    assertThat(outcomes.column("outcome_date").requiredWith()).isEqualTo("outcome_type");
    assertThat(outcomes.column("outcome_date").notBefore()).isEqualTo("recorded_date");
    assertThat(outcomes.column("outcome_date").maxIsAsAt()).isTrue();
    assertThat(outcomes.column("recorded_date").maxIsAsAt()).isTrue();
    assertThat(outcomes.column("recorded_date").minDate()).isEqualTo("2000-01-01");
  }

  @Test
  void protectionOrders() {
    CsvContract orders = Schemas.extract("protection_orders");
    assertThat(orders.columnNames())
        .containsExactlyInAnyOrder("order_ref", "order_type", "event", "event_date", "bcu_code", "crime_ref");
    assertThat(required(orders)).containsExactlyInAnyOrder("order_ref", "order_type", "event", "event_date", "bcu_code");
    assertThat(orders.key()).containsExactlyInAnyOrder("order_ref", "event", "event_date");
    assertThat(orders.column("order_type").allowed())
        .containsExactlyInAnyOrder("DVPN", "DVPO", "DAPN", "DAPO", "SPO", "SHPO", "SRO", "NMO");
    assertThat(orders.column("event").allowed())
        .containsExactlyInAnyOrder("ISSUED", "APPLIED", "GRANTED", "REFUSED", "BREACHED");
    assertThat(orders.column("event_date").maxIsAsAt()).isTrue();
    assertThat(orders.column("event_date").minDate()).isEqualTo("2000-01-01");
  }

  @Test
  void referenceFiles() {
    assertThat(Schemas.reference("offences").columnNames())
        .containsExactlyInAnyOrder("offence_code", "offence_name", "offence_subgroup", "offence_group", "vawg");
    assertThat(Schemas.reference("offences").key()).containsExactly("offence_code");
    assertThat(Schemas.reference("outcome_types").columnNames())
        .containsExactlyInAnyOrder("outcome_type", "outcome_name", "outcome_group");
    assertThat(Schemas.reference("outcome_types").key()).containsExactly("outcome_type");
    assertThat(Schemas.reference("units").columnNames())
        .containsExactlyInAnyOrder("unit_code", "unit_name", "unit_type", "established");
    assertThat(Schemas.reference("units").key()).containsExactly("unit_code");
    assertThat(Schemas.reference("bcus").columnNames())
        .containsExactlyInAnyOrder("bcu_code", "bcu_name", "borough_code", "borough_name");
    assertThat(Schemas.reference("bcus").key()).containsExactly("borough_code");
    assertThat(Schemas.reference("bcus").consistentPair()).contains(Map.entry("bcu_code", "bcu_name"));
  }
}
