package org.offstats.domain;

/** Home Office outcome conventions used by the outcome tables (REFERENCE.md section 1). */
public final class Outcomes {
  /** Outcome type 1, charged/summonsed: the numerator of the charge rate. */
  public static final int CHARGED_SUMMONSED = 1;

  /** The group of a crime that has no outcome yet (it stays in charge-rate denominators). */
  public static final String NOT_YET_ASSIGNED = "Not yet assigned an outcome";

  /** The time_to_outcome row over every outcome group of a scope. */
  public static final String ALL_OUTCOMES = "All outcomes";

  private Outcomes() {}
}
