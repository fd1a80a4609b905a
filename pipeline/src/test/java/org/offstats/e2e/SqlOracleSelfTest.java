package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the SQL oracle itself against the hand-worked fixture, so that when the pipeline and the
 * oracle disagree on generated data we know the oracle's reading of the spec was right on cases a
 * person worked out. Needs no pipeline code.
 */
class SqlOracleSelfTest {

  @TempDir static Path temp;
  private static SqlOracle oracle;

  @BeforeAll
  static void load() {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("input"));
    oracle = SqlOracle.load(input, HandWorkedExpectations.AS_AT);
  }

  @AfterAll
  static void close() {
    oracle.close();
  }

  @Test
  void handWorkedFixtureIsClean() {
    assertThat(oracle.cleanlinessViolations()).isEmpty();
  }

  @Test
  void everyTableMatchesTheHandWorkedValues() {
    assertThat(HandWorkedExpectations.TABLES.keySet())
        .containsExactlyInAnyOrderElementsOf(TableSpec.BY_NAME.keySet());
    RowAssert.assertAll(
        HandWorkedExpectations.TABLES.keySet(),
        table ->
            RowAssert.assertSameRows(
                "oracle " + table,
                oracle.expectedRows(table),
                HandWorkedExpectations.TABLES.get(table)));
  }

  @Test
  void headlinesMatchTheHandWorkedValues() {
    Map<String, Double> values = oracle.headlineValues();
    assertThat(values.keySet()).containsExactlyElementsOf(SqlOracle.HEADLINE_IDS);
    HandWorkedExpectations.HEADLINES.forEach(
        (id, expected) -> assertThat(values.get(id)).as(id).isCloseTo(expected, within(1e-9)));
  }

  @Test
  void identifiersAreCollectedFromEveryExtract() {
    assertThat(oracle.identifiers())
        .containsExactlyInAnyOrderElementsOf(HandWorkedExpectations.IDENTIFIERS);
  }

  @Test
  void latestCompleteFinancialYearIsTheLatestWhose31MarchIsOnOrBeforeAsAt() {
    assertThat(SqlOracle.latestCompleteFinancialYear(LocalDate.parse("2025-03-30"))).isEqualTo("2023-24");
    assertThat(SqlOracle.latestCompleteFinancialYear(LocalDate.parse("2025-03-31"))).isEqualTo("2024-25");
    assertThat(SqlOracle.latestCompleteFinancialYear(LocalDate.parse("2025-10-31"))).isEqualTo("2024-25");
    assertThat(SqlOracle.latestCompleteFinancialYear(LocalDate.parse("2000-01-01"))).isEqualTo("1998-99");
    assertThat(SqlOracle.latestCompleteFinancialYear(LocalDate.parse("2026-01-01"))).isEqualTo("2024-25");
  }

  @Test
  void cleanlinessCheckCatchesABrokenRecord() {
    Path input = Fixtures.copy(HandWorkedExpectations.FIXTURE, temp.resolve("dirty"));
    Fixtures.write(
        input.resolve("outcomes-z.csv"),
        "crime_ref,offence_code,domestic_abuse,recorded_date,bcu_code,outcome_type,outcome_date,arrest_id\n"
            + "CRM-0001,ZZZ,y,2023-02-30,XX,,2023-03-01,\n");
    try (SqlOracle dirty = SqlOracle.load(input, HandWorkedExpectations.AS_AT)) {
      assertThat(dirty.cleanlinessViolations())
          .anyMatch(v -> v.startsWith("outcomes: repeated crime_ref"))
          .anyMatch(v -> v.startsWith("outcomes: unknown offence_code"))
          .anyMatch(v -> v.startsWith("outcomes: domestic_abuse not Y/N"))
          .anyMatch(v -> v.startsWith("outcomes: recorded_date not a valid ISO date"))
          .anyMatch(v -> v.startsWith("outcomes: unknown bcu_code"))
          .anyMatch(v -> v.startsWith("outcomes: outcome_date given without outcome_type"));
    }
  }

  @Test
  void codePointOrderIsNotUtf16Order() {
    // U+FF61 sorts before U+1F600 by code point, after its surrogate pair by UTF-16 code unit.
    assertThat(TableCompare.compareCodePoints("\uFF61", "\uD83D\uDE00")).isNegative();
    assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(TableCompare.compareCodePoints("Z", "a")).isNegative();
  }
}
