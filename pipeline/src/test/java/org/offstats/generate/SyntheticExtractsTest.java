package org.offstats.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.generate.ExtractRulesChecker.Finding;
import org.offstats.generate.SyntheticExtracts.PlannedReject;
import org.offstats.generate.SyntheticExtracts.Summary;
import org.offstats.schema.Schemas;

class SyntheticExtractsTest {
  private static final int ARRESTS = 5_000;
  private static final long SEED = 42;
  private static final List<String> FILES =
      List.of("arrests.csv", "outcomes.csv", "protection_orders.csv");
  private static final List<String> REFERENCE_FILES =
      List.of("offences.csv", "outcome_types.csv", "units.csv", "bcus.csv");

  @TempDir static Path temp;

  private static Path withBadRows;
  private static Path clean;
  private static Summary withBadRowsSummary;
  private static Summary cleanSummary;

  @BeforeAll
  static void generate() throws IOException {
    withBadRows = temp.resolve("with-bad-rows");
    clean = temp.resolve("clean");
    withBadRowsSummary = SyntheticExtracts.write(withBadRows, ARRESTS, SEED, true);
    cleanSummary = SyntheticExtracts.write(clean, ARRESTS, SEED, false);
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path again = temp.resolve("again");
    SyntheticExtracts.write(again, ARRESTS, SEED);
    for (String file : allFiles()) {
      assertThat(Files.readAllBytes(again.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(withBadRows.resolve(file)));
    }
  }

  @Test
  void differentSeedGivesDifferentExtracts() throws IOException {
    Path other = temp.resolve("other-seed");
    SyntheticExtracts.write(other, ARRESTS, SEED + 1);
    for (String file : FILES) {
      assertThat(Files.readAllBytes(other.resolve(file)))
          .as(file)
          .isNotEqualTo(Files.readAllBytes(withBadRows.resolve(file)));
    }
  }

  @Test
  void headersAreTheSchemaColumnsInOrder() throws IOException {
    assertThat(header(withBadRows, "arrests.csv"))
        .isEqualTo(Schemas.extract("arrests").columnNames());
    assertThat(header(withBadRows, "outcomes.csv"))
        .isEqualTo(Schemas.extract("outcomes").columnNames());
    assertThat(header(withBadRows, "protection_orders.csv"))
        .isEqualTo(Schemas.extract("protection_orders").columnNames());
  }

  @Test
  void filesAreUtf8WithUnixLineEndsAndNoByteOrderMark() throws IOException {
    for (String file : FILES) {
      byte[] bytes = Files.readAllBytes(withBadRows.resolve(file));
      assertThat(bytes[0]).as(file).isNotEqualTo((byte) 0xEF);
      assertThat(new String(bytes, StandardCharsets.UTF_8))
          .as(file)
          .doesNotContain("\r")
          .endsWith("\n");
    }
  }

  @Test
  void referenceFolderIsACopyOfTheBundledReferenceData() throws IOException {
    for (String file : REFERENCE_FILES) {
      try (var bundled = getClass().getResourceAsStream("/sample-data/reference/" + file)) {
        assertThat(bundled).as(file).isNotNull();
        assertThat(Files.readAllBytes(withBadRows.resolve("reference").resolve(file)))
            .as(file)
            .isEqualTo(bundled.readAllBytes());
      }
    }
  }

  @Test
  void cleanVariantBreaksNoExtractRule() throws IOException {
    List<Finding> findings = new ExtractRulesChecker(clean).check(clean);
    assertThat(findings).isEmpty();
    assertThat(cleanSummary.plannedRejects()).isEmpty();
  }

  @Test
  void badRowVariantHoldsEachPlannedKindAndNothingElse() throws IOException {
    List<Finding> findings = new ExtractRulesChecker(withBadRows).check(withBadRows);
    Set<Finding> planned =
        withBadRowsSummary.plannedRejects().stream()
            .map(p -> new Finding(p.extract(), p.line(), p.reason()))
            .collect(Collectors.toSet());
    assertThat(new HashSet<>(findings)).isEqualTo(planned);
    assertThat(reasons("arrests"))
        .containsExactlyInAnyOrder(
            "DUPLICATE_ID",
            "UNKNOWN_CODE",
            "BAD_FORMAT",
            "MISSING_VALUE",
            "WRONG_FIELD_COUNT",
            "OUT_OF_RANGE");
    assertThat(reasons("outcomes"))
        .containsExactlyInAnyOrder(
            "DUPLICATE_ID",
            "OUT_OF_RANGE",
            "MISSING_VALUE",
            "UNKNOWN_CODE",
            "BAD_FORMAT",
            "WRONG_FIELD_COUNT");
    assertThat(reasons("protection_orders"))
        .containsExactlyInAnyOrder(
            "DUPLICATE_ID", "UNKNOWN_CODE", "BAD_FORMAT", "MISSING_VALUE", "WRONG_FIELD_COUNT");
  }

  @Test
  void badRowsStayWellUnderTheDefaultRejectLimit() throws IOException {
    for (String extract : List.of("arrests", "outcomes", "protection_orders")) {
      long records = ExtractRulesChecker.parse(withBadRows.resolve(extract + ".csv")).size() - 1;
      long rejects =
          withBadRowsSummary.plannedRejects().stream()
              .filter(p -> p.extract().equals(extract))
              .count();
      assertThat((double) rejects / records).as(extract).isLessThan(0.005);
    }
  }

  @Test
  void cleanVariantIsTheBadRowVariantWithoutItsBadRows() throws IOException {
    for (String file : FILES) {
      List<String> lines = Files.readAllLines(withBadRows.resolve(file), StandardCharsets.UTF_8);
      Set<Long> bad = new HashSet<>();
      for (PlannedReject p : withBadRowsSummary.plannedRejects()) {
        if (p.file().equals(file)) {
          bad.add(p.line());
        }
      }
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!bad.contains(i + 1L)) {
          kept.add(lines.get(i));
        }
      }
      assertThat(kept)
          .as(file)
          .isEqualTo(Files.readAllLines(clean.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyCodeUsedIsInTheReferenceData() throws IOException {
    Path reference = clean.resolve("reference");
    Set<String> bcus =
        column(ExtractRulesChecker.readTable(reference.resolve("bcus.csv")), "bcu_code");
    Set<String> units =
        column(ExtractRulesChecker.readTable(reference.resolve("units.csv")), "unit_code");
    Set<String> offences =
        column(ExtractRulesChecker.readTable(reference.resolve("offences.csv")), "offence_code");
    Set<String> outcomeTypes =
        column(
            ExtractRulesChecker.readTable(reference.resolve("outcome_types.csv")), "outcome_type");
    List<Map<String, String>> arrests = rows(clean, "arrests.csv");
    List<Map<String, String>> outcomes = rows(clean, "outcomes.csv");
    List<Map<String, String>> orders = rows(clean, "protection_orders.csv");
    assertThat(column(arrests, "bcu_code")).isSubsetOf(bcus);
    assertThat(column(arrests, "unit_code")).isSubsetOf(units);
    assertThat(column(arrests, "offence_code")).isSubsetOf(offences);
    assertThat(column(outcomes, "bcu_code")).isSubsetOf(bcus);
    assertThat(column(outcomes, "offence_code")).isSubsetOf(offences);
    Set<String> typesUsed = column(outcomes, "outcome_type");
    typesUsed.remove("");
    assertThat(typesUsed).isSubsetOf(outcomeTypes).contains("1", "15", "16", "18");
    assertThat(column(orders, "bcu_code")).isSubsetOf(bcus);
  }

  @Test
  void predatoryOffendersUnitsArrestOnlyFromTheirLaunch() throws IOException {
    Map<String, String> unitTypes = new HashMap<>();
    for (Map<String, String> unit :
        ExtractRulesChecker.readTable(clean.resolve("reference/units.csv"))) {
      unitTypes.put(unit.get("unit_code"), unit.get("unit_type"));
    }
    List<LocalDate> pouArrestDates =
        rows(clean, "arrests.csv").stream()
            .filter(a -> unitTypes.get(a.get("unit_code")).equals("POU"))
            .map(a -> LocalDate.parse(a.get("arrest_date")))
            .toList();
    assertThat(pouArrestDates).isNotEmpty().allMatch(d -> !d.isBefore(LocalDate.of(2020, 11, 1)));
    List<LocalDate> otherDates =
        rows(clean, "arrests.csv").stream()
            .filter(a -> !unitTypes.get(a.get("unit_code")).equals("POU"))
            .map(a -> LocalDate.parse(a.get("arrest_date")))
            .toList();
    assertThat(otherDates)
        .anyMatch(d -> d.isBefore(LocalDate.of(2019, 1, 1)))
        .anyMatch(d -> d.isAfter(LocalDate.of(2025, 1, 1)));
  }

  @Test
  void dataLooksLikeAForcesExtract() throws IOException {
    List<Map<String, String>> arrests = rows(clean, "arrests.csv");
    Map<String, Long> arrestsPerPerson =
        arrests.stream()
            .collect(Collectors.groupingBy(a -> a.get("person_ref"), Collectors.counting()));
    List<Long> counts =
        arrestsPerPerson.values().stream().sorted(Comparator.reverseOrder()).toList();
    long topTenth = counts.subList(0, counts.size() / 10).stream().mapToLong(Long::longValue).sum();
    assertThat((double) topTenth / arrests.size())
        .as("share of arrests of the most-arrested tenth")
        .isGreaterThan(0.2);
    assertThat(counts.get(0)).isGreaterThanOrEqualTo(8);

    List<Map<String, String>> pou =
        arrests.stream().filter(a -> a.get("unit_code").startsWith("POU-")).toList();
    double pouDomesticAbuse =
        pou.stream().filter(a -> a.get("domestic_abuse").equals("Y")).count() / (double) pou.size();
    assertThat(pouDomesticAbuse).isBetween(0.45, 0.65);
    assertThat(column(arrests, "operation")).contains("VIGILANT", "");
    assertThat(column(arrests, "sex")).contains("", "U");
    assertThat(column(arrests, "ethnicity")).contains("", "NS");

    List<Map<String, String>> outcomes = rows(clean, "outcomes.csv");
    assertThat(outcomes.size()).isGreaterThan(ARRESTS);
    assertThat(outcomes)
        .anyMatch(c -> c.get("outcome_type").isEmpty() && c.get("outcome_date").isEmpty());
    Set<String> arrestIds = column(arrests, "arrest_id");
    List<String> linked =
        outcomes.stream().map(c -> c.get("arrest_id")).filter(id -> !id.isEmpty()).toList();
    assertThat(linked.size()).isGreaterThan(ARRESTS / 2);
    assertThat(linked.stream().filter(arrestIds::contains).count())
        .isGreaterThan(linked.size() * 95L / 100);
    assertThat(medianDaysToOutcome(outcomes, Set.of("19C", "19D", "19E", "19F", "19G", "19H")))
        .isBetween(60.0, 300.0);
    assertThat(medianDaysToOutcome(outcomes, Set.of("105A", "8N"))).isLessThan(40.0);
  }

  @Test
  void protectionOrderEventsFollowEachOrdersLife() throws IOException {
    Map<String, List<Map<String, String>>> byOrder =
        rows(clean, "protection_orders.csv").stream()
            .collect(Collectors.groupingBy(e -> e.get("order_ref")));
    assertThat(byOrder).hasSizeGreaterThan(100);
    // A notice is issued, then the order applied for; an order is granted or refused; only a
    // granted order can be breached. Recent chains may stop early.
    String lifeOfAnOrder =
        "(ISSUED( APPLIED( (GRANTED( BREACHED)?|REFUSED))?)?|APPLIED( (GRANTED("
            + " BREACHED)?|REFUSED))?)";
    for (List<Map<String, String>> events : byOrder.values()) {
      String life = events.stream().map(e -> e.get("event")).collect(Collectors.joining(" "));
      assertThat(life).matches(lifeOfAnOrder);
      LocalDate previous = LocalDate.MIN;
      for (Map<String, String> event : events) {
        LocalDate date = LocalDate.parse(event.get("event_date"));
        assertThat(date).isAfterOrEqualTo(previous);
        previous = date;
        boolean notice = event.get("event").equals("ISSUED");
        assertThat(event.get("order_type"))
            .isIn(
                notice
                    ? List.of("DVPN", "DAPN")
                    : List.of("DVPO", "DAPO", "SPO", "SHPO", "SRO", "NMO"));
      }
    }
  }

  @Test
  void rejectsImpossibleRowCounts() {
    assertThatThrownBy(() -> SyntheticExtracts.write(temp.resolve("negative"), -1, SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroArrestsGivesHeaderOnlyExtracts() throws IOException {
    Path empty = temp.resolve("empty");
    Summary summary = SyntheticExtracts.write(empty, 0, SEED);
    assertThat(summary.plannedRejects()).isEmpty();
    for (String file : FILES) {
      assertThat(Files.readAllLines(empty.resolve(file))).as(file).hasSize(1);
    }
  }

  private static double medianDaysToOutcome(
      List<Map<String, String>> outcomes, Set<String> offences) {
    double[] days =
        outcomes.stream()
            .filter(
                c -> offences.contains(c.get("offence_code")) && !c.get("outcome_date").isEmpty())
            .mapToDouble(
                c ->
                    ChronoUnit.DAYS.between(
                        LocalDate.parse(c.get("recorded_date")),
                        LocalDate.parse(c.get("outcome_date"))))
            .sorted()
            .toArray();
    assertThat(days).isNotEmpty();
    return days.length % 2 == 1
        ? days[days.length / 2]
        : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
  }

  private static List<String> reasons(String extract) {
    return withBadRowsSummary.plannedRejects().stream()
        .filter(p -> p.extract().equals(extract))
        .map(PlannedReject::reason)
        .toList();
  }

  private static List<String> header(Path folder, String file) throws IOException {
    return ExtractRulesChecker.parse(folder.resolve(file)).get(0).fields();
  }

  private static List<Map<String, String>> rows(Path folder, String file) throws IOException {
    return ExtractRulesChecker.readTable(folder.resolve(file));
  }

  private static Set<String> column(List<Map<String, String>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).collect(Collectors.toCollection(HashSet::new));
  }

  private static List<String> allFiles() {
    return Stream.concat(FILES.stream(), REFERENCE_FILES.stream().map(f -> "reference/" + f))
        .toList();
  }
}
