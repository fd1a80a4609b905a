package org.offstats.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What each offence code looks like in the synthetic data: its category, how often it carries the
 * domestic-abuse flag, and which offences each kind of unit arrests for. The shares are
 * illustrative: domestic abuse is far more common on violence, stalking, harassment and coercive
 * control than on robbery or drugs, and the Predatory Offenders Units arrest mainly for sexual and
 * domestic-abuse offences (a little over half of their arrests are flagged domestic abuse).
 */
final class OffenceProfiles {

  /** One offence code: its category and domestic-abuse rates for POU and other arrests. */
  record Profile(
      String code,
      OffenceCategory category,
      double domesticAbuseRate,
      double pouDomesticAbuseRate) {}

  private static final List<Profile> PROFILES =
      List.of(
          p("19C", OffenceCategory.RAPE, 0.30, 0.36),
          p("19D", OffenceCategory.RAPE, 0.12, 0.18),
          p("19E", OffenceCategory.RAPE, 0.12, 0.18),
          p("19F", OffenceCategory.RAPE, 0.15, 0.22),
          p("19G", OffenceCategory.RAPE, 0.10, 0.15),
          p("19H", OffenceCategory.RAPE, 0.10, 0.15),
          p("17A", OffenceCategory.OTHER_SEXUAL, 0.05, 0.10),
          p("17B", OffenceCategory.OTHER_SEXUAL, 0.10, 0.15),
          p("20A", OffenceCategory.OTHER_SEXUAL, 0.08, 0.14),
          p("20B", OffenceCategory.OTHER_SEXUAL, 0.15, 0.22),
          p("21", OffenceCategory.OTHER_SEXUAL, 0.15, 0.22),
          p("22A", OffenceCategory.OTHER_SEXUAL, 0.20, 0.28),
          p("22B", OffenceCategory.OTHER_SEXUAL, 0.08, 0.10),
          p("23", OffenceCategory.OTHER_SEXUAL, 0.60, 0.70),
          p("70", OffenceCategory.OTHER_SEXUAL, 0.08, 0.10),
          p("71", OffenceCategory.OTHER_SEXUAL, 0.02, 0.02),
          p("72", OffenceCategory.OTHER_SEXUAL, 0.02, 0.05),
          p("73", OffenceCategory.OTHER_SEXUAL, 0.0, 0.0),
          p("88A", OffenceCategory.OTHER_SEXUAL, 0.01, 0.02),
          p("88C", OffenceCategory.OTHER_SEXUAL, 0.05, 0.10),
          p("88E", OffenceCategory.OTHER_SEXUAL, 0.03, 0.05),
          p("1", OffenceCategory.HOMICIDE, 0.12, 0.30),
          p("5D", OffenceCategory.VIOLENCE_WITH_INJURY, 0.18, 0.55),
          p("8K", OffenceCategory.VIOLENCE_WITH_INJURY, 0.40, 0.50),
          p("8N", OffenceCategory.VIOLENCE_WITH_INJURY, 0.38, 0.72),
          p("105A", OffenceCategory.VIOLENCE_WITHOUT_INJURY, 0.38, 0.72),
          p("106", OffenceCategory.VIOLENCE_WITHOUT_INJURY, 0.03, 0.05),
          p("36", OffenceCategory.VIOLENCE_WITHOUT_INJURY, 0.30, 0.50),
          p("3B", OffenceCategory.VIOLENCE_WITHOUT_INJURY, 0.45, 0.75),
          p("8L", OffenceCategory.STALKING_HARASSMENT, 0.40, 0.65),
          p("8M", OffenceCategory.STALKING_HARASSMENT, 0.05, 0.05),
          p("8Q", OffenceCategory.STALKING_HARASSMENT, 0.45, 0.65),
          p("8R", OffenceCategory.STALKING_HARASSMENT, 0.30, 0.45),
          // Controlling or coercive behaviour is by definition between connected persons.
          p("8U", OffenceCategory.STALKING_HARASSMENT, 1.0, 1.0),
          p("24", OffenceCategory.PROSTITUTION, 0.05, 0.10),
          p("27", OffenceCategory.PROSTITUTION, 0.0, 0.0),
          p("34A", OffenceCategory.ROBBERY, 0.0, 0.0),
          p("34B", OffenceCategory.ROBBERY, 0.01, 0.02),
          p("39", OffenceCategory.THEFT, 0.01, 0.01),
          p("92A", OffenceCategory.DRUGS, 0.005, 0.005),
          p("10A", OffenceCategory.WEAPONS, 0.01, 0.01),
          p("10C", OffenceCategory.WEAPONS, 0.03, 0.03),
          p("10D", OffenceCategory.WEAPONS, 0.02, 0.02),
          p("62A", OffenceCategory.PUBLIC_ORDER, 0.01, 0.01),
          p("9A", OffenceCategory.PUBLIC_ORDER, 0.10, 0.20));

