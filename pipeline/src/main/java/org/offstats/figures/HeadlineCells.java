package org.offstats.figures;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.Arrest;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.tables.CellSink;
import org.offstats.tables.Contribution;
import org.offstats.tables.CrimeFacts;

/**
 * What one record adds to the headline figures: cells are (figure id, period bucket), see {@link
 * FigureMatcher#bucket}. Every figure is computed over its whole scope, so distinct persons are
 * counted once over the period, not summed over months.
 */
public final class HeadlineCells {
  /** The name of the headlines' partial table. */
  public static final String TABLE = "headlines";

  private HeadlineCells() {}

  /** @param person the reader's number for the arrest's person_ref ({@link org.offstats.tables.PartialTables#person}) */
  public static void addCells(Arrest arrest, int person, ReferenceData reference, FigureDefinitions definitions, CellSink cells) {
    Map<String, String> attributes = null;
    for (FigureDefinition figure : definitions.figures()) {
      if (!figure.source().equals(FigureDefinition.SOURCE_ARRESTS)) {
        continue;
      }
      Optional<String> bucket = FigureMatcher.bucket(figure.period(), arrest.getArrestDate());
      if (bucket.isEmpty()) {
        continue;
      }
      if (attributes == null) {
        attributes = FigureMatcher.attributesOf(arrest, reference);
      }
      if (FigureMatcher.matches(figure.filters(), attributes)) {
        Contribution c = figure.unit().equals(FigureDefinition.PERSONS) ? Contribution.person(person) : Contribution.count();
        cells.add(List.of(figure.id(), bucket.get()), c);
      }
    }
  }

  /** @param facts the crime's facts ({@link CrimeFacts#of}), worked out once per record */
  public static void addCells(CrimeOutcome crime, CrimeFacts facts, ReferenceData reference, FigureDefinitions definitions, CellSink cells) {
    List<Map<String, String>> perScope = null;
    for (FigureDefinition figure : definitions.figures()) {
      if (!figure.source().equals(FigureDefinition.SOURCE_CRIMES)) {
        continue;
      }
      Optional<String> bucket = FigureMatcher.bucket(figure.period(), crime.getRecordedDate());
      if (bucket.isEmpty()) {
        continue;
      }
      if (perScope == null) {
        perScope = FigureMatcher.attributesOf(crime, reference, facts);
      }
      // a crime counts once per figure, however many of its scopes match
      Optional<Map<String, String>> match = FigureMatcher.firstMatch(figure.filters(), perScope);
      if (match.isEmpty()) {
        continue;
      }
      Contribution c;
      switch (figure.unit()) {
        case FigureDefinition.RATE -> c = Contribution.flagged(FigureMatcher.matches(figure.numerator(), match.get()));
        case FigureDefinition.DAYS -> {
          if (crime.getOutcomeDate() == null) {
            continue;
          }
          c = Contribution.days((int) ChronoUnit.DAYS.between(crime.getRecordedDate(), crime.getOutcomeDate()));
        }
        default -> c = Contribution.count();
      }
      cells.add(List.of(figure.id(), bucket.get()), c);
    }
  }
}
