package org.offstats.e2e;

import static org.offstats.e2e.RowAssert.row;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table and headline figure of the fixture {@code fixtures/handworked/}, worked out by hand
 * from OUTPUTS.md, with the working in comments. Rows are listed in the order the spec requires
 * them to be stored: by the table's keys, strings by code point, false before true.
 *
 * <p>The fixture's own reference data ({@code fixtures/handworked/reference/}):
 *
 * <pre>
 * offences   105A Violence without injury / Violence against the person, vawg N
 *            19C  Rape / Sexual offences, vawg Y
 *            20A  Other sexual offences / Sexual offences, vawg Y
 *            49   Other theft offences / Theft offences, vawg N   (name quoted, has a comma)
 *            8N   Violence with injury / Violence against the person, vawg N
 * outcomes   1 Charged/Summonsed · 3 Out-of-court (formal) ·
 *            16 Evidential difficulties (victim does not support action) ·
 *            18 Investigation complete – no suspect identified   (an en dash: UTF-8)
 * units      POU1, POU2: type POU, established 2020-11-01 · RESP1: type Response, 2019-01-01
 * bcus       AW (3 boroughs), CE (2 boroughs)
 * </pre>
 *
 * <p>Arrests (A1..A10 = ARR-0001..ARR-0010):
 *
 * <pre>
 * A1  PER-ALPHA-01   2022-05-10 CE POU1  8N   N  M 30-39 W1
 * A2  PER-ALPHA-01   2022-07-02 CE POU2  8N   N  M 30-39 W1
 * A3  PER-ALPHA-01   2022-07-20 CE POU2  8N   N  M 30-39 W1
 * A4  PER-BRAVO-02   2021-03-31 AW POU1  19C  N  (empty sex, age, ethnicity)
 * A5  PER-CHARLIE-03 2021-04-01 AW POU1  19C  Y  M 21-24 A4
 * A6  PER-DELTA-04   2024-02-29 CE RESP1 105A Y  F 18-20 O1   (leap day)
 * A7  PER-ECHO-05    2023-06-15 CE RESP1 49   N  X 50+   NS
 * A8  PER-FOXTROT-06 2021-09-01 AW POU2  19C  Y  F 25-29 B2
 * A9  PER-GOLF-07    2022-07-25 CE RESP1 8N   Y  F 40-49 M1
 * A10 PER-HOTEL-08   2022-07-28 CE POU2  105A N  M 18-20 W2
 * </pre>
 *
 * <p>Crimes (C1..C17 = CRM-0001..CRM-0017), days = outcome_date − recorded_date:
 *
 * <pre>
 * C1  19C  DA Y 2024-05-01 type 1  2024-05-11  10 days
 * C2  19C  DA N 2024-06-01 type 1  2024-06-21  20
 * C3  19C  DA N 2024-07-01 type 16 2024-07-01   0 (same day)
 * C4  19C  DA N 2025-03-31 no outcome           (last day of 2024-25)
 * C5  19C  DA N 2024-09-01 type 1  2024-10-31  60 (30 in Sep + 30)
 * C6  8N   DA Y 2024-08-01 no outcome
 * C7  8N   DA N 2024-08-02 type 18 2024-08-05   3
 * C8  105A DA Y 2024-11-15 type 3  2024-11-16   1
 * C9  20A  DA N 2025-01-10 type 1  2025-02-09  30 (21 in Jan + 9)
 * C10 19C  DA Y 2025-04-01 type 1  2025-04-03   2 (2025-26: not complete at as-at)
 * C11 19C  DA Y 2021-04-01 type 1  2021-06-01  61 (30 + 31)   linked arrest A5
 * C12 19C  DA Y 2021-09-01 type 16 2021-12-01  91 (30+31+30)  linked arrest A8
 * C13 19C  DA N 2021-03-31 type 16 2021-04-30  30             linked arrest A4
 * C14 8N   DA N 2022-05-10 type 1  2022-06-01  22 (21 + 1)    linked arrest A1
 * C15 8N   DA N 2022-05-11 type 1  2022-06-09  29 (20 + 9)    linked arrest A1 again
 * C16 49   DA N 2023-06-15 type 1  2023-07-01  16             linked ARR-9999, not an arrest here
 * C17 105A DA Y 2024-02-28 type 3  2024-03-01   2 (29 Feb 2024 in between)
 * </pre>
 */
