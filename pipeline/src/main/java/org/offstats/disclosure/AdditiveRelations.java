package org.offstats.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.offstats.domain.CodePointOrder;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Periods;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;

/**
 * The additive relations between published cells, declared here one by one rather than guessed
 * (README "Disclosure control" lists them in words). Wherever published cells add up to a
 * published total, or two tables' cells add up to the same number, a suppressed cell could be
 * recovered by subtraction; secondary suppression and its audit work over exactly these relations.
 *
 * <p>Outcome tables, within each financial year:
 *
 * <ol>
 *   <li>{@link #OUTCOMES_ADD_TO_RECORDED}: a scope's {@code outcomes_by_offence} cells add up to
 *       its {@code charge_rates.crimes_recorded}.
 *   <li>{@link #CHARGED_IS_CHARGED_GROUP}: when outcome type 1 is alone in its outcome group, that
 *       group's {@code outcomes_by_offence} cell equals {@code charge_rates.charged_summonsed}.
 *   <li>{@link #TIME_COUNTS_ARE_OUTCOME_COUNTS}: a {@code time_to_outcome} row's {@code outcomes}
 *       equals the {@code outcomes_by_offence} cell of the same group.
 *   <li>{@link #ALL_OUTCOMES_ADD_UP}: the {@code All outcomes} row adds up every group but {@code
 *       Not yet assigned an outcome}.
 *   <li>{@link #SCOPES_ADD_UP}: in each of those tables, offence groups add up to {@code All
 *       offences}, and the subgroups of a group add up to the group (when each of its subgroups
 *       belongs to it alone in the reference data). Domestic abuse and VAWG overlap other scopes
 *       and add up to nothing.
 * </ol>
 *
 * <p>Arrest tables (each counts every accepted arrest once):
 *
 * <ol start="6">
 *   <li>{@link #OFFENCE_AND_BCU_AGREE}: per month, offence group and domestic-abuse flag, the
 *       {@code arrests_by_offence} cells and the {@code arrests_by_bcu} cells add up to the same.
 *   <li>{@link #DEMOGRAPHICS_AND_OFFENCE_AGREE}: per financial year and offence group, {@code
 *       arrests_by_demographics} and {@code arrests_by_offence} add up to the same.
 *   <li>{@link #ARREST_OUTCOMES_ADD_UP}: an {@code arrest_outcomes} row's {@code arrests} is the sum
 *       of the {@code arrests_by_offence} cells of its year, unit type and offence group.
 *   <li>{@link #HEADLINE_TOTAL}: a headline count of arrests over whole months, published rounded,
 *       bounds the sum of the {@code arrests_by_offence} cells it covers.
 *   <li>{@link #OFFENCE_GROUP_ADDS_UP}: an {@code arrests_by_offence_group} row's {@code arrests} is
 *       the sum of the {@code arrests_by_offence} cells of its month and offence group (and so of
 *       the {@code arrests_by_bcu} cells too, by rule 6).
 * </ol>
 *
 * <p>{@code persons} and {@code arrests_charged} add up to nothing published (distinct persons are
 * not additive; charged arrests appear in one table only): they are protected by primary
 * suppression alone.
 */
public final class AdditiveRelations {
  public static final String OUTCOMES_ADD_TO_RECORDED = "outcome groups add up to crimes recorded";
  public static final String CHARGED_IS_CHARGED_GROUP = "charged/summonsed outcome group equals charged_summonsed";
  public static final String TIME_COUNTS_ARE_OUTCOME_COUNTS = "time_to_outcome counts equal outcomes_by_offence counts";
  public static final String ALL_OUTCOMES_ADD_UP = "outcome groups add up to All outcomes";
  public static final String SCOPES_ADD_UP = "offence groups add up to All offences, subgroups to their group";
  public static final String OFFENCE_AND_BCU_AGREE = "arrests by offence and by BCU agree per month, offence group and flag";
  public static final String DEMOGRAPHICS_AND_OFFENCE_AGREE = "arrests by demographics and by offence agree per year and offence group";
  public static final String ARREST_OUTCOMES_ADD_UP = "arrest_outcomes arrests add up arrests_by_offence";
  public static final String HEADLINE_TOTAL = "headline count bounds the cells it covers";
  public static final String OFFENCE_GROUP_ADDS_UP = "arrests_by_offence_group arrests add up arrests_by_offence per month and offence group";

  /** Every declared rule, in the order the manifest lists them. */
  public static final List<String> DECLARED =
      List.of(
          OUTCOMES_ADD_TO_RECORDED,
          CHARGED_IS_CHARGED_GROUP,
          TIME_COUNTS_ARE_OUTCOME_COUNTS,
          ALL_OUTCOMES_ADD_UP,
          SCOPES_ADD_UP,
          OFFENCE_AND_BCU_AGREE,
          DEMOGRAPHICS_AND_OFFENCE_AGREE,
          ARREST_OUTCOMES_ADD_UP,
          HEADLINE_TOTAL,
          OFFENCE_GROUP_ADDS_UP);

