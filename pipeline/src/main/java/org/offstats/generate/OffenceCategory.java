package org.offstats.generate;

/**
 * Broad kinds of offence that share an outcome pattern and a typical time to outcome. The median
 * days are loosely based on the Home Office outcomes bulletin (14 days overall in the year ending
 * March 2023; rape 98 days in the year ending March 2020, and far longer to a charge); they only
 * need to make the synthetic data look right, not to reproduce published figures.
 */
enum OffenceCategory {
  RAPE(140, 0.85, 45),
  OTHER_SEXUAL(75, 0.95, 30),
  HOMICIDE(180, 0.5, 10),
  VIOLENCE_WITH_INJURY(21, 1.25, 4),
  VIOLENCE_WITHOUT_INJURY(12, 1.3, 3),
  STALKING_HARASSMENT(30, 1.15, 8),
  PROSTITUTION(40, 0.9, 2),
  ROBBERY(40, 1.0, 3),
  THEFT(14, 1.1, 2),
  DRUGS(60, 0.9, 0.5),
  WEAPONS(30, 1.0, 0.5),
  PUBLIC_ORDER(10, 1.2, 1);

  private final double medianDaysToOutcome;
  private final double spread;
  private final double meanDaysReportToArrest;

  OffenceCategory(double medianDaysToOutcome, double spread, double meanDaysReportToArrest) {
    this.medianDaysToOutcome = medianDaysToOutcome;
    this.spread = spread;
    this.meanDaysReportToArrest = meanDaysReportToArrest;
  }

  double medianDaysToOutcome() {
    return medianDaysToOutcome;
  }

  /** Log-scale spread of the days to outcome. */
  double spread() {
    return spread;
  }

  /** Mean days from the crime being recorded to the arrest, when it is not the same day. */
  double meanDaysReportToArrest() {
    return meanDaysReportToArrest;
  }

  boolean sexual() {
    return this == RAPE || this == OTHER_SEXUAL;
  }
}