final class HandWorkedExpectations {
  private HandWorkedExpectations() {}

  static final String FIXTURE = "handworked";
  static final LocalDate AS_AT = LocalDate.parse("2025-10-31");

  static final String VAP = "Violence against the person";
  static final String SEX = "Sexual offences";
  static final String THEFT = "Theft offences";
  static final String CS = "Charged/Summonsed";
  static final String EDV = "Evidential difficulties (victim does not support action)";
  static final String NSI = "Investigation complete \u2013 no suspect identified";
  static final String NYA = "Not yet assigned an outcome";
  static final String OOCF = "Out-of-court (formal)";
  static final String ALL = "All outcomes";

  /** Every identifier in the fixture (none may reach publish/). */
  static final List<String> IDENTIFIERS =
      List.of(
          "ARR-0001", "ARR-0002", "ARR-0003", "ARR-0004", "ARR-0005", "ARR-0006", "ARR-0007",
          "ARR-0008", "ARR-0009", "ARR-0010", "ARR-9999", "PER-ALPHA-01", "PER-BRAVO-02",
          "PER-CHARLIE-03", "PER-DELTA-04", "PER-ECHO-05", "PER-FOXTROT-06", "PER-GOLF-07",
          "PER-HOTEL-08", "CRM-0001", "CRM-0002", "CRM-0003", "CRM-0004", "CRM-0005", "CRM-0006",
          "CRM-0007", "CRM-0008", "CRM-0009", "CRM-0010", "CRM-0011", "CRM-0012", "CRM-0013",
          "CRM-0014", "CRM-0015", "CRM-0016", "CRM-0017", "ORD-0001", "ORD-0002", "ORD-0003",
          "ORD-0004", "ORD-0005", "ORD-0006");

  static final Map<String, List<List<Object>>> TABLES = new LinkedHashMap<>();

  /**
   * Headline values at as-at 2025-10-31; the latest complete financial year is 2024-25 (its 31
   * March 2025 is on or before as-at; 2025-26's 31 March 2026 is not).
   */
  static final Map<String, Double> HEADLINES = new LinkedHashMap<>();