  static final String OUTCOMES_BY_OFFENCE = "outcomes_by_offence";
  static final String CHARGE_RATES = "charge_rates";
  static final String TIME_TO_OUTCOME = "time_to_outcome";
  static final String ARRESTS_BY_OFFENCE = "arrests_by_offence";
  static final String ARRESTS_BY_BCU = "arrests_by_bcu";
  static final String ARRESTS_BY_DEMOGRAPHICS = "arrests_by_demographics";
  static final String ARREST_OUTCOMES = "arrest_outcomes";
  static final String ARRESTS_BY_OFFENCE_GROUP = "arrests_by_offence_group";
  private static final String ALL_OFFENCES = "All offences";

  /**
   * What the reference data says about how scopes nest: each offence group's subgroups (only
   * groups whose subgroups belong to no other group), and the outcome group of outcome type 1 when
   * no other type shares it.
   */
  public record Hierarchy(Map<String, List<String>> subgroupsOfGroup, Optional<String> chargedGroup) {
    public static Hierarchy of(ReferenceData reference) {
      Map<String, Set<String>> groupsOfSubgroup = new TreeMap<>(CodePointOrder.COMPARATOR);
      Map<String, List<String>> subgroups = new TreeMap<>(CodePointOrder.COMPARATOR);
      for (String code : reference.values("offences.offence_code")) {
        var offence = reference.offence(code);
        groupsOfSubgroup.computeIfAbsent(offence.getOffenceSubgroup(), s -> new HashSet<>()).add(offence.getOffenceGroup());
        List<String> ofGroup = subgroups.computeIfAbsent(offence.getOffenceGroup(), g -> new ArrayList<>());
        if (!ofGroup.contains(offence.getOffenceSubgroup())) {
          ofGroup.add(offence.getOffenceSubgroup());
        }
      }
      Map<String, List<String>> nested = new TreeMap<>(CodePointOrder.COMPARATOR);
      subgroups.forEach((group, subs) -> {
        if (subs.stream().allMatch(s -> groupsOfSubgroup.get(s).size() == 1)) {
          nested.put(group, subs.stream().sorted(CodePointOrder.COMPARATOR).toList());
        }
      });
      Map<String, Integer> typesPerGroup = new TreeMap<>();
      for (String type : reference.values("outcome_types.outcome_type")) {
        typesPerGroup.merge(reference.outcomeType(Integer.parseInt(type)).getOutcomeGroup(), 1, Integer::sum);
      }
      String charged = reference.outcomeType(Outcomes.CHARGED_SUMMONSED).getOutcomeGroup();
      return new Hierarchy(nested, typesPerGroup.get(charged) == 1 ? Optional.of(charged) : Optional.empty());
    }
  }

  /**
   * A headline count of arrests, as published: the {@code arrests_by_offence} cells it covers
   * (key column to allowed values; months {@code fromMonth}..{@code toMonth}) add up to a number
   * from {@code low} to {@code high}.
   */
  public record HeadlineTotal(String figureId, Map<String, List<String>> filters, YearMonth fromMonth, YearMonth toMonth, long low, long high) {}

  private AdditiveRelations() {}

  /** Every instance of the declared relations among {@code cells}. */
  public static List<Relation> of(ForceCells cells, Hierarchy hierarchy, List<HeadlineTotal> headlines) {
    List<Relation> relations = new ArrayList<>();
    outcomeRelations(cells, hierarchy, relations);
    scopeRelations(cells, hierarchy, relations);
    Months months = new Months();
    arrestRelations(cells, months, relations);
    for (HeadlineTotal headline : headlines) {
      List<CellId> covered = new ArrayList<>();
      cells.groups(ARRESTS_BY_OFFENCE, "arrests", row -> covers(headline, row, months), row -> Optional.of(List.of())).values().forEach(covered::addAll);
      relations.add(new Relation(headlineTotal(headline.figureId()), covered, List.of(), headline.low(), headline.high()));
    }
    return relations;
  }

  /** The name of the relation a headline figure's total gives. */
  public static String headlineTotal(String figureId) {
    return HEADLINE_TOTAL + " (" + figureId + ")";
  }

