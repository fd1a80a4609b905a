package org.offstats.generate;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which Home Office outcome type a synthetic crime gets, and how many days after recording. The
 * shapes follow the outcomes bulletin: "no suspect identified" (18) dominates crimes without a
 * suspect; evidential difficulties (15, 16) dominate sexual and domestic-abuse crimes; charges (1)
 * are common for drugs, weapons and homicide; community resolutions and outcome 21 are rarely used
 * for domestic abuse.
 */
final class OutcomeModel {
  /** Outcome mix ("type weight, ...") when a suspect was arrested. */
  private static final Map<OffenceCategory, String> WITH_ARREST =
      new EnumMap<>(OffenceCategory.class);

  /** Outcome mix when nobody was arrested for the crime. */
  private static final Map<OffenceCategory, String> WITHOUT_ARREST =
      new EnumMap<>(OffenceCategory.class);

  static {
    WITH_ARREST.put(
        OffenceCategory.RAPE,
        "1 12, 15 22, 16 38, 21 6, 10 3, 9 3, 20 2, 13 1, 12 1, 5 1, 3 1, 2 0.5");
    WITH_ARREST.put(
        OffenceCategory.OTHER_SEXUAL,
        "1 20, 15 20, 16 30, 3 5, 2 2, 21 6, 10 4, 22 3, 9 3, 20 2, 12 1");
    WITH_ARREST.put(OffenceCategory.HOMICIDE, "1 80, 5 5, 15 10, 20 3, 12 2");
    WITH_ARREST.put(
        OffenceCategory.VIOLENCE_WITH_INJURY,
        "1 28, 15 16, 16 26, 3 6, 2 2, 8 5, 21 5, 22 4, 10 3, 9 2, 4 1, 20 1, 17 1");
    WITH_ARREST.put(
        OffenceCategory.VIOLENCE_WITHOUT_INJURY,
        "1 22, 15 16, 16 30, 3 7, 2 2, 8 7, 21 5, 22 4, 10 3, 17 2, 9 1, 20 1");
    WITH_ARREST.put(
        OffenceCategory.STALKING_HARASSMENT,
        "1 22, 15 20, 16 32, 3 5, 8 3, 21 6, 22 4, 10 4, 17 2, 20 1, 9 1");
    WITH_ARREST.put(OffenceCategory.PROSTITUTION, "1 45, 3 15, 15 15, 10 10, 22 10, 20 5");
    WITH_ARREST.put(
        OffenceCategory.ROBBERY, "1 38, 15 25, 16 12, 2 5, 3 2, 21 5, 10 3, 22 3, 9 2, 4 3, 20 2");
    WITH_ARREST.put(
        OffenceCategory.THEFT, "1 30, 15 20, 16 12, 3 8, 2 3, 8 8, 6 3, 4 5, 21 5, 22 4, 10 2");
    WITH_ARREST.put(OffenceCategory.DRUGS, "1 55, 15 20, 3 6, 2 3, 21 6, 22 3, 9 4, 10 3");
    WITH_ARREST.put(OffenceCategory.WEAPONS, "1 55, 15 18, 3 8, 2 5, 22 5, 21 4, 9 3, 10 2");
    WITH_ARREST.put(
        OffenceCategory.PUBLIC_ORDER,
        "1 22, 15 15, 16 15, 3 8, 6 8, 8 10, 22 7, 21 6, 10 5, 9 2, 17 2");

    WITHOUT_ARREST.put(
        OffenceCategory.RAPE, "18 10, 14 18, 16 35, 15 18, 21 7, 1 4, 20 4, 11 1, 13 1, 10 2");
    WITHOUT_ARREST.put(
        OffenceCategory.OTHER_SEXUAL, "18 20, 14 18, 16 28, 15 14, 21 6, 1 5, 11 3, 20 3, 10 3");
    WITHOUT_ARREST.put(OffenceCategory.HOMICIDE, "1 50, 18 20, 15 20, 20 10");
    WITHOUT_ARREST.put(
        OffenceCategory.VIOLENCE_WITH_INJURY,
        "18 28, 14 18, 16 26, 15 12, 1 6, 21 4, 8 2, 20 2, 10 2");
    WITHOUT_ARREST.put(
        OffenceCategory.VIOLENCE_WITHOUT_INJURY,
        "18 25, 14 20, 16 28, 15 12, 1 5, 21 4, 8 3, 20 2, 10 1");
    WITHOUT_ARREST.put(
        OffenceCategory.STALKING_HARASSMENT, "18 15, 14 20, 16 34, 15 16, 1 6, 21 5, 20 2, 8 2");
    WITHOUT_ARREST.put(OffenceCategory.PROSTITUTION, "18 40, 15 20, 1 20, 20 20");
    WITHOUT_ARREST.put(OffenceCategory.ROBBERY, "18 62, 14 10, 15 12, 16 8, 1 4, 21 2, 20 2");
    WITHOUT_ARREST.put(OffenceCategory.THEFT, "18 72, 14 10, 15 8, 16 5, 1 2, 21 2, 20 1");
    WITHOUT_ARREST.put(OffenceCategory.DRUGS, "18 20, 15 30, 1 30, 21 10, 20 10");
    WITHOUT_ARREST.put(OffenceCategory.WEAPONS, "18 35, 15 25, 1 25, 21 10, 20 5");
    WITHOUT_ARREST.put(
        OffenceCategory.PUBLIC_ORDER, "18 35, 14 15, 16 20, 15 10, 1 5, 8 5, 21 5, 20 3, 10 2");
  }

