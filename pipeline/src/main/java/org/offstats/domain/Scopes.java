package org.offstats.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The scopes a crime counts in (OUTPUTS.md "Scopes"): all offences, its offence group, its
 * subgroup, domestic abuse when flagged, and VAWG when its offence is a VAWG offence or it is
 * flagged domestic abuse. Rates and quantiles are computed within each scope, never combined.
 */
public final class Scopes {
  public static final String ALL = "all";
  public static final String OFFENCE_GROUP = "offence_group";
  public static final String OFFENCE_SUBGROUP = "offence_subgroup";
  public static final String DOMESTIC_ABUSE = "domestic_abuse";
  public static final String VAWG = "vawg";

  /** A scope: its type and its name. */
  public record Scope(String type, String name) {}

  private Scopes() {}

  public static List<Scope> of(String offenceGroup, String offenceSubgroup, boolean vawgOffence, boolean domesticAbuse) {
    List<Scope> scopes = new ArrayList<>(5);
    scopes.add(new Scope(ALL, "All offences"));
    scopes.add(new Scope(OFFENCE_GROUP, offenceGroup));
    scopes.add(new Scope(OFFENCE_SUBGROUP, offenceSubgroup));
    if (domesticAbuse) {
      scopes.add(new Scope(DOMESTIC_ABUSE, "Domestic abuse"));
    }
    if (vawgOffence || domesticAbuse) {
      scopes.add(new Scope(VAWG, "VAWG"));
    }
    return scopes;
  }
}