  private static boolean covers(HeadlineTotal headline, ForceCells.Row row, Months months) {
    YearMonth month = months.parse(row.get("month"));
    if (month.isBefore(headline.fromMonth()) || month.isAfter(headline.toMonth())) {
      return false;
    }
    for (var filter : headline.filters().entrySet()) {
      if (!filter.getValue().contains(row.get(filter.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static void outcomeRelations(ForceCells cells, Hierarchy hierarchy, List<Relation> relations) {
    Map<List<String>, List<CellId>> outcomesOfScope =
        cells.groups(OUTCOMES_BY_OFFENCE, "crimes", row -> true, row -> Optional.of(scopeKey(row)));
    Map<List<String>, List<CellId>> decidedOfScope =
        cells.groups(OUTCOMES_BY_OFFENCE, "crimes", row -> !row.get("outcome_group").equals(Outcomes.NOT_YET_ASSIGNED), row -> Optional.of(scopeKey(row)));
    for (int row = 0; row < cells.rows(CHARGE_RATES).size(); row++) {
      ForceCells.Row rate = cells.new Row(CHARGE_RATES, row);
      List<String> scope = scopeKey(rate);
      relations.add(Relation.total(OUTCOMES_ADD_TO_RECORDED, outcomesOfScope.getOrDefault(scope, List.of()), new CellId(CHARGE_RATES, row, "crimes_recorded")));
      int chargedRow = row;
      hierarchy.chargedGroup().flatMap(group -> cells.row(OUTCOMES_BY_OFFENCE, append(scope, group))).ifPresent(charged ->
          relations.add(Relation.total(CHARGED_IS_CHARGED_GROUP, List.of(new CellId(OUTCOMES_BY_OFFENCE, charged, "crimes")), new CellId(CHARGE_RATES, chargedRow, "charged_summonsed"))));
    }
    for (int row = 0; row < cells.rows(TIME_TO_OUTCOME).size(); row++) {
      ForceCells.Row time = cells.new Row(TIME_TO_OUTCOME, row);
      CellId outcomes = new CellId(TIME_TO_OUTCOME, row, "outcomes");
      if (time.get("outcome_group").equals(Outcomes.ALL_OUTCOMES)) {
        relations.add(Relation.total(ALL_OUTCOMES_ADD_UP, decidedOfScope.getOrDefault(scopeKey(time), List.of()), outcomes));
      } else {
        List<String> keys = append(scopeKey(time), time.get("outcome_group"));
        cells.row(OUTCOMES_BY_OFFENCE, keys).ifPresent(same ->
            relations.add(Relation.total(TIME_COUNTS_ARE_OUTCOME_COUNTS, List.of(new CellId(OUTCOMES_BY_OFFENCE, same, "crimes")), outcomes)));
      }
    }
  }

  /** Offence groups add up to All offences; a group's subgroups add up to the group. */
  private static void scopeRelations(ForceCells cells, Hierarchy hierarchy, List<Relation> relations) {
    record Measure(String table, String measure, boolean byOutcomeGroup) {}
    List<Measure> measures =
        List.of(
            new Measure(OUTCOMES_BY_OFFENCE, "crimes", true),
            new Measure(CHARGE_RATES, "crimes_recorded", false),
            new Measure(CHARGE_RATES, "charged_summonsed", false),
            new Measure(TIME_TO_OUTCOME, "outcomes", true));
    for (Measure m : measures) {
      if (!cells.has(m.table())) {
        continue;
      }
      // cells by (year[, outcome group]) then by scope
      Map<List<String>, Map<List<String>, CellId>> byCell = new LinkedHashMap<>();
      cells.groups(m.table(), m.measure(), row -> true, row -> Optional.of(List.of(row.get("scope_type"), row.get("scope"))))
          .forEach((scope, ids) -> ids.forEach(id -> {
            ForceCells.Row row = cells.new Row(m.table(), id.row());
            List<String> where = m.byOutcomeGroup() ? List.of(row.get("financial_year"), row.get("outcome_group")) : List.of(row.get("financial_year"));
            byCell.computeIfAbsent(where, w -> new LinkedHashMap<>()).put(scope, id);
          }));
      byCell.forEach((where, scopes) -> {
        CellId all = scopes.get(List.of(Scopes.ALL, ALL_OFFENCES));
        List<CellId> groups = new ArrayList<>();
        scopes.forEach((scope, id) -> {
          if (scope.get(0).equals(Scopes.OFFENCE_GROUP)) {
            groups.add(id);
          }
        });
        if (all != null && !groups.isEmpty()) {
          relations.add(Relation.total(SCOPES_ADD_UP, groups, all));
        }
        hierarchy.subgroupsOfGroup().forEach((group, subgroups) -> {
          CellId total = scopes.get(List.of(Scopes.OFFENCE_GROUP, group));
          if (total != null) {
            List<CellId> parts = new ArrayList<>();
            subgroups.forEach(s -> Optional.ofNullable(scopes.get(List.of(Scopes.OFFENCE_SUBGROUP, s))).ifPresent(parts::add));
            relations.add(Relation.total(SCOPES_ADD_UP, parts, total));
          }
        });
      });
    }
  }

  private static void arrestRelations(ForceCells cells, Months months, List<Relation> relations) {
    Map<List<String>, List<CellId>> offenceByMonth =
        cells.groups(ARRESTS_BY_OFFENCE, "arrests", row -> true, row -> Optional.of(List.of(row.get("month"), row.get("offence_group"), row.get("domestic_abuse"))));
    Map<List<String>, List<CellId>> bcuByMonth =
        cells.groups(ARRESTS_BY_BCU, "arrests", row -> true, row -> Optional.of(List.of(row.get("month"), row.get("offence_group"), row.get("domestic_abuse"))));
    equalSums(OFFENCE_AND_BCU_AGREE, offenceByMonth, bcuByMonth, cells.has(ARRESTS_BY_BCU), relations);

    Map<List<String>, List<CellId>> offenceByYear =
        cells.groups(ARRESTS_BY_OFFENCE, "arrests", row -> true, row -> Optional.of(List.of(months.financialYear(row.get("month")), row.get("offence_group"))));
    Map<List<String>, List<CellId>> demographicsByYear =
        cells.groups(ARRESTS_BY_DEMOGRAPHICS, "arrests", row -> true, row -> Optional.of(List.of(row.get("financial_year"), row.get("offence_group"))));
    equalSums(DEMOGRAPHICS_AND_OFFENCE_AGREE, offenceByYear, demographicsByYear, cells.has(ARRESTS_BY_DEMOGRAPHICS), relations);

    Map<List<String>, List<CellId>> offenceByUnitType =
        cells.groups(ARRESTS_BY_OFFENCE, "arrests", row -> true, row -> Optional.of(List.of(months.financialYear(row.get("month")), row.get("unit_type"), row.get("offence_group"))));
    rowTotals(cells, ARREST_OUTCOMES_ADD_UP, ARREST_OUTCOMES, List.of("financial_year", "unit_type", "offence_group"), offenceByUnitType, relations);

    Map<List<String>, List<CellId>> offenceByGroup =
        cells.groups(ARRESTS_BY_OFFENCE, "arrests", row -> true, row -> Optional.of(List.of(row.get("month"), row.get("offence_group"))));
    rowTotals(cells, OFFENCE_GROUP_ADDS_UP, ARRESTS_BY_OFFENCE_GROUP, List.of("month", "offence_group"), offenceByGroup, relations);
  }

  /**
   * One relation per row of {@code table}, when {@code arrests_by_offence} is published too: the
   * row's {@code arrests} is the sum of the {@code arrests_by_offence} cells of its {@code keys}.
   */
  private static void rowTotals(
      ForceCells cells, String name, String table, List<String> keys, Map<List<String>, List<CellId>> parts, List<Relation> relations) {
    if (!cells.has(ARRESTS_BY_OFFENCE)) {
      return;
    }
    for (int row = 0; row < cells.rows(table).size(); row++) {
      ForceCells.Row total = cells.new Row(table, row);
      List<String> key = keys.stream().map(total::get).toList();
      relations.add(Relation.total(name, parts.getOrDefault(key, List.of()), new CellId(table, row, "arrests")));
    }
  }

  /** One relation per key present on either side, when both tables are published. */
  private static void equalSums(
      String name, Map<List<String>, List<CellId>> left, Map<List<String>, List<CellId>> right, boolean bothPublished, List<Relation> relations) {
    if (!bothPublished || left.isEmpty() && right.isEmpty()) {
      return;
    }
    Set<List<String>> keys = new java.util.LinkedHashSet<>(left.keySet());
    keys.addAll(right.keySet());
    for (List<String> key : keys) {
      relations.add(Relation.equalSums(name, left.getOrDefault(key, List.of()), right.getOrDefault(key, List.of())));
    }
  }

  private static List<String> scopeKey(ForceCells.Row row) {
    return List.of(row.get("financial_year"), row.get("scope_type"), row.get("scope"));
  }

  private static List<String> append(List<String> keys, String last) {
    List<String> all = new ArrayList<>(keys);
    all.add(last);
    return List.copyOf(all);
  }

  /**
   * Month labels ({@code 2025-10}) read once each: every row of {@code arrests_by_offence} names
   * one of a few dozen months, and the relations ask each row's month several times.
   */
  private static final class Months {
    private final Map<String, YearMonth> parsed = new HashMap<>();
    private final Map<String, String> financialYears = new HashMap<>();

    YearMonth parse(String month) {
      return parsed.computeIfAbsent(month, YearMonth::parse);
    }

    String financialYear(String month) {
      return financialYears.computeIfAbsent(month, m -> Periods.financialYear(LocalDate.parse(m + "-01")));
    }
  }
}