  private final Map<String, Weighted<String>> mixes = new HashMap<>();
  private final BundledReference reference;

  OutcomeModel(BundledReference reference) {
    this.reference = reference;
  }

  /**
   * An outcome type for a crime. Domestic-abuse crimes lean to evidential difficulties and away
   * from community resolutions, penalty notices, diversion and outcome 21; children get youth
   * cautions and community resolutions instead of adult cautions and penalty notices.
   */
  String outcomeType(
      SplittableRandom random,
      OffenceCategory category,
      boolean arrested,
      boolean domesticAbuse,
      boolean child) {
    String key = category.name() + '/' + arrested + '/' + domesticAbuse + '/' + child;
    Weighted<String> mix = mixes.get(key);
    if (mix == null) {
      mix = build(category, arrested, domesticAbuse, child);
      mixes.put(key, mix);
    }
    return mix.sample(random);
  }

  /** Days from recording to the outcome being assigned. */
  int daysToOutcome(SplittableRandom random, OffenceCategory category, String outcomeType) {
    double median = category.medianDaysToOutcome();
    switch (outcomeType) {
      case "1" -> median *= category.sexual() ? 2.2 : 1.4;
      case "18", "14" -> median *= 0.5;
      case "8", "6" -> median *= 0.3;
      default -> {}
    }
    return (int) StrictMath.floor(Rngs.logNormal(random, median, category.spread()));
  }

  private Weighted<String> build(
      OffenceCategory category, boolean arrested, boolean domesticAbuse, boolean child) {
    String spec = (arrested ? WITH_ARREST : WITHOUT_ARREST).get(category);
    Weighted.Builder<String> builder = Weighted.builder();
    for (String pair : spec.split(",")) {
      String[] parts = pair.trim().split(" ");
      String type = parts[0];
      double weight = Double.parseDouble(parts[1]);
      if (domesticAbuse) {
        switch (type) {
          case "16" -> weight *= 1.6;
          case "14" -> weight *= 1.3;
          case "8", "6", "22", "21" -> weight *= 0.3;
          default -> {}
        }
      }
      if (arrested) {
        type = child ? childVersion(type) : adultVersion(type);
      }
      if (!reference.hasOutcomeType(type)) {
        throw new IllegalStateException(
            "outcome type " + type + " is not in the bundled outcome_types.csv");
      }
      builder.add(type, weight);
    }
    return builder.build();
  }

  private static String childVersion(String type) {
    return switch (type) {
      case "3" -> "2"; // youth caution, not adult caution
      case "6" -> "8"; // no penalty notices for children
      default -> type;
    };
  }

  private static String adultVersion(String type) {
    return switch (type) {
      case "2" -> "3";
      case "11" -> "10"; // an arrested adult is above the age of criminal responsibility
      default -> type;
    };
  }
}
