package org.offstats.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.offstats.schema.table.Headline;
import org.offstats.tables.CellStats;
import org.offstats.tables.Contribution;

/**
 * OUTPUTS.md "Headline figures": the latest complete financial year is the latest year whose 31
 * March is on or before as-at; persons are distinct; a rate is of crimes recorded in the year; the
 * statement names the as-at date and carries the published value in the UK style (3,200, 12.3%).
 */
class HeadlinesTest {
  private static final LocalDate AS_AT = LocalDate.of(2025, 10, 31);
  private static final FigureDefinition.Period LATEST_FY = new FigureDefinition.Period(null, null, "latest_complete");

  // --- periods -------------------------------------------------------------------------------

  @Test
  void onTheDayBeforeThirtyFirstMarchTheLatestCompleteYearIsThePreviousOne() {
    FigureMatcher.Window window = FigureMatcher.window(LATEST_FY, LocalDate.of(2025, 3, 30)).orElseThrow();
    assertThat(window.from()).isEqualTo(LocalDate.of(2023, 4, 1));
    assertThat(window.to()).isEqualTo(LocalDate.of(2024, 3, 31));
  }

  @Test
  void onThirtyFirstMarchThatYearIsComplete() {
    FigureMatcher.Window window = FigureMatcher.window(LATEST_FY, LocalDate.of(2025, 3, 31)).orElseThrow();
    assertThat(window.from()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(window.to()).isEqualTo(LocalDate.of(2025, 3, 31));
    FigureMatcher.Window nextDay = FigureMatcher.window(LATEST_FY, LocalDate.of(2025, 4, 1)).orElseThrow();
    assertThat(nextDay.from()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(nextDay.to()).isEqualTo(LocalDate.of(2025, 3, 31));
  }

  @Test
  void aWindowIncludesBothEnds() {
    FigureMatcher.Window window = FigureMatcher.window(LATEST_FY, LocalDate.of(2025, 3, 31)).orElseThrow();
    assertThat(window.contains(LocalDate.of(2024, 4, 1))).isTrue();
    assertThat(window.contains(LocalDate.of(2025, 3, 31))).isTrue();
    assertThat(window.contains(LocalDate.of(2024, 3, 31))).isFalse();
    assertThat(window.contains(LocalDate.of(2025, 4, 1))).isFalse();
  }

  @Test
  void aSinceLaunchPeriodRunsToAsAt() {
    FigureMatcher.Window window =
        FigureMatcher.window(new FigureDefinition.Period("2020-11-01", "as_at", null), AS_AT).orElseThrow();
    assertThat(window.from()).isEqualTo(LocalDate.of(2020, 11, 1));
    assertThat(window.to()).isEqualTo(AS_AT);
    assertThat(window.contains(AS_AT)).isTrue();
    assertThat(window.contains(AS_AT.plusDays(1))).isFalse();
    assertThat(window.contains(LocalDate.of(2020, 10, 31))).isFalse();
  }

  // --- filters -------------------------------------------------------------------------------

  @Test
  void aRecordMatchesWhenEveryFilterAllowsItsValue() {
    Map<String, List<String>> filters = Map.of("unit_type", List.of("POU"), "domestic_abuse", List.of("Y"));
    assertThat(FigureMatcher.matches(filters, Map.of("unit_type", "POU", "domestic_abuse", "Y", "sex", "F"))).isTrue();
    assertThat(FigureMatcher.matches(filters, Map.of("unit_type", "POU", "domestic_abuse", "N"))).isFalse();
    assertThat(FigureMatcher.matches(filters, Map.of("unit_type", "CID", "domestic_abuse", "Y"))).isFalse();
    assertThat(FigureMatcher.matches(Map.of("offence_group", List.of("Sexual offences", "Robbery")), Map.of("offence_group", "Robbery")))
        .isTrue();
    assertThat(FigureMatcher.matches(Map.of(), Map.of("unit_type", "CID"))).isTrue();
  }

  // --- the shipped figures, end to end from cell statistics ---------------------------------

  private static Map<String, Headline> byId(List<Headline> rows) {
    return rows.stream().collect(Collectors.toMap(Headline::getFigureId, Function.identity()));
  }

  private static CellStats persons(int distinct, int arrestsEach) {
    CellStats stats = new CellStats();
    for (int p = 0; p < distinct; p++) {
      for (int a = 0; a < arrestsEach; a++) {
        stats.add(Contribution.person(p));
      }
    }
    return stats;
  }

  private static CellStats counts(int n) {
    CellStats stats = new CellStats();
    for (int i = 0; i < n; i++) {
      stats.add(Contribution.count());
    }
    return stats;
  }

  private static CellStats rate(int crimes, int charged) {
    CellStats stats = new CellStats();
    for (int i = 0; i < crimes; i++) {
      stats.add(Contribution.flagged(i < charged));
    }
    return stats;
  }

  private static CellStats days(int... gaps) {
    CellStats stats = new CellStats();
    for (int gap : gaps) {
      stats.add(Contribution.days(gap));
    }
    return stats;
  }

  @Test
  void theShippedFiguresFromHandWorkedStatistics() {
    List<FigureDefinition> figures = FigureDefinitions.bundled().figures();
    Map<String, CellStats> stats = new HashMap<>();
    stats.put("pou_persons_arrested_since_launch", persons(3247, 2)); // 6,494 arrests of 3,247 people
    stats.put("pou_da_arrests_since_launch", counts(1234));
    stats.put("rape_charge_rate_latest_fy", rate(1000, 123));
    stats.put("da_charge_rate_latest_fy", new CellStats()); // no crimes in the year
    stats.put("rape_median_days_to_charge_latest_fy", days(40, 10, 31, 20));

    List<Headline> rows = Headlines.build(figures, stats, AS_AT);
    assertThat(rows).extracting(Headline::getFigureId).containsExactlyElementsOf(figures.stream().map(FigureDefinition::id).toList());
    Map<String, Headline> headline = byId(rows);

    Headline persons = headline.get("pou_persons_arrested_since_launch");
    assertThat(persons.getUnit()).isEqualTo("persons");
    assertThat(persons.getValue()).isEqualTo(3247.0);
    assertThat(persons.getPublishedValue()).isEqualTo(3200.0); // floor to 2 significant figures
    assertThat(persons.getStatement()).contains("more than 3,200 individuals").contains("31 October 2025");

    Headline daArrests = headline.get("pou_da_arrests_since_launch");
    assertThat(daArrests.getUnit()).isEqualTo("arrests");
    assertThat(daArrests.getValue()).isEqualTo(1234.0);
    assertThat(daArrests.getPublishedValue()).isEqualTo(1200.0);
    assertThat(daArrests.getStatement()).contains("1,200").contains("31 October 2025");

    Headline rapeRate = headline.get("rape_charge_rate_latest_fy");
    assertThat(rapeRate.getUnit()).isEqualTo("rate");
    assertThat(rapeRate.getValue()).isEqualTo(0.123);
    assertThat(rapeRate.getPublishedValue()).isEqualTo(0.123);
    assertThat(rapeRate.getStatement()).contains("12.3%").contains("31 October 2025").contains("2024-25");

    Headline daRate = headline.get("da_charge_rate_latest_fy");
    assertThat(daRate.getUnit()).isEqualTo("rate");
    assertThat(daRate.getValue()).isNull();
    assertThat(daRate.getPublishedValue()).isNull();
    assertThat(daRate.getStatement()).startsWith("Not available");

    Headline median = headline.get("rape_median_days_to_charge_latest_fy");
    assertThat(median.getUnit()).isEqualTo("days");
    // Sorted 10, 20, 31, 40: quantile_cont(0.5) = 20 + 0.5 * (31 - 20) = 25.5.
    assertThat(median.getValue()).isEqualTo(25.5);
    assertThat(median.getPublishedValue()).isEqualTo(26.0);
    assertThat(median.getStatement()).contains("26 days").contains("31 October 2025");

    assertThat(rows).allSatisfy(r -> assertThat(r.getStatement()).doesNotContain("{").doesNotContain("}"));
  }

  @Test
  void aFigureWithNoStatisticsAtAllIsNotAvailableForARateOrAMedian() {
    List<Headline> rows = Headlines.build(FigureDefinitions.bundled().figures(), Map.of(), AS_AT);
    Map<String, Headline> headline = byId(rows);
    for (String id : List.of("rape_charge_rate_latest_fy", "da_charge_rate_latest_fy", "rape_median_days_to_charge_latest_fy")) {
      assertThat(headline.get(id).getValue()).as(id).isNull();
      assertThat(headline.get(id).getPublishedValue()).as(id).isNull();
      assertThat(headline.get(id).getStatement()).as(id).startsWith("Not available");
    }
  }

  @Test
  void theStatementPeriodFollowsTheLatestCompleteYear() {
    List<FigureDefinition> figures = FigureDefinitions.bundled().figures();
    Map<String, CellStats> stats = Map.of("rape_charge_rate_latest_fy", rate(10, 5));
    Headline before =
        byId(Headlines.build(figures, stats, LocalDate.of(2025, 3, 30))).get("rape_charge_rate_latest_fy");
    Headline on = byId(Headlines.build(figures, stats, LocalDate.of(2025, 3, 31))).get("rape_charge_rate_latest_fy");
    assertThat(before.getStatement()).contains("2023-24").doesNotContain("2024-25").contains("30 March 2025");
    assertThat(on.getStatement()).contains("2024-25").contains("31 March 2025");
    assertThat(on.getStatement()).contains("50.0%");
  }

  // --- mechanics with definitions of our own -----------------------------------------------

  private static FigureDefinition figure(String id, String unit, String source, String method, Integer digits, String statement) {
    return new FigureDefinition(
        id,
        unit,
        source,
        Map.of(),
        unit.equals("rate") ? Map.of("outcome_type", List.of("1")) : Map.of(),
        unit.equals("days") ? "median" : null,
        new FigureDefinition.Period("2020-11-01", "as_at", null),
        Rounding.of(method, digits),
        statement);
  }

  @Test
  void personsAreDistinctNotArrests() {
    CellStats stats = new CellStats();
    stats.add(Contribution.person(1));
    stats.add(Contribution.person(1));
    stats.add(Contribution.person(2));
    FigureDefinition people = figure("people", "persons", "arrests", "exact", null, "{published} people by {as_at}.");
    Headline row = Headlines.build(List.of(people), Map.of("people", stats), AS_AT).get(0);
    assertThat(row.getValue()).isEqualTo(2.0);
    assertThat(row.getPublishedValue()).isEqualTo(2.0);
    assertThat(row.getStatement()).isEqualTo("2 people by 31 October 2025.");
  }

  @Test
  void aRateOfNoCrimesIsNotAvailableAndAZeroRateIsZero() {
    FigureDefinition rate = figure("r", "rate", "crimes", "nearest", 3, "{published} by {as_at}.");
    Headline none = Headlines.build(List.of(rate), Map.of("r", new CellStats()), AS_AT).get(0);
    assertThat(none.getValue()).isNull();
    assertThat(none.getPublishedValue()).isNull();
    assertThat(none.getStatement()).startsWith("Not available");

    Headline zero = Headlines.build(List.of(rate), Map.of("r", rate(7, 0)), AS_AT).get(0);
    assertThat(zero.getValue()).isEqualTo(0.0);
    assertThat(zero.getStatement()).isEqualTo("0.0% by 31 October 2025.");
  }

  @Test
  void largeCountsAreGroupedInThousands() {
    FigureDefinition count = figure("c", "arrests", "arrests", "exact", null, "{published} arrests as at {as_at}.");
    Headline row = Headlines.build(List.of(count), Map.of("c", counts(1_234_567)), LocalDate.of(2026, 4, 1)).get(0);
    assertThat(row.getValue()).isEqualTo(1_234_567.0);
    assertThat(row.getStatement()).isEqualTo("1,234,567 arrests as at 1 April 2026.");
  }

  @Test
  void theMedianOfAnOddNumberOfGapsIsTheMiddleOne() {
    FigureDefinition median = figure("d", "days", "crimes", "nearest", 0, "{published} days ({as_at}).");
    Headline row = Headlines.build(List.of(median), Map.of("d", days(30, 0, 20)), AS_AT).get(0);
    assertThat(row.getValue()).isEqualTo(20.0);
    assertThat(row.getStatement()).isEqualTo("20 days (31 October 2025).");
  }
}
