package org.offstats.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offstats.domain.Periods;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.ProtectionOrderEvent;
import org.offstats.tables.CrimeFacts;

/**
 * The data quality facts (manifest {@code quality}): per extract and financial year of the record's
 * main date, the accepted records and how many of them lack a value that the tables break down by.
 * Counted by the readers for each accepted record, in the same pass as the tables; each fact's key is
 * {@code quality, extract, year, measure}.
 */
public final class DataQuality {
  public static final String QUALITY = "quality";
  public static final String ACCEPTED = "accepted";
  public static final String ETHNICITY_NOT_STATED = "ethnicity_not_stated";
  public static final String SEX_UNKNOWN = "sex_unknown";
  public static final String AGE_BAND_UNKNOWN = "age_band_unknown";
  public static final String NO_OUTCOME_YET = "no_outcome_yet";
  static final String NOT_STATED_GROUP = "Not stated";
  static final String UNKNOWN = "U";

  private DataQuality() {}

  /** The measures counted for an extract besides {@link #ACCEPTED}, in the manifest's order. */
  public static List<String> measures(String extract) {
    return switch (extract) {
      case "arrests" -> List.of(ETHNICITY_NOT_STATED, SEX_UNKNOWN, AGE_BAND_UNKNOWN);
      case "outcomes" -> List.of(NO_OUTCOME_YET);
      default -> List.of();
    };
  }

  /**
   * One reader's counts: per extract and financial year, a count per measure ({@link #ACCEPTED}
   * first, then {@link #measures}). Keys are built once per year at the end, not once per record.
   */
  static final class Counts {
    private final Map<String, Map<String, long[]>> byExtract = new TreeMap<>();

    private long[] of(String extract, String year) {
      Map<String, long[]> years = byExtract.computeIfAbsent(extract, e -> new HashMap<>());
      long[] counts = years.get(year);
      if (counts == null) {
        counts = new long[1 + measures(extract).size()];
        years.put(year, counts);
      }
      return counts;
    }

    /** The counts as facts: {@code quality, extract, year, measure} to the count, zero counts left out. */
    Map<String, Long> facts() {
      Map<String, Long> facts = new TreeMap<>();
      byExtract.forEach((extract, years) -> {
        List<String> measures = measures(extract);
        years.forEach((year, counts) -> {
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              facts.put(RunFacts.key(QUALITY, extract, year, i == 0 ? ACCEPTED : measures.get(i - 1)), counts[i]);
            }
          }
        });
      });
      return facts;
    }
  }

  /**
   * @param groupOfCode the 5+1 ethnicity group of each code, as for arrests_by_demographics
   */
  static void arrest(Arrest arrest, Map<String, String> groupOfCode, Counts counts) {
    long[] year = counts.of("arrests", Periods.financialYear(arrest.getArrestDate()));
    year[0]++;
    // in the order of measures("arrests")
    if (NOT_STATED_GROUP.equals(groupOfCode.get(arrest.getEthnicity()))) {
      year[1]++;
    }
    if (UNKNOWN.equals(arrest.getSex())) {
      year[2]++;
    }
    if (UNKNOWN.equals(arrest.getAgeBand())) {
      year[3]++;
    }
  }

  static void crime(CrimeFacts crime, Counts counts) {
    long[] year = counts.of("outcomes", crime.financialYear());
    year[0]++;
    if (!crime.hasOutcome()) {
      year[1]++;
    }
  }

  static void order(ProtectionOrderEvent event, Counts counts) {
    counts.of("protection_orders", Periods.financialYear(event.getEventDate()))[0]++;
  }

  /** Adds one arrest's facts to {@code facts}: the counting of {@link Counts}, one record at a time. */
  static void arrest(Arrest arrest, Map<String, String> groupOfCode, Map<String, Long> facts) {
    Counts counts = new Counts();
    arrest(arrest, groupOfCode, counts);
    counts.facts().forEach((key, n) -> facts.merge(key, n, Long::sum));
  }

  /** Adds one protection order event's facts to {@code facts}, as {@link #arrest(Arrest, Map, Map)}. */
  static void order(ProtectionOrderEvent event, Map<String, Long> facts) {
    Counts counts = new Counts();
    order(event, counts);
    counts.facts().forEach((key, n) -> facts.merge(key, n, Long::sum));
  }
}
