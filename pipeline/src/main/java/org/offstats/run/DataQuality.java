package org.offstats.run;

import java.util.List;
import java.util.Map;
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
   * @param groupOfCode the 5+1 ethnicity group of each code, as for arrests_by_demographics
   */
  static void arrest(Arrest arrest, Map<String, String> groupOfCode, Map<String, Long> counts) {
    String year = Periods.financialYear(arrest.getArrestDate());
    count(counts, "arrests", year, ACCEPTED);
    if (NOT_STATED_GROUP.equals(groupOfCode.get(arrest.getEthnicity()))) {
      count(counts, "arrests", year, ETHNICITY_NOT_STATED);
    }
    if (UNKNOWN.equals(arrest.getSex())) {
      count(counts, "arrests", year, SEX_UNKNOWN);
    }
    if (UNKNOWN.equals(arrest.getAgeBand())) {
      count(counts, "arrests", year, AGE_BAND_UNKNOWN);
    }
  }

  static void crime(CrimeFacts crime, Map<String, Long> counts) {
    count(counts, "outcomes", crime.financialYear(), ACCEPTED);
    if (!crime.hasOutcome()) {
      count(counts, "outcomes", crime.financialYear(), NO_OUTCOME_YET);
    }
  }

  static void order(ProtectionOrderEvent event, Map<String, Long> counts) {
    count(counts, "protection_orders", Periods.financialYear(event.getEventDate()), ACCEPTED);
  }

  private static void count(Map<String, Long> counts, String extract, String year, String measure) {
    counts.merge(RunFacts.key(QUALITY, extract, year, measure), 1L, Long::sum);
  }
}