  static {
    // (a) PER-ALPHA-01 is arrested by POU units in 2022-05 (A1) and 2022-07 (A2, A3): persons is 1
    // in each month's cell, and 1 in the 2022-07 POU2 8N cell that holds two of their arrests.
    // (b) A4 on 2021-03-31 is month 2021-03; A5 on 2021-04-01 is 2021-04; A6 is 2024-02.
    // Code-point order: offence_code "105A" < "8N" (a natural sort would put 8N first); unit_type
    // "POU" < "Response".
    TABLES.put(
        "arrests_by_offence",
        List.of(
            row("2021-03", "POU", "POU1", SEX, "19C", false, 1, 1), // A4
            row("2021-04", "POU", "POU1", SEX, "19C", true, 1, 1), // A5
            row("2021-09", "POU", "POU2", SEX, "19C", true, 1, 1), // A8
            row("2022-05", "POU", "POU1", VAP, "8N", false, 1, 1), // A1 (ALPHA)
            row("2022-07", "POU", "POU2", VAP, "105A", false, 1, 1), // A10
            row("2022-07", "POU", "POU2", VAP, "8N", false, 2, 1), // A2 + A3, both ALPHA
            row("2022-07", "Response", "RESP1", VAP, "8N", true, 1, 1), // A9
            row("2023-06", "Response", "RESP1", THEFT, "49", false, 1, 1), // A7
            row("2024-02", "Response", "RESP1", VAP, "105A", true, 1, 1))); // A6, leap day

    // 2022-07 CE VAP: A2, A3, A10 not flagged (3), A9 flagged (1): false sorts before true.
    TABLES.put(
        "arrests_by_bcu",
        List.of(
            row("2021-03", "AW", SEX, false, 1), // A4
            row("2021-04", "AW", SEX, true, 1), // A5
            row("2021-09", "AW", SEX, true, 1), // A8
            row("2022-05", "CE", VAP, false, 1), // A1
            row("2022-07", "CE", VAP, false, 3), // A2, A3, A10
            row("2022-07", "CE", VAP, true, 1), // A9
            row("2023-06", "CE", THEFT, false, 1), // A7
            row("2024-02", "CE", VAP, true, 1))); // A6

    // by month and offence group, over units, offences and the flag: 2022-07 VAP is A2, A3, A10, A9.
    TABLES.put(
        "arrests_by_offence_group",
        List.of(
            row("2021-03", SEX, 1), // A4
            row("2021-04", SEX, 1), // A5
            row("2021-09", SEX, 1), // A8
            row("2022-05", VAP, 1), // A1
            row("2022-07", VAP, 4), // A2, A3, A10, A9
            row("2023-06", THEFT, 1), // A7
            row("2024-02", VAP, 1))); // A6

    // (b) financial years: 2021-03-31 → 2020-21; 2021-04-01 → 2021-22; 2024-02-29 → 2023-24.
    // A4's empty sex and age band are U, its empty ethnicity is NS = Not stated; A5's A4 (Chinese,
    // 18+1) is Asian; A6's legacy O1 stays under Other; A7's explicit NS is Not stated.
    TABLES.put(
        "arrests_by_demographics",
        List.of(
            row("2020-21", SEX, "U", "U", "Not stated", 1), // A4
            row("2021-22", SEX, "F", "25-29", "Black", 1), // A8 (B2)
            row("2021-22", SEX, "M", "21-24", "Asian", 1), // A5 (A4)
            row("2022-23", VAP, "F", "40-49", "Mixed", 1), // A9 (M1)
            row("2022-23", VAP, "M", "18-20", "White", 1), // A10 (W2)
            row("2022-23", VAP, "M", "30-39", "White", 3), // A1, A2, A3 (W1)
            row("2023-24", THEFT, "X", "50+", "Not stated", 1), // A7 (NS)
            row("2023-24", VAP, "F", "18-20", "Other", 1))); // A6 (O1)

    // (e) arrests_charged = arrests linked from a type-1 crime:
    // 2020-21 POU Sexual: A4, linked only from C13 (type 16)            → 1 arrest, 0 charged
    // 2021-22 POU Sexual: A5 linked from C11 (type 1), A8 from C12 (16) → 2, 1
    // 2022-23 POU VAP: A1, A2, A3, A10; A1 is linked from two type-1 crimes (C14, C15) and still
    //   counts as one charged arrest                                      → 4, 1
    // 2023-24 Response Theft: A7; C16 links ARR-9999, which is not in the arrests → 1, 0
    TABLES.put(
        "arrest_outcomes",
        List.of(
            row("2020-21", "POU", SEX, 1, 0),
            row("2021-22", "POU", SEX, 2, 1),
            row("2022-23", "POU", VAP, 4, 1),
            row("2022-23", "Response", VAP, 1, 0), // A9
            row("2023-24", "Response", THEFT, 1, 0), // A7
            row("2023-24", "Response", VAP, 1, 0))); // A6

    // Scopes per crime (OUTPUTS.md "Scopes"): all; offence_group; offence_subgroup;
    // domestic_abuse when flagged Y; vawg when the offence has vawg = Y or the crime is flagged.
    // scope_type sorts: all < domestic_abuse < offence_group < offence_subgroup < vawg.
    // Outcome groups sort: "All outcomes" < "Charged/…" < "Evidential…" < "Investigation…"
    //   < "Not yet…" < "Out-of-court…".
    // 2020-21: C13 (Rape, N, EDV).  2021-22: C11 (Rape, DA, CS), C12 (Rape, DA, EDV).
    // 2022-23: C14, C15 (8N VWI, CS).  2023-24: C16 (49 theft, CS), C17 (105A VWOI, DA, OOCF).
    // 2024-25: C1..C9 (see class comment).  2025-26: C10 (Rape, DA, CS).
    TABLES.put(
        "outcomes_by_offence",
        List.of(
            row("2020-21", "all", "All offences", EDV, 1),
            row("2020-21", "offence_group", SEX, EDV, 1),
            row("2020-21", "offence_subgroup", "Rape", EDV, 1),
            row("2020-21", "vawg", "VAWG", EDV, 1),
            row("2021-22", "all", "All offences", CS, 1),
            row("2021-22", "all", "All offences", EDV, 1),
            row("2021-22", "domestic_abuse", "Domestic abuse", CS, 1),
            row("2021-22", "domestic_abuse", "Domestic abuse", EDV, 1),
            row("2021-22", "offence_group", SEX, CS, 1),
            row("2021-22", "offence_group", SEX, EDV, 1),
            row("2021-22", "offence_subgroup", "Rape", CS, 1),
            row("2021-22", "offence_subgroup", "Rape", EDV, 1),
            row("2021-22", "vawg", "VAWG", CS, 1),
            row("2021-22", "vawg", "VAWG", EDV, 1),
            row("2022-23", "all", "All offences", CS, 2),
            row("2022-23", "offence_group", VAP, CS, 2),
            row("2022-23", "offence_subgroup", "Violence with injury", CS, 2),
            row("2023-24", "all", "All offences", CS, 1), // C16
            row("2023-24", "all", "All offences", OOCF, 1), // C17
            row("2023-24", "domestic_abuse", "Domestic abuse", OOCF, 1), // C17
            row("2023-24", "offence_group", THEFT, CS, 1),
            row("2023-24", "offence_group", VAP, OOCF, 1),
            row("2023-24", "offence_subgroup", "Other theft offences", CS, 1),
            row("2023-24", "offence_subgroup", "Violence without injury", OOCF, 1),
            row("2023-24", "vawg", "VAWG", OOCF, 1), // C17 by its DA flag only
            // 2024-25, all: CS C1 C2 C5 C9; EDV C3; NSI C7; NYA C4 C6; OOCF C8 (9 crimes)
            row("2024-25", "all", "All offences", CS, 4),
            row("2024-25", "all", "All offences", EDV, 1),
            row("2024-25", "all", "All offences", NSI, 1),
            row("2024-25", "all", "All offences", NYA, 2),
            row("2024-25", "all", "All offences", OOCF, 1),
            // DA: C1 (CS), C6 (NYA), C8 (OOCF)
            row("2024-25", "domestic_abuse", "Domestic abuse", CS, 1),
            row("2024-25", "domestic_abuse", "Domestic abuse", NYA, 1),
            row("2024-25", "domestic_abuse", "Domestic abuse", OOCF, 1),
            // Sexual offences: C1 C2 C5 C9 (CS), C3 (EDV), C4 (NYA)
            row("2024-25", "offence_group", SEX, CS, 4),
            row("2024-25", "offence_group", SEX, EDV, 1),
            row("2024-25", "offence_group", SEX, NYA, 1),
            // VAP: C7 (NSI), C6 (NYA), C8 (OOCF)
            row("2024-25", "offence_group", VAP, NSI, 1),
            row("2024-25", "offence_group", VAP, NYA, 1),
            row("2024-25", "offence_group", VAP, OOCF, 1),
            row("2024-25", "offence_subgroup", "Other sexual offences", CS, 1), // C9
            row("2024-25", "offence_subgroup", "Rape", CS, 3), // C1 C2 C5
            row("2024-25", "offence_subgroup", "Rape", EDV, 1), // C3
            row("2024-25", "offence_subgroup", "Rape", NYA, 1), // C4
            row("2024-25", "offence_subgroup", "Violence with injury", NSI, 1), // C7
            row("2024-25", "offence_subgroup", "Violence with injury", NYA, 1), // C6
            row("2024-25", "offence_subgroup", "Violence without injury", OOCF, 1), // C8
            // VAWG: C1..C5, C9 by offence, C6 and C8 by DA flag
            row("2024-25", "vawg", "VAWG", CS, 4),
            row("2024-25", "vawg", "VAWG", EDV, 1),
            row("2024-25", "vawg", "VAWG", NYA, 2),
            row("2024-25", "vawg", "VAWG", OOCF, 1),
            row("2025-26", "all", "All offences", CS, 1),
            row("2025-26", "domestic_abuse", "Domestic abuse", CS, 1),
            row("2025-26", "offence_group", SEX, CS, 1),
            row("2025-26", "offence_subgroup", "Rape", CS, 1),
            row("2025-26", "vawg", "VAWG", CS, 1)));

    // (c) Cohort charge rate = type-1 crimes / all crimes recorded in the year, crimes with no
    // outcome yet (C4, C6) staying in the denominator. C1 (Rape, flagged DA) counts in all five
    // scopes at once: all, Sexual offences, Rape, Domestic abuse, VAWG.
    TABLES.put(
        "charge_rates",
        List.of(
            row("2020-21", "all", "All offences", 1, 0, 0.0),
            row("2020-21", "offence_group", SEX, 1, 0, 0.0),
            row("2020-21", "offence_subgroup", "Rape", 1, 0, 0.0),
            row("2020-21", "vawg", "VAWG", 1, 0, 0.0),
            row("2021-22", "all", "All offences", 2, 1, 0.5),
            row("2021-22", "domestic_abuse", "Domestic abuse", 2, 1, 0.5),
            row("2021-22", "offence_group", SEX, 2, 1, 0.5),
            row("2021-22", "offence_subgroup", "Rape", 2, 1, 0.5),
            row("2021-22", "vawg", "VAWG", 2, 1, 0.5),
            row("2022-23", "all", "All offences", 2, 2, 1.0),
            row("2022-23", "offence_group", VAP, 2, 2, 1.0),
            row("2022-23", "offence_subgroup", "Violence with injury", 2, 2, 1.0),
            row("2023-24", "all", "All offences", 2, 1, 0.5),
            row("2023-24", "domestic_abuse", "Domestic abuse", 1, 0, 0.0),
            row("2023-24", "offence_group", THEFT, 1, 1, 1.0),
            row("2023-24", "offence_group", VAP, 1, 0, 0.0),
            row("2023-24", "offence_subgroup", "Other theft offences", 1, 1, 1.0),
            row("2023-24", "offence_subgroup", "Violence without injury", 1, 0, 0.0),
            row("2023-24", "vawg", "VAWG", 1, 0, 0.0),
            row("2024-25", "all", "All offences", 9, 4, 4.0 / 9), // C1..C9; C1 C2 C5 C9
            row("2024-25", "domestic_abuse", "Domestic abuse", 3, 1, 1.0 / 3), // C1 C6 C8; C1
            row("2024-25", "offence_group", SEX, 6, 4, 4.0 / 6), // C1..C5 C9
            row("2024-25", "offence_group", VAP, 3, 0, 0.0), // C6 C7 C8
            row("2024-25", "offence_subgroup", "Other sexual offences", 1, 1, 1.0), // C9
            row("2024-25", "offence_subgroup", "Rape", 5, 3, 0.6), // C1..C5; C4 has no outcome
            row("2024-25", "offence_subgroup", "Violence with injury", 2, 0, 0.0), // C6 C7
            row("2024-25", "offence_subgroup", "Violence without injury", 1, 0, 0.0), // C8
            row("2024-25", "vawg", "VAWG", 8, 4, 0.5), // C1..C6 C8 C9
            row("2025-26", "all", "All offences", 1, 1, 1.0),
            row("2025-26", "domestic_abuse", "Domestic abuse", 1, 1, 1.0),
            row("2025-26", "offence_group", SEX, 1, 1, 1.0),
            row("2025-26", "offence_subgroup", "Rape", 1, 1, 1.0),
            row("2025-26", "vawg", "VAWG", 1, 1, 1.0)));

    // (d) quantile_cont: for sorted x[0..n-1] and p, position h = (n-1)p, value
    // x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). Rows: outcomes, median, p25, p75.
    // 2021-22 All [61, 91]: h=.5 → 76; h=.25 → 68.5; h=.75 → 83.5
    // 2022-23 [22, 29]: 25.5; 23.75; 27.25.   2023-24 all [2, 16]: 9; 5.5; 12.5
    // 2024-25 all, All outcomes, n=7 (odd) [0, 1, 3, 10, 20, 30, 60]:
    //   median h=3 → 10; p25 h=1.5 → 1 + .5(3-1) = 2; p75 h=4.5 → 20 + .5(30-20) = 25
    //   (0 is C3's zero-day gap)
    // 2024-25 CS, n=4 (even) [10, 20, 30, 60]: median h=1.5 → 25; p25 h=.75 → 17.5;
    //   p75 h=2.25 → 30 + .25(60-30) = 37.5
    // DA All [1, 10]: 5.5; 3.25; 7.75.  Sexual All [0, 10, 20, 30, 60]: 20; 10; 30.
    // VAP All [1, 3]: 2; 1.5; 2.5.  Rape All [0, 10, 20, 60]: 15; 7.5; 30.
    // Rape CS [10, 20, 60]: 20; 15; 40.  VAWG All [0, 1, 10, 20, 30, 60]: h=2.5 → 15;
    //   h=1.25 → 1 + .25(10-1) = 3.25; h=3.75 → 20 + .75(30-20) = 27.5.
    TABLES.put(
        "time_to_outcome",
        List.of(
            row("2020-21", "all", "All offences", ALL, 1, 30.0, 30.0, 30.0),
            row("2020-21", "all", "All offences", EDV, 1, 30.0, 30.0, 30.0),
            row("2020-21", "offence_group", SEX, ALL, 1, 30.0, 30.0, 30.0),
            row("2020-21", "offence_group", SEX, EDV, 1, 30.0, 30.0, 30.0),
            row("2020-21", "offence_subgroup", "Rape", ALL, 1, 30.0, 30.0, 30.0),
            row("2020-21", "offence_subgroup", "Rape", EDV, 1, 30.0, 30.0, 30.0),
            row("2020-21", "vawg", "VAWG", ALL, 1, 30.0, 30.0, 30.0),
            row("2020-21", "vawg", "VAWG", EDV, 1, 30.0, 30.0, 30.0),
            row("2021-22", "all", "All offences", ALL, 2, 76.0, 68.5, 83.5),
            row("2021-22", "all", "All offences", CS, 1, 61.0, 61.0, 61.0),
            row("2021-22", "all", "All offences", EDV, 1, 91.0, 91.0, 91.0),
            row("2021-22", "domestic_abuse", "Domestic abuse", ALL, 2, 76.0, 68.5, 83.5),
            row("2021-22", "domestic_abuse", "Domestic abuse", CS, 1, 61.0, 61.0, 61.0),
            row("2021-22", "domestic_abuse", "Domestic abuse", EDV, 1, 91.0, 91.0, 91.0),
            row("2021-22", "offence_group", SEX, ALL, 2, 76.0, 68.5, 83.5),
            row("2021-22", "offence_group", SEX, CS, 1, 61.0, 61.0, 61.0),
            row("2021-22", "offence_group", SEX, EDV, 1, 91.0, 91.0, 91.0),
            row("2021-22", "offence_subgroup", "Rape", ALL, 2, 76.0, 68.5, 83.5),
            row("2021-22", "offence_subgroup", "Rape", CS, 1, 61.0, 61.0, 61.0),
            row("2021-22", "offence_subgroup", "Rape", EDV, 1, 91.0, 91.0, 91.0),
            row("2021-22", "vawg", "VAWG", ALL, 2, 76.0, 68.5, 83.5),
            row("2021-22", "vawg", "VAWG", CS, 1, 61.0, 61.0, 61.0),
            row("2021-22", "vawg", "VAWG", EDV, 1, 91.0, 91.0, 91.0),
            row("2022-23", "all", "All offences", ALL, 2, 25.5, 23.75, 27.25),
            row("2022-23", "all", "All offences", CS, 2, 25.5, 23.75, 27.25),
            row("2022-23", "offence_group", VAP, ALL, 2, 25.5, 23.75, 27.25),
            row("2022-23", "offence_group", VAP, CS, 2, 25.5, 23.75, 27.25),
            row("2022-23", "offence_subgroup", "Violence with injury", ALL, 2, 25.5, 23.75, 27.25),
            row("2022-23", "offence_subgroup", "Violence with injury", CS, 2, 25.5, 23.75, 27.25),
            row("2023-24", "all", "All offences", ALL, 2, 9.0, 5.5, 12.5),
            row("2023-24", "all", "All offences", CS, 1, 16.0, 16.0, 16.0),
            row("2023-24", "all", "All offences", OOCF, 1, 2.0, 2.0, 2.0), // leap-year gap
            row("2023-24", "domestic_abuse", "Domestic abuse", ALL, 1, 2.0, 2.0, 2.0),
            row("2023-24", "domestic_abuse", "Domestic abuse", OOCF, 1, 2.0, 2.0, 2.0),
            row("2023-24", "offence_group", THEFT, ALL, 1, 16.0, 16.0, 16.0),
            row("2023-24", "offence_group", THEFT, CS, 1, 16.0, 16.0, 16.0),
            row("2023-24", "offence_group", VAP, ALL, 1, 2.0, 2.0, 2.0),
            row("2023-24", "offence_group", VAP, OOCF, 1, 2.0, 2.0, 2.0),
            row("2023-24", "offence_subgroup", "Other theft offences", ALL, 1, 16.0, 16.0, 16.0),
            row("2023-24", "offence_subgroup", "Other theft offences", CS, 1, 16.0, 16.0, 16.0),
            row("2023-24", "offence_subgroup", "Violence without injury", ALL, 1, 2.0, 2.0, 2.0),
            row("2023-24", "offence_subgroup", "Violence without injury", OOCF, 1, 2.0, 2.0, 2.0),
            row("2023-24", "vawg", "VAWG", ALL, 1, 2.0, 2.0, 2.0),
            row("2023-24", "vawg", "VAWG", OOCF, 1, 2.0, 2.0, 2.0),
            row("2024-25", "all", "All offences", ALL, 7, 10.0, 2.0, 25.0),
            row("2024-25", "all", "All offences", CS, 4, 25.0, 17.5, 37.5),
            row("2024-25", "all", "All offences", EDV, 1, 0.0, 0.0, 0.0), // C3, zero days
            row("2024-25", "all", "All offences", NSI, 1, 3.0, 3.0, 3.0), // C7
            row("2024-25", "all", "All offences", OOCF, 1, 1.0, 1.0, 1.0), // C8
            row("2024-25", "domestic_abuse", "Domestic abuse", ALL, 2, 5.5, 3.25, 7.75),
            row("2024-25", "domestic_abuse", "Domestic abuse", CS, 1, 10.0, 10.0, 10.0), // C1
            row("2024-25", "domestic_abuse", "Domestic abuse", OOCF, 1, 1.0, 1.0, 1.0), // C8
            row("2024-25", "offence_group", SEX, ALL, 5, 20.0, 10.0, 30.0),
            row("2024-25", "offence_group", SEX, CS, 4, 25.0, 17.5, 37.5), // C1 C2 C5 C9
            row("2024-25", "offence_group", SEX, EDV, 1, 0.0, 0.0, 0.0),
            row("2024-25", "offence_group", VAP, ALL, 2, 2.0, 1.5, 2.5),
            row("2024-25", "offence_group", VAP, NSI, 1, 3.0, 3.0, 3.0),
            row("2024-25", "offence_group", VAP, OOCF, 1, 1.0, 1.0, 1.0),
            row("2024-25", "offence_subgroup", "Other sexual offences", ALL, 1, 30.0, 30.0, 30.0),
            row("2024-25", "offence_subgroup", "Other sexual offences", CS, 1, 30.0, 30.0, 30.0),
            row("2024-25", "offence_subgroup", "Rape", ALL, 4, 15.0, 7.5, 30.0),
            row("2024-25", "offence_subgroup", "Rape", CS, 3, 20.0, 15.0, 40.0), // odd count
            row("2024-25", "offence_subgroup", "Rape", EDV, 1, 0.0, 0.0, 0.0),
            row("2024-25", "offence_subgroup", "Violence with injury", ALL, 1, 3.0, 3.0, 3.0),
            row("2024-25", "offence_subgroup", "Violence with injury", NSI, 1, 3.0, 3.0, 3.0),
            row("2024-25", "offence_subgroup", "Violence without injury", ALL, 1, 1.0, 1.0, 1.0),
            row("2024-25", "offence_subgroup", "Violence without injury", OOCF, 1, 1.0, 1.0, 1.0),
            row("2024-25", "vawg", "VAWG", ALL, 6, 15.0, 3.25, 27.5), // even count
            row("2024-25", "vawg", "VAWG", CS, 4, 25.0, 17.5, 37.5),
            row("2024-25", "vawg", "VAWG", EDV, 1, 0.0, 0.0, 0.0),
            row("2024-25", "vawg", "VAWG", OOCF, 1, 1.0, 1.0, 1.0),
            row("2025-26", "all", "All offences", ALL, 1, 2.0, 2.0, 2.0),
            row("2025-26", "all", "All offences", CS, 1, 2.0, 2.0, 2.0),
            row("2025-26", "domestic_abuse", "Domestic abuse", ALL, 1, 2.0, 2.0, 2.0),
            row("2025-26", "domestic_abuse", "Domestic abuse", CS, 1, 2.0, 2.0, 2.0),
            row("2025-26", "offence_group", SEX, ALL, 1, 2.0, 2.0, 2.0),
            row("2025-26", "offence_group", SEX, CS, 1, 2.0, 2.0, 2.0),
            row("2025-26", "offence_subgroup", "Rape", ALL, 1, 2.0, 2.0, 2.0),
            row("2025-26", "offence_subgroup", "Rape", CS, 1, 2.0, 2.0, 2.0),
            row("2025-26", "vawg", "VAWG", ALL, 1, 2.0, 2.0, 2.0),
            row("2025-26", "vawg", "VAWG", CS, 1, 2.0, 2.0, 2.0)));

    // (f) one row per event: ORD-0002 has three events in two months; ORD-0005 two events on
    // one day; ORD-0004 applied on 31 March and refused on 1 April; ORD-0006 on the leap day.
    TABLES.put(
        "protection_orders",
        List.of(
            row("2024-02", "DAPN", "ISSUED", 1), // ORD-0006
            row("2024-03", "DVPN", "ISSUED", 2), // ORD-0001, ORD-0003
            row("2024-03", "DVPO", "APPLIED", 2), // ORD-0002, ORD-0004
            row("2024-03", "DVPO", "GRANTED", 1), // ORD-0002
            row("2024-04", "DVPO", "BREACHED", 1), // ORD-0002
            row("2024-04", "DVPO", "REFUSED", 1), // ORD-0004
            row("2024-04", "SPO", "APPLIED", 1), // ORD-0005
            row("2024-04", "SPO", "GRANTED", 1))); // ORD-0005

    // (a) POU arrests from 2020-11-01 to as-at: A1 A2 A3 (ALPHA), A4 (BRAVO), A5 (CHARLIE),
    // A8 (FOXTROT), A10 (HOTEL): 5 distinct persons, though the POU cells' persons sum to 6
    // (ALPHA is in both the 2022-05 and the 2022-07 cells). A6, A7, A9 are Response arrests.
    HEADLINES.put("pou_persons_arrested_since_launch", 5.0);
    // POU arrests flagged DA: A5, A8 (A6 and A9 are flagged but Response).
    HEADLINES.put("pou_da_arrests_since_launch", 2.0);
    // charge_rates 2024-25 offence_subgroup Rape: 3 / 5.
    HEADLINES.put("rape_charge_rate_latest_fy", 0.6);
    // charge_rates 2024-25 domestic_abuse: 1 / 3.
    HEADLINES.put("da_charge_rate_latest_fy", 1.0 / 3);
    // time_to_outcome 2024-25 Rape Charged/Summonsed [10, 20, 60]: median 20 (not 2025-26's 2).
    HEADLINES.put("rape_median_days_to_charge_latest_fy", 20.0);
  }
}
