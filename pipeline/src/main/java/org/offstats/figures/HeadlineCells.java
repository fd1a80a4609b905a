package org.offstats.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.offstats.domain.Periods;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.tables.CellKey;
import org.offstats.tables.CellSink;
import org.offstats.tables.Contribution;
import org.offstats.tables.CrimeFacts;

/**
 * What one record adds to the headline figures: cells are (figure id, period bucket), see {@link
 * FigureMatcher#bucket}. Every figure is computed over its whole scope, so distinct persons are
 * counted once over the period, not summed over months.
 *
 * <p>Every record is matched against every figure, so the figures are prepared once: filters name
 * positions in an array of the record's attributes ({@link FigureMatcher#attributeValues}) and
 * periods are day numbers. The decisions are {@link FigureMatcher}'s: the same attributes, the same
 * filter rule ({@link FigureMatcher#matches}) and the same buckets.
 */
public final class HeadlineCells {
  /** The name of the headlines' partial table. */
  public static final String TABLE = "headlines";

  private final ReferenceData reference;
  /** The figures over arrests and over crimes: arrays, looped over for every record without an iterator. */
  private final Prepared[] arrestFigures;
  private final Prepared[] crimeFigures;

  public HeadlineCells(FigureDefinitions definitions, ReferenceData reference) {
    this.reference = reference;
    List<Prepared> arrests = new ArrayList<>();
    List<Prepared> crimes = new ArrayList<>();
    for (FigureDefinition figure : definitions.figures()) {
      switch (figure.source()) {
        case FigureDefinition.SOURCE_ARRESTS -> arrests.add(Prepared.of(figure, FigureMatcher.ARREST_ORDER));
        case FigureDefinition.SOURCE_CRIMES -> crimes.add(Prepared.of(figure, FigureMatcher.CRIME_ORDER));
        default -> {
          // a police.uk figure is counted from the police.uk tables
        }
      }
    }
    arrestFigures = arrests.toArray(new Prepared[0]);
    crimeFigures = crimes.toArray(new Prepared[0]);
  }

  /** @param person the reader's number for the arrest's person_ref ({@link org.offstats.tables.PartialTables#person}) */
  public void addCells(Arrest arrest, int person, CellSink cells) {
    String[] attributes = null;
    for (Prepared figure : arrestFigures) {
      String bucket = figure.bucket(arrest.getArrestDate());
      if (bucket == null) {
        continue;
      }
      if (attributes == null) {
        attributes = FigureMatcher.attributeValues(arrest, reference);
      }
      if (Prepared.matches(figure.filters(), attributes)) {
        Contribution c = figure.unit().equals(FigureDefinition.PERSONS) ? Contribution.person(person) : Contribution.count();
        cells.add(CellKey.of(figure.id(), bucket), c);
      }
    }
  }

  /** @param facts the crime's facts ({@link CrimeFacts#of}), worked out once per record */
  public void addCells(CrimeOutcome crime, CrimeFacts facts, CellSink cells) {
    String[] attributes = null;
    for (Prepared figure : crimeFigures) {
      String bucket = figure.bucket(crime.getRecordedDate());
      if (bucket == null) {
        continue;
      }
      if (attributes == null) {
        attributes = FigureMatcher.attributeValues(crime, reference, facts);
      }
      // a crime counts once per figure, however many of its scopes match: the first that does
      Scopes.Scope match = null;
      List<Scopes.Scope> scopes = facts.scopes();
      for (int s = 0; s < scopes.size(); s++) {
        Scopes.Scope scope = scopes.get(s);
        FigureMatcher.withScope(attributes, scope);
        if (Prepared.matches(figure.filters(), attributes)) {
          match = scope;
          break;
        }
      }
      if (match == null) {
        continue;
      }
      Contribution c;
      switch (figure.unit()) {
        case FigureDefinition.RATE -> c = Contribution.flagged(Prepared.matches(figure.numerator(), attributes));
        case FigureDefinition.DAYS -> {
          if (crime.getOutcomeDate() == null) {
            continue;
          }
          c = Contribution.days((int) (crime.getOutcomeDate().toEpochDay() - crime.getRecordedDate().toEpochDay()));
        }
        default -> c = Contribution.count();
      }
      cells.add(CellKey.of(figure.id(), bucket), c);
    }
  }

  /** One filter: the attribute's position (-1 for none, which no value list allows) and the values allowed. */
  private record Filter(int attribute, List<String> allowed) {}

  /**
   * A figure ready for matching.
   *
   * @param from,to the period's first and last day (epoch days) when it is a date range
   */
  private record Prepared(String id, String unit, boolean byFinancialYear, long from, long to, Filter[] filters, Filter[] numerator) {
    static Prepared of(FigureDefinition figure, List<String> order) {
      FigureDefinition.Period period = figure.period();
      boolean byFinancialYear = period.financialYear() != null;
      long from = byFinancialYear ? Long.MIN_VALUE : LocalDate.parse(period.from()).toEpochDay();
      long to = byFinancialYear || period.to().equals(FigureDefinition.Period.AS_AT) ? Long.MAX_VALUE : LocalDate.parse(period.to()).toEpochDay();
      return new Prepared(figure.id(), figure.unit(), byFinancialYear, from, to, filters(figure.filters(), order), filters(figure.numerator(), order));
    }

    private static Filter[] filters(Map<String, List<String>> filters, List<String> order) {
      return filters.entrySet().stream().map(f -> new Filter(order.indexOf(f.getKey()), f.getValue())).toArray(Filter[]::new);
    }

    /** As {@link FigureMatcher#bucket}: the financial year, the whole period, or null when outside it. */
    String bucket(LocalDate date) {
      if (byFinancialYear) {
        return Periods.financialYear(date);
      }
      long day = date.toEpochDay();
      return day >= from && day <= to ? FigureMatcher.WHOLE_PERIOD : null;
    }

    /** As {@link FigureMatcher#matches}: every filter allows the attribute's value. */
    static boolean matches(Filter[] filters, String[] attributes) {
      for (Filter filter : filters) {
        if (!filter.allowed().contains(filter.attribute() < 0 ? null : attributes[filter.attribute()])) {
          return false;
        }
      }
      return true;
    }
  }
}
