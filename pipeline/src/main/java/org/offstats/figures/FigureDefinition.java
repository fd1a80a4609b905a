package org.offstats.figures;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One headline figure as declared in {@code figures/headlines.json} (OUTPUTS.md "Headline
 * figures"). Filters map an attribute of the source record to the values it may take.
 */
public record FigureDefinition(
    String id,
    String unit,
    String source,
    Map<String, List<String>> filters,
    Map<String, List<String>> numerator,
    String statistic,
    Period period,
    Rounding rounding,
    String statement)
    implements Serializable {

  public static final String PERSONS = "persons";
  public static final String ARRESTS = "arrests";
  public static final String CRIMES = "crimes";
  public static final String RATE = "rate";
  public static final String DAYS = "days";
  /** Stop and search records (police.uk); a search that led to an arrest can be counted as arrests. */
  public static final String SEARCHES = "searches";

  /** Source records a figure counts. */
  public static final String SOURCE_ARRESTS = "arrests";

  public static final String SOURCE_CRIMES = "crimes";

  /**
   * The figure's period: dates {@code from}..{@code to} (either may be {@code as_at}), or the
   * latest complete financial year.
   */
  public record Period(String from, String to, String financialYear) implements Serializable {
    public static final String AS_AT = "as_at";
    public static final String LATEST_COMPLETE = "latest_complete";
  }
}
