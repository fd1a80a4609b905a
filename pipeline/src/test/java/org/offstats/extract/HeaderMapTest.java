package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offstats.schema.CsvContract;
import org.offstats.schema.Schemas;

/**
 * EXTRACTS.md "Reading": columns are found by exact name in any order; a missing required column
 * or a repeated column name is fatal, naming the file and the columns; unknown extra columns are
 * listed.
 */
class HeaderMapTest {
  private static final CsvContract ARRESTS = Schemas.extract("arrests");
  private static final CsvContract OUTCOMES = Schemas.extract("outcomes");

  @Test
  void theContractHeaderMapsEachColumnToItself() {
    HeaderMap header = HeaderMap.of(ARRESTS, ARRESTS.columnNames(), "arrests.csv");
    assertThat(header.fieldCount()).isEqualTo(11);
    assertThat(header.extraColumns()).isEmpty();
    String[] fields = ARRESTS.columnNames().stream().map(c -> "v:" + c).toArray(String[]::new);
    assertThat(header.canonical(fields)).containsExactly(fields);
  }

  @Test
  void columnsMayComeInAnyOrder() {
    List<String> reversed = new ArrayList<>(ARRESTS.columnNames());
    Collections.reverse(reversed);
    HeaderMap header = HeaderMap.of(ARRESTS, reversed, "arrests.csv");
    String[] fields = reversed.stream().map(c -> "v:" + c).toArray(String[]::new);
    String[] canonical = header.canonical(fields);
    for (int i = 0; i < canonical.length; i++) {
      assertThat(canonical[i]).isEqualTo("v:" + ARRESTS.columnNames().get(i));
    }
    assertThat(header.extraColumns()).isEmpty();
  }

  @Test
  void extraColumnsAreListedInHeaderOrderAndIgnored() {
    List<String> names = new ArrayList<>(OUTCOMES.columnNames());
    names.add(0, "source_system");
    names.add(4, "notes");
    names.add("Crime_Ref"); // a different name: names are case-sensitive
    HeaderMap header = HeaderMap.of(OUTCOMES, names, "outcomes-2022.csv");
    assertThat(header.extraColumns()).containsExactly("source_system", "notes", "Crime_Ref");
    assertThat(header.fieldCount()).isEqualTo(OUTCOMES.columnNames().size() + 3);
    String[] fields = names.stream().map(c -> "v:" + c).toArray(String[]::new);
    assertThat(header.canonical(fields))
        .containsExactly(OUTCOMES.columnNames().stream().map(c -> "v:" + c).toArray(String[]::new));
  }

  @Test
  void aMissingColumnIsFatalNamingTheFileAndTheColumn() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.remove("domestic_abuse");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests-2021.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arrests-2021.csv")
        .hasMessageContaining("domestic_abuse");
  }

  @Test
  void everyMissingColumnIsNamed() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.remove("arrest_id");
    names.remove("offence_code");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arrests.csv")
        .hasMessageContaining("arrest_id")
        .hasMessageContaining("offence_code");
  }

  @Test
  void headerNamesAreCaseSensitive() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.set(names.indexOf("person_ref"), "Person_Ref");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arrests.csv")
        .hasMessageContaining("person_ref");
  }

  @Test
  void aNameWithASpaceIsNotTheColumn() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.set(names.indexOf("bcu_code"), "bcu_code ");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bcu_code");
  }

  @Test
  void aRepeatedColumnIsFatalNamingTheFileAndTheColumn() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.add("bcu_code");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests-2022.csv.gz"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arrests-2022.csv.gz")
        .hasMessageContaining("bcu_code");
  }

  @Test
  void aRepeatedExtraColumnIsAlsoFatal() {
    List<String> names = new ArrayList<>(ARRESTS.columnNames());
    names.add("notes");
    names.add("notes");
    assertThatThrownBy(() -> HeaderMap.of(ARRESTS, names, "arrests.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arrests.csv")
        .hasMessageContaining("notes");
  }
}
