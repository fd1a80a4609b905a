package org.offstats.tables;

import java.time.temporal.ChronoUnit;
import java.util.List;
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
    Integer outcomeType = crime.getOutcomeType();
    boolean hasOutcome = outcomeType != null;
    return new CrimeFacts(
        Periods.financialYear(crime.getRecordedDate()),
        Scopes.of(offence.getOffenceGroup(), offence.getOffenceSubgroup(), offence.getVawg(), crime.getDomesticAbuse()),
        hasOutcome ? reference.outcomeType(outcomeType).getOutcomeGroup() : Outcomes.NOT_YET_ASSIGNED,
        hasOutcome && outcomeType == Outcomes.CHARGED_SUMMONSED,
        hasOutcome ? (int) ChronoUnit.DAYS.between(crime.getRecordedDate(), crime.getOutcomeDate()) : Contribution.NO_DAYS);
  }

  public boolean hasOutcome() {
    return daysToOutcome != Contribution.NO_DAYS;
  }
}
