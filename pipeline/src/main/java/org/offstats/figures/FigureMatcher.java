package org.offstats.figures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.offstats.domain.Periods;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;
import org.offstats.policeuk.PoliceUkTables;
import org.offstats.schema.Schemas;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.reference.Offence;
import org.offstats.tables.CrimeFacts;

/**
 * Decides which records a figure counts: the attributes a filter may name, per source, and the
 * date window of the figure's period. Plain Java, unit-tested without a pipeline.
 */
public final class FigureMatcher {
  /** An arrest's attributes, in the order of {@link #attributeValues(Arrest, ReferenceData)}. */
  static final List<String> ARREST_ORDER =
      List.of("unit_type", "unit_code", "bcu_code", "offence_code", "offence_group", "offence_subgroup", "vawg",
          "domestic_abuse", "operation", "sex", "age_band");
  /** A crime's attributes, in the order of {@link #attributeValues(CrimeOutcome, ReferenceData, CrimeFacts)}; the scope's last. */
  static final List<String> CRIME_ORDER =
      List.of("offence_code", "offence_group", "offence_subgroup", "vawg", "domestic_abuse", "bcu_code",
          "outcome_type", "outcome_group", "scope_type", "scope");
  static final int SCOPE_TYPE = CRIME_ORDER.indexOf("scope_type");
  static final int SCOPE = CRIME_ORDER.indexOf("scope");
  private static final Set<String> ARREST_ATTRIBUTES = Set.copyOf(ARREST_ORDER);
  private static final Set<String> CRIME_ATTRIBUTES = Set.copyOf(CRIME_ORDER);

