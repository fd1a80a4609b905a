package org.offstats.tables;

import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.offstats.domain.Outcomes;
import org.offstats.domain.Periods;
import org.offstats.domain.Scopes;
import org.offstats.extract.ReferenceData;
import org.offstats.schema.extract.CrimeOutcome;
import org.offstats.schema.reference.Offence;

/**
 * What the outcome tables need to know of one crime: its financial year (of recorded_date), its
 * scopes, its outcome group, whether it was charged, and its days to outcome.
 */
public record CrimeFacts(String financialYear, List<Scopes.Scope> scopes, String outcomeGroup, boolean charged, int daysToOutcome) {

  public static CrimeFacts of(CrimeOutcome crime, ReferenceData reference) {
    Offence offence = reference.offence(crime.getOffenceCode());
    return of(crime, reference,
        Scopes.of(offence.getOffenceGroup(), offence.getOffenceSubgroup(), offence.getVawg(), crime.getDomesticAbuse()));
  }

  private static CrimeFacts of(CrimeOutcome crime, ReferenceData reference, List<Scopes.Scope> scopes) {
    Integer outcomeType = crime.getOutcomeType();
    boolean hasOutcome = outcomeType != null;
    return new CrimeFacts(
        Periods.financialYear(crime.getRecordedDate()),
        scopes,
        hasOutcome ? reference.outcomeType(outcomeType).getOutcomeGroup() : Outcomes.NOT_YET_ASSIGNED,
        hasOutcome && outcomeType == Outcomes.CHARGED_SUMMONSED,
        hasOutcome ? (int) ChronoUnit.DAYS.between(crime.getRecordedDate(), crime.getOutcomeDate()) : Contribution.NO_DAYS);
  }

  /**
   * Works out the facts of many crimes against one reference data, for one thread: a crime's scopes
   * depend only on its offence and domestic abuse flag, so each pair's list is made once and shared.
   */
  public static final class Maker {
    private final ReferenceData reference;
    /** Per offence (the reference data's own record), its scopes without and with domestic abuse. */
    private final Map<Offence, List<Scopes.Scope>[]> scopes = new IdentityHashMap<>();

    public Maker(ReferenceData reference) {
      this.reference = reference;
    }

    public CrimeFacts of(CrimeOutcome crime) {
      Offence offence = reference.offence(crime.getOffenceCode());
      boolean domesticAbuse = crime.getDomesticAbuse();
      @SuppressWarnings("unchecked")
      List<Scopes.Scope>[] known = scopes.computeIfAbsent(offence, o -> new List[2]);
      int flag = domesticAbuse ? 1 : 0;
      if (known[flag] == null) {
        known[flag] = List.copyOf(
            Scopes.of(offence.getOffenceGroup(), offence.getOffenceSubgroup(), offence.getVawg(), domesticAbuse));
      }
      return CrimeFacts.of(crime, reference, known[flag]);
    }
  }

  public boolean hasOutcome() {
    return daysToOutcome != Contribution.NO_DAYS;
  }
}
