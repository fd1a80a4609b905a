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
    List<DisclosureAudit.Range> exposed = DisclosureAudit.exposed(cells, relations(cells), primary, PRIMARY_ONLY);
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
    List<DisclosureAudit.Range> ranges = DisclosureAudit.ranges(cells, relations(cells), suppression, SECONDARY);
    assertThat(ranges).extracting(DisclosureAudit.Range::low, DisclosureAudit.Range::high).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(1.0, 42.0), org.assertj.core.groups.Tuple.tuple(1.0, 42.0));
    assertThat(DisclosureAudit.exposed(cells, relations(cells), suppression, SECONDARY)).isEmpty();
    assertThat(suppression.unproven()).isEmpty();
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
}