  /** A period resolved against the as-at date: inclusive bounds and how to say it. */
  public record Window(LocalDate from, LocalDate to, String words) {
    boolean contains(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  private static final String MONTH = "month";

  private FigureMatcher() {}

  /**
   * The attributes a figure over {@code source} may filter on; empty for an unknown source. A
   * police.uk table is a source too: its key columns but the month (which the period selects).
   */
  public static Set<String> attributes(String source) {
    return switch (source) {
      case FigureDefinition.SOURCE_ARRESTS -> ARREST_ATTRIBUTES;
      case FigureDefinition.SOURCE_CRIMES -> CRIME_ATTRIBUTES;
      default -> isPoliceUkTable(source) ? policeUkAttributes(source) : Set.of();
    };
  }

  public static boolean isPoliceUkTable(String source) {
    return PoliceUkTables.tables().stream().anyMatch(t -> t.table().equals(source));
  }

  private static Set<String> policeUkAttributes(String table) {
    Set<String> keys = new java.util.LinkedHashSet<>(Schemas.table(table).keys());
    keys.remove(MONTH);
    return Set.copyOf(keys);
  }

  /** A police.uk table row's attributes: its key columns, as strings. */
  public static Map<String, String> attributesOf(org.apache.avro.generic.IndexedRecord row) {
    Map<String, String> values = new HashMap<>();
    for (org.apache.avro.Schema.Field field : row.getSchema().getFields()) {
      Object value = row.get(field.pos());
      values.put(field.name(), value == null ? "" : value.toString());
    }
    return values;
  }

  /** The first day of a police.uk row's {@code YYYY-MM} month: what its period is judged by. */
  public static Optional<LocalDate> monthStart(String month) {
    try {
      return Optional.of(LocalDate.parse(month + "-01"));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The bucket of a range figure: all its records in one cell. */
  public static final String WHOLE_PERIOD = "all";

  /**
   * Which of a figure's cells a record dated {@code date} goes to, before the as-at date is known:
   * for a latest-complete-financial-year figure, its financial year (the year is chosen once
   * as-at is known); for a date range, {@link #WHOLE_PERIOD} when inside it. A range that ends at
   * as-at needs no upper check: no accepted record is dated after as-at.
   */
  public static Optional<String> bucket(FigureDefinition.Period period, LocalDate date) {
    if (period.financialYear() != null) {
      return Optional.of(Periods.financialYear(date));
    }
    boolean afterStart = !date.isBefore(day(period.from()));
    boolean beforeEnd = period.to().equals(FigureDefinition.Period.AS_AT) || !date.isAfter(day(period.to()));
    return afterStart && beforeEnd ? Optional.of(WHOLE_PERIOD) : Optional.empty();
  }

  /** Period bounds, parsed once: {@link #bucket} is asked for every record and figure. */
  private static final Map<String, LocalDate> DAYS = new java.util.concurrent.ConcurrentHashMap<>();

  private static LocalDate day(String isoDate) {
    return DAYS.computeIfAbsent(isoDate, LocalDate::parse);
  }

  /** The bucket whose statistics are the figure's, once the as-at date is known. */
  public static Optional<String> chosenBucket(FigureDefinition.Period period, LocalDate asAt) {
    return period.financialYear() != null ? Periods.latestCompleteFinancialYear(asAt) : Optional.of(WHOLE_PERIOD);
  }

  /** The period's dates; empty when there is no complete financial year before as-at. */
  public static Optional<Window> window(FigureDefinition.Period period, LocalDate asAt) {
    if (period.financialYear() != null) {
      return Periods.latestCompleteFinancialYear(asAt)
          .map(fy -> new Window(Periods.financialYearStart(fy), Periods.financialYearEnd(fy), "the financial year " + fy));
    }
    LocalDate from = period.from().equals(FigureDefinition.Period.AS_AT) ? asAt : LocalDate.parse(period.from());
    LocalDate to = period.to().equals(FigureDefinition.Period.AS_AT) ? asAt : LocalDate.parse(period.to());
    return Optional.of(new Window(from, to, org.offstats.domain.NumberFormats.longDate(from) + " to " + org.offstats.domain.NumberFormats.longDate(to)));
  }

  public static Map<String, String> attributesOf(Arrest arrest, ReferenceData reference) {
    return named(ARREST_ORDER, attributeValues(arrest, reference));
  }

  /** An arrest's attributes as values in {@link #ARREST_ORDER}: what the headline figures match on every arrest. */
  static String[] attributeValues(Arrest arrest, ReferenceData reference) {
    Offence offence = reference.offence(arrest.getOffenceCode());
    return new String[] {
      reference.unit(arrest.getUnitCode()).getUnitType(),
      arrest.getUnitCode(),
      arrest.getBcuCode(),
      arrest.getOffenceCode(),
      offence.getOffenceGroup(),
      offence.getOffenceSubgroup(),
      flag(offence.getVawg()),
      flag(arrest.getDomesticAbuse()),
      arrest.getOperation() == null ? "" : arrest.getOperation(),
      arrest.getSex(),
      arrest.getAgeBand()
    };
  }

  /**
   * A crime's attributes; scope_type and scope are matched against each of its scopes, so one
   * map per scope is returned.
   */
  public static List<Map<String, String>> attributesOf(CrimeOutcome crime, ReferenceData reference) {
    return attributesOf(crime, reference, CrimeFacts.of(crime, reference));
  }

  /** As {@link #attributesOf(CrimeOutcome, ReferenceData)}, with the crime's facts already worked out. */
  public static List<Map<String, String>> attributesOf(CrimeOutcome crime, ReferenceData reference, CrimeFacts facts) {
    String[] values = attributeValues(crime, reference, facts);
    return facts.scopes().stream()
        .map(scope -> {
          withScope(values, scope);
          return named(CRIME_ORDER, values);
        })
        .toList();
  }

  /**
   * A crime's attributes as values in {@link #CRIME_ORDER}, the scope's left empty: each of the
   * crime's scopes goes in with {@link #withScope} in turn.
   */
  static String[] attributeValues(CrimeOutcome crime, ReferenceData reference, CrimeFacts facts) {
    Offence offence = reference.offence(crime.getOffenceCode());
    return new String[] {
      crime.getOffenceCode(),
      offence.getOffenceGroup(),
      offence.getOffenceSubgroup(),
      flag(offence.getVawg()),
      flag(crime.getDomesticAbuse()),
      crime.getBcuCode(),
      crime.getOutcomeType() == null ? "" : crime.getOutcomeType().toString(),
      facts.outcomeGroup(),
      null,
      null
    };
  }

  static void withScope(String[] crimeValues, Scopes.Scope scope) {
    crimeValues[SCOPE_TYPE] = scope.type();
    crimeValues[SCOPE] = scope.name();
  }

  private static Map<String, String> named(List<String> names, String[] values) {
    Map<String, String> named = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      named.put(names.get(i), values[i]);
    }
    return named;
  }

  /** Whether the attributes satisfy every filter (each filter lists the values allowed). */
  public static boolean matches(Map<String, List<String>> filters, Map<String, String> attributes) {
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      if (!filter.getValue().contains(attributes.get(filter.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Among a crime's per-scope attribute maps, the first that satisfies the filters, if any. */
  public static Optional<Map<String, String>> firstMatch(Map<String, List<String>> filters, List<Map<String, String>> perScope) {
    return perScope.stream().filter(a -> matches(filters, a)).findFirst();
  }

  private static String flag(boolean value) {
    return value ? "Y" : "N";
  }
}
