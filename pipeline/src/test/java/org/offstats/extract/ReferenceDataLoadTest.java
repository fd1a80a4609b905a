package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXTRACTS.md "Reference data": each file has a header; a key that repeats, or a bcu_code with two
 * different names, is fatal, naming the file and the key. Every record is judged against these
 * files, so a value that breaks its column's rule is fatal too.
 */
class ReferenceDataLoadTest {

  private static ReferenceData load(String name, String text) throws Exception {
    Map<String, String> files = InMemoryReference.standardFiles();
    files.put(name, text);
    return ReferenceData.load(InMemoryReference.opener(files));
  }

  @Test
  void theStandardFilesLoad() throws Exception {
    ReferenceData reference = ReferenceData.load(InMemoryReference.opener(InMemoryReference.standardFiles()));
    assertThat(reference.values("bcus.bcu_code")).containsExactlyInAnyOrder("CE", "NW");
    assertThat(reference.values("units.unit_code")).containsExactlyInAnyOrder("POU-CE", "CID-CE", "HIST");
    assertThat(reference.values("offences.offence_code")).containsExactlyInAnyOrder("19C", "8N", "8L", "9A");
    assertThat(reference.values("outcome_types.outcome_type")).hasSize(22).contains("1", "22").doesNotContain("23");
    assertThat(reference.offence("9A").getOffenceName()).isEqualTo("Public fear, alarm or distress");
    assertThat(reference.offence("19C").getVawg()).isTrue();
    assertThat(reference.offence("8N").getVawg()).isFalse();
    assertThat(reference.unit("POU-CE").getUnitType()).isEqualTo("POU");
    assertThat(reference.dateBound("units", "POU-CE", "established")).contains(LocalDate.of(2020, 11, 1));
    assertThat(reference.outcomeType(1).getOutcomeGroup()).isEqualTo("Charged/Summonsed");
    assertThat(reference.sources())
        .extracting(ReferenceData.Source::path)
        .containsExactlyInAnyOrder(
            "reference/offences.csv", "reference/outcome_types.csv", "reference/units.csv", "reference/bcus.csv");
    assertThat(reference.sources()).allSatisfy(s -> assertThat(s.sha256()).matches("[0-9a-f]{64}"));
  }

  @Test
  void aRepeatedOffenceCodeIsFatalNamingFileKeyAndLine() {
    String offences =
        """
        offence_code,offence_name,offence_subgroup,offence_group,vawg
        19C,Rape of a female aged 16 and over,Rape,Sexual offences,Y
        8N,Assault with injury,Violence with injury,Violence against the person,N
        19C,Rape (again),Rape,Sexual offences,Y
        """;
    assertThatThrownBy(() -> load("offences", offences))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("offences.csv")
        .hasMessageContaining("19C")
        .hasMessageContaining("line 4");
  }

  @Test
  void aRepeatedOutcomeTypeIsFatal() {
    String types =
        """
        outcome_type,outcome_name,outcome_group
        1,Charged/Summonsed,Charged/Summonsed
        1,Charged,Charged/Summonsed
        """;
    assertThatThrownBy(() -> load("outcome_types", types))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("outcome_types.csv")
        .hasMessageContaining("line 3");
  }

  @Test
  void aRepeatedUnitCodeIsFatal() {
    String units =
        """
        unit_code,unit_name,unit_type,established
        POU-CE,Central East Predatory Offenders Unit,POU,2020-11-01
        CID-CE,Central East Criminal Investigation Department,CID,2018-04-01
        POU-CE,Central East Predatory Offenders Unit,POU,2020-11-01
        """;
    assertThatThrownBy(() -> load("units", units))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("units.csv")
        .hasMessageContaining("POU-CE")
        .hasMessageContaining("line 4");
  }

  @Test
  void aRepeatedBoroughIsFatal() {
    // bcus.csv has one row per borough: borough_code is its key.
    String bcus =
        """
        bcu_code,bcu_name,borough_code,borough_name
        CE,Central East,E09000012,Hackney
        CE,Central East,E09000012,Hackney
        """;
    assertThatThrownBy(() -> load("bcus", bcus))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bcus.csv")
        .hasMessageContaining("E09000012")
        .hasMessageContaining("line 3");
  }

  @Test
  void aBcuCodeWithTwoNamesIsFatalNamingFileAndCode() {
    String bcus =
        """
        bcu_code,bcu_name,borough_code,borough_name
        QX,Quayside,E09000012,Hackney
        NW,North West,E09000003,Barnet
        QX,Quayside East,E09000030,Tower Hamlets
        """;
    assertThatThrownBy(() -> load("bcus", bcus))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bcus.csv")
        .hasMessageContaining("QX")
        .hasMessageContaining("line 4");
  }

  @Test
  void aBcuCodeWithTheSameNameOnSeveralBoroughsIsFine() throws Exception {
    String bcus =
        """
        bcu_code,bcu_name,borough_code,borough_name
        CE,Central East,E09000012,Hackney
        CE,Central East,E09000030,Tower Hamlets
        """;
    assertThat(load("bcus", bcus).boroughs()).hasSize(2);
  }

  @ParameterizedTest(name = "vawg ''{0}'' is fatal")
  @ValueSource(strings = {"X", "y", "Yes", ""})
  void aVawgValueThatIsNotAFlagIsFatal(String vawg) {
    String offences =
        "offence_code,offence_name,offence_subgroup,offence_group,vawg\n"
            + "19C,Rape of a female aged 16 and over,Rape,Sexual offences,Y\n"
            + "8N,Assault with injury,Violence with injury,Violence against the person,"
            + vawg
            + "\n";
    assertThatThrownBy(() -> load("offences", offences))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("offences.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining("vawg");
  }

  @ParameterizedTest(name = "established ''{0}'' is fatal")
  @ValueSource(strings = {"2020-13-01", "2021-02-29", "2020-11-1", "01/11/2020", ""})
  void anEstablishedDateThatIsNotADateIsFatal(String established) {
    String units =
        "unit_code,unit_name,unit_type,established\n"
            + "CID-CE,Central East Criminal Investigation Department,CID,2018-04-01\n"
            + "POU-CE,Central East Predatory Offenders Unit,POU,"
            + established
            + "\n";
    assertThatThrownBy(() -> load("units", units))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("units.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining("established");
  }

  @ParameterizedTest(name = "outcome_type ''{0}'' is fatal")
  @ValueSource(strings = {"01", "0", "one", "1000"})
  void anOutcomeTypeThatIsNotAnOutcomeNumberIsFatal(String type) {
    String types = "outcome_type,outcome_name,outcome_group\n" + type + ",Charged/Summonsed,Charged/Summonsed\n";
    assertThatThrownBy(() -> load("outcome_types", types))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("outcome_types.csv")
        .hasMessageContaining("outcome_type");
  }

  @Test
  void aMissingReferenceColumnIsFatal() {
    String offences =
        """
        offence_code,offence_name,offence_subgroup,offence_group
        19C,Rape of a female aged 16 and over,Rape,Sexual offences
        """;
    assertThatThrownBy(() -> load("offences", offences))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("offences.csv")
        .hasMessageContaining("vawg");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsFatal() {
    String units =
        """
        unit_code,unit_name,unit_type,established
        POU-CE,Central East Predatory Offenders Unit,POU
        """;
    assertThatThrownBy(() -> load("units", units))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("units.csv")
        .hasMessageContaining("line 2");
  }
}
