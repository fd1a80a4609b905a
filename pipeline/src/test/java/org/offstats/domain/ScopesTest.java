package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * OUTPUTS.md "Scopes": every crime is in all / its offence group / its subgroup; in domestic_abuse
 * when flagged; in vawg when its offence is VAWG or it is flagged domestic abuse.
 */
class ScopesTest {
  private static final Scopes.Scope ALL = new Scopes.Scope("all", "All offences");
  private static final Scopes.Scope DA = new Scopes.Scope("domestic_abuse", "Domestic abuse");
  private static final Scopes.Scope VAWG = new Scopes.Scope("vawg", "VAWG");

  @Test
  void aDomesticAbuseRapeIsInFiveScopes() {
    assertThat(Scopes.of("Sexual offences", "Rape", true, true))
        .containsExactlyInAnyOrder(
            ALL,
            new Scopes.Scope("offence_group", "Sexual offences"),
            new Scopes.Scope("offence_subgroup", "Rape"),
            DA,
            VAWG);
  }

  @Test
  void aNonVawgCrimeNotFlaggedIsInThreeScopes() {
    assertThat(Scopes.of("Robbery", "Robbery", false, false))
        .containsExactlyInAnyOrder(
            ALL, new Scopes.Scope("offence_group", "Robbery"), new Scopes.Scope("offence_subgroup", "Robbery"));
  }

  @Test
  void aVawgOffenceNotFlaggedIsInVawgButNotDomesticAbuse() {
    assertThat(Scopes.of("Violence against the person", "Stalking and harassment", true, false))
        .containsExactlyInAnyOrder(
            ALL,
            new Scopes.Scope("offence_group", "Violence against the person"),
            new Scopes.Scope("offence_subgroup", "Stalking and harassment"),
            VAWG);
  }

  @Test
  void aDomesticAbuseFlagPutsAnyOffenceInVawg() {
    assertThat(Scopes.of("Violence against the person", "Violence with injury", false, true))
        .containsExactlyInAnyOrder(
            ALL,
            new Scopes.Scope("offence_group", "Violence against the person"),
            new Scopes.Scope("offence_subgroup", "Violence with injury"),
            DA,
            VAWG);
  }

  @Test
  void eachScopeOnce() {
    // A subgroup named like its group is still one scope of each type.
    assertThat(Scopes.of("Robbery", "Robbery", true, true)).doesNotHaveDuplicates().hasSize(5);
  }
}