  /** Offence mix of each unit type's arrests ("code weight, ..."); other types use the RESP mix. */
  private static final Map<String, String> UNIT_MIXES =
      Map.of(
          "POU",
          "19C 14, 19D 2, 19E 1, 19F 1.5, 19G 0.5, 19H 0.3, 20A 6, 20B 1, 22A 1, 21 1, 22B 1.5, 88A"
              + " 1, 71 1, 73 0.4, 70 0.3, 23 0.5, 88C 0.5, 88E 1.5, 8N 16, 105A 10, 8U 11, 8Q 7,"
              + " 8L 6, 8R 2, 3B 3, 5D 3, 36 1, 8K 0.2, 24 0.3, 72 0.2",
          "RESP",
          "105A 16, 8N 13, 9A 7, 92A 8, 34B 6, 34A 1, 39 5, 10D 6, 10C 2, 10A 0.3, 8L 4, 8M 1,"
              + " 8R 3, 8U 2, 8Q 1.2, 3B 2, 5D 3, 62A 1.2, 20A 2.5, 88E 1, 19C 1, 27 0.3, 1 0.2,"
              + " 36 0.3, 17A 0.3",
          "CID",
          "5D 8, 8N 8, 34B 10, 34A 4, 92A 14, 1 2, 36 2, 106 1.5, 3B 3, 19C 4, 20A 3, 10A 2,"
              + " 10D 4, 24 0.8, 72 0.3, 8U 3, 8Q 2, 39 4, 62A 1",
          "SAFE",
          "19C 12, 19D 3, 19E 2, 19F 1.5, 19G 1, 19H 0.7, 20A 8, 20B 3, 17B 0.5, 21 3, 22A 1.5, 22B"
              + " 4, 23 1.5, 70 0.8, 71 3, 72 0.8, 73 1, 88A 3, 88C 1.5, 88E 2, 8U 10, 8Q 6, 8L 6,"
              + " 8R 3, 8N 8, 105A 6, 3B 2, 8K 0.4, 24 0.5, 27 0.2",
          "TSG",
          "10D 15, 10C 5, 10A 2, 92A 20, 34B 8, 62A 8, 9A 10, 105A 5, 8N 4, 5D 3, 39 3",
          "VCT",
          "10D 20, 10C 6, 10A 4, 92A 15, 34B 12, 34A 2, 5D 8, 8N 5, 1 0.5, 62A 3, 36 1");

  /** Offence mix of crimes recorded without an arrest in the extract. */
  private static final String UNARRESTED_MIX =
      "39 12, 34B 10, 34A 1, 105A 14, 8N 10, 8L 6, 8R 6, 8Q 2, 8U 3, 9A 6, 20A 5, 19C 3,"
          + " 88E 2, 3B 2, 5D 2, 10D 2, 92A 1, 22A 1, 20B 0.5, 21 0.5, 22B 0.5, 71 0.3, 88A 0.5,"
          + " 8M 1, 17A 0.5";

  private static final Set<String> PROFILE_CODES =
      PROFILES.stream().map(Profile::code).collect(Collectors.toUnmodifiableSet());

  private final Map<String, Profile> byCode = new LinkedHashMap<>();
  private final Map<String, Weighted<Profile>> unitMixes = new LinkedHashMap<>();
  private final Weighted<Profile> unarrestedMix;

  /** Checks every code against the reference data, so a generated code is never unknown. */
  OffenceProfiles(BundledReference reference) {
    for (Profile profile : PROFILES) {
      if (reference.hasOffence(profile.code())) {
        byCode.put(profile.code(), profile);
      }
    }
    for (String unitType : new TreeSet<>(UNIT_MIXES.keySet())) {
      unitMixes.put(unitType, weighted(UNIT_MIXES.get(unitType)));
    }
    this.unarrestedMix = weighted(UNARRESTED_MIX);
  }

  /** The offence mix of arrests by units of this type. */
  Weighted<Profile> forUnitType(String unitType) {
    Weighted<Profile> mix = unitMixes.get(unitType);
    return mix != null ? mix : unitMixes.get("RESP");
  }

  Weighted<Profile> unarrested() {
    return unarrestedMix;
  }

  private Weighted<Profile> weighted(String codesAndWeights) {
    Weighted.Builder<Profile> builder = Weighted.builder();
    for (String pair : codesAndWeights.split(",")) {
      String[] parts = pair.trim().split(" ");
      Profile profile = byCode.get(parts[0]);
      if (profile == null && !PROFILE_CODES.contains(parts[0])) {
        throw new IllegalStateException("offence mix names unprofiled code " + parts[0]);
      }
      if (profile != null) {
        builder.add(profile, Double.parseDouble(parts[1]));
      }
    }
    if (builder.isEmpty()) {
      throw new IllegalStateException(
          "the bundled offences.csv has none of the generator's offence codes");
    }
    return builder.build();
  }

  private static Profile p(String code, OffenceCategory category, double da, double pouDa) {
    return new Profile(code, category, da, pouDa);
  }
}
