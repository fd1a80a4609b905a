package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.offstats.schema.table.ChargeRates;
import org.offstats.schema.table.OutcomesByOffence;

/**
 * Hand-worked: one year, scope All offences, outcome groups A = 3, B = 40, C = 50 adding up to
 * crimes_recorded = 93. A is small (threshold 10); with A alone withheld, A = 93 - 40 - 50. The
 * smallest cell that protects it is B: then A + B = 43 with each at least 1, so A could be anything
 * from 1 to 42, a range 41 wide.
 */
class SuppressionTest {
  private static final DisclosurePolicy SECONDARY =
      DisclosurePolicy.read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false,\"secondary_suppression\":true}".getBytes(StandardCharsets.UTF_8), "test");
  private static final DisclosurePolicy PRIMARY_ONLY =
      DisclosurePolicy.read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false}".getBytes(StandardCharsets.UTF_8), "test");

  private static ForceCells cells() {
    return new ForceCells(
        Map.of(
            "outcomes_by_offence",
                List.of(
                    new OutcomesByOffence("2024-25", "all", "All offences", "C", 50L),
                    new OutcomesByOffence("2024-25", "all", "All offences", "A", 3L),
                    new OutcomesByOffence("2024-25", "all", "All offences", "B", 40L)),
            "charge_rates", List.of(new ChargeRates("2024-25", "all", "All offences", 93L, 20L, 20.0 / 93))));
  }

  private static List<Relation> relations(ForceCells cells) {
    return AdditiveRelations.of(cells, new AdditiveRelations.Hierarchy(Map.of(), Optional.empty()), List.of());
  }

  private static CellId crimes(ForceCells cells, String group) {
    return new CellId("outcomes_by_offence", cells.row("outcomes_by_offence", List.of("2024-25", "all", "All offences", group)).orElseThrow(), "crimes");
  }

  @Test
  void declaresTheOutcomeGroupsAddingUpToCrimesRecorded() {
    ForceCells cells = cells();
    List<Relation> relations = relations(cells);
    assertThat(relations).hasSize(1);
    assertThat(relations.get(0).name()).isEqualTo(AdditiveRelations.OUTCOMES_ADD_TO_RECORDED);
    assertThat(relations.get(0).plus()).containsExactlyInAnyOrder(crimes(cells, "A"), crimes(cells, "B"), crimes(cells, "C"));
    assertThat(relations.get(0).minus()).containsExactly(new CellId("charge_rates", 0, "crimes_recorded"));
  }

  @Test
  void primaryAloneLeavesTheSmallCellRecoverable() {
    ForceCells cells = cells();
    Suppression primary = Suppression.of(cells, relations(cells), PRIMARY_ONLY);
    assertThat(primary.cells()).containsOnlyKeys(crimes(cells, "A"));
    List<DisclosureAudit.Range> exposed = DisclosureAudit.exposed(cells, relations(cells), primary.cells().keySet(), PRIMARY_ONLY);
    assertThat(exposed).singleElement().satisfies(r -> {
      assertThat(r.low()).isEqualTo(3.0);
      assertThat(r.high()).isEqualTo(3.0);
    });
  }

  @Test
  void secondarySuppressionWithholdsTheSmallestProtectingCell() {
    ForceCells cells = cells();
    Suppression suppression = Suppression.of(cells, relations(cells), SECONDARY);
    assertThat(suppression.cells())
        .containsExactlyInAnyOrderEntriesOf(Map.of(crimes(cells, "A"), Suppression.Reason.PRIMARY, crimes(cells, "B"), Suppression.Reason.SECONDARY));
    List<DisclosureAudit.Range> ranges = DisclosureAudit.ranges(cells, relations(cells), suppression.cells().keySet(), SECONDARY);
    assertThat(ranges).extracting(DisclosureAudit.Range::low, DisclosureAudit.Range::high).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(1.0, 42.0), org.assertj.core.groups.Tuple.tuple(1.0, 42.0));
    assertThat(DisclosureAudit.exposed(cells, relations(cells), suppression.cells().keySet(), SECONDARY)).isEmpty();
  }

  @Test
  void publishedRowsNullTheWithheldCountsAndTheirRate() {
    ForceCells cells = cells();
    Suppression suppression = Suppression.of(cells, relations(cells), SECONDARY);
    var rows = PublishedRows.of("outcomes_by_offence", cells, suppression, SECONDARY);
    assertThat(rows).extracting(r -> r.get("outcome_group").toString(), r -> r.get("crimes"), r -> r.get("crimes_suppressed"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", null, true),
            org.assertj.core.groups.Tuple.tuple("B", null, true),
            org.assertj.core.groups.Tuple.tuple("C", 50L, false));
    var rates = PublishedRows.of("charge_rates", cells, suppression, SECONDARY);
    assertThat(rates.get(0).get("charge_rate")).isEqualTo(20.0 / 93);
    assertThat(rates.get(0).get("charge_rate_suppressed")).isEqualTo(false);
  }

  /**
   * Hand-worked two-way table: offence groups X and Y by outcome groups A and B, with totals.
   *
   * <pre>
   *            A    B   crimes_recorded
   *   X        3   40    43
   *   Y       30   50    80
   *   All     33   90   123
   * </pre>
   *
   * X/A = 3 is small. The cheapest cells that protect it are the other corners of the rectangle
   * X/B, Y/A, Y/B (40 + 30 + 50 = 120; withholding a total instead costs more): then X/A = 43 - X/B
   * = 33 - Y/A, and X/A can be anything from 1 (the row exists) to 32 (Y/A falls to 1), a range 31
   * wide; the other corners move with it by the same amounts.
   */
  @Test
  void theCheapestRectangleProtectsACellOfATwoWayTable() {
    ForceCells cells =
        new ForceCells(
            Map.of(
                "outcomes_by_offence",
                List.of(
                    new OutcomesByOffence("2024-25", "offence_group", "X", "A", 3L),
                    new OutcomesByOffence("2024-25", "offence_group", "X", "B", 40L),
                    new OutcomesByOffence("2024-25", "offence_group", "Y", "A", 30L),
                    new OutcomesByOffence("2024-25", "offence_group", "Y", "B", 50L),
                    new OutcomesByOffence("2024-25", "all", "All offences", "A", 33L),
                    new OutcomesByOffence("2024-25", "all", "All offences", "B", 90L)),
                "charge_rates",
                List.of(
                    new ChargeRates("2024-25", "offence_group", "X", 43L, 20L, 20.0 / 43),
                    new ChargeRates("2024-25", "offence_group", "Y", 80L, 30L, 30.0 / 80),
                    new ChargeRates("2024-25", "all", "All offences", 123L, 50L, 50.0 / 123))));
    List<Relation> relations = relations(cells);
    Suppression suppression = Suppression.of(cells, relations, SECONDARY);
    CellId xA = cell(cells, "offence_group", "X", "A");
    assertThat(suppression.cells())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                xA, Suppression.Reason.PRIMARY,
                cell(cells, "offence_group", "X", "B"), Suppression.Reason.SECONDARY,
                cell(cells, "offence_group", "Y", "A"), Suppression.Reason.SECONDARY,
                cell(cells, "offence_group", "Y", "B"), Suppression.Reason.SECONDARY));
    List<DisclosureAudit.Range> ranges = DisclosureAudit.ranges(cells, relations, suppression.cells().keySet(), SECONDARY);
    assertThat(ranges).filteredOn(r -> r.cell().equals(xA)).singleElement().satisfies(r -> {
      assertThat(r.low()).isEqualTo(1.0);
      assertThat(r.high()).isEqualTo(32.0);
    });
    assertThat(ranges).allMatch(r -> r.width() == 31.0);
  }

  /**
   * A headline figure saying that row A (3) is from 3 to 10: whatever else is withheld, A could be
   * no more than 10, at most 9 above its lower bound of 1, which is not more than the threshold.
   * The figure is withdrawn (withheld) instead of the cells; a wide one over A and B (43 to 49) is
   * kept, and A stays protected under it.
   */
  @Test
  void aHeadlineThatPinsTheCellsItCoversIsWithdrawn() {
    ForceCells cells = cells();
    Relation tight = new Relation(AdditiveRelations.headlineTotal("tight"), List.of(crimes(cells, "A")), List.of(), 3, 10);
    Relation loose = new Relation(AdditiveRelations.headlineTotal("loose"), List.of(crimes(cells, "A"), crimes(cells, "B")), List.of(), 43, 49);
    List<Relation> relations = new java.util.ArrayList<>(relations(cells));
    relations.add(tight);
    relations.add(loose);
    Suppression suppression = Suppression.of(cells, relations, SECONDARY);
    assertThat(suppression.withdrawn()).containsExactly(tight.name());
    List<Relation> published = List.of(relations.get(0), loose);
    assertThat(DisclosureAudit.exposed(cells, published, suppression.cells().keySet(), SECONDARY)).isEmpty();
  }

  private static CellId cell(ForceCells cells, String scopeType, String scope, String group) {
    return new CellId("outcomes_by_offence", cells.row("outcomes_by_offence", List.of("2024-25", scopeType, scope, group)).orElseThrow(), "crimes");
  }
}
