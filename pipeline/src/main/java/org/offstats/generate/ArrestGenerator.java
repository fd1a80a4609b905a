package org.offstats.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.offstats.generate.BundledReference.Unit;
import org.offstats.generate.OffenceProfiles.Profile;

/**
 * Synthetic arrests in date order. Repeat offending follows a preferential-attachment process: an
 * arrest is of someone already arrested with a fixed probability, chosen in proportion to how often
 * they have been arrested so far, so a minority of people account for many arrests (a Yule–Simon,
 * power-law tail). Predatory Offenders Units arrest only from their established date and mostly
 * people not arrested by them before.
 */
final class ArrestGenerator {
  /** Share of arrests in a BCU with a running POU that the POU makes. */
  static final double POU_SHARE = 0.20;

  /** Share of non-POU arrests that are of someone arrested before. */
  private static final double REPEAT_SHARE = 0.45;

  /** POU arrests: share of someone the POUs arrested before, and of anyone arrested before. */
  private static final double POU_REPEAT_SHARE = 0.03;

  private static final double POU_EARLIER_ARREST_SHARE = 0.15;

  /**
   * Preferential attachment has no upper bound, so a large run would give someone an arrest a week;
   * past this many, a repeat draw falls to a new person instead.
   */
  private static final int MAX_ARRESTS_PER_PERSON = 60;

  private static final String POU = "POU";

  static final String[] SEXES = {"M", "F", "X", "U"};
  static final String[] AGE_BANDS = {
    "10-17", "18-20", "21-24", "25-29", "30-39", "40-49", "50+", "U"
  };
  static final String[] ETHNICITIES = {
    "W1", "W2", "W3", "W9", "M1", "M2", "M3", "M9", "A1", "A2", "A3", "A4", "A9", "B1", "B2", "B9",
    "O1", "O2", "O9", "NS"
  };
  static final String[] OPERATIONS = {"VIGILANT", "SCEPTRE", "WEEK OF ACTION, SUMMER"};

  private static final int CHILD = 0;
  private static final int UNKNOWN_SEX = 3;
  private static final int UNKNOWN_AGE = 7;
  private static final int NOT_STATED = 19;

  private static final double[] SEX_GENERAL = {0.835, 0.16, 0.005, 0};
  private static final double[] SEX_POU = {0.95, 0.048, 0.002, 0};
  private static final double[] AGE_GENERAL = {0.09, 0.10, 0.14, 0.16, 0.26, 0.14, 0.11, 0};
  private static final double[] AGE_POU = {0.05, 0.07, 0.12, 0.16, 0.30, 0.17, 0.13, 0};
  private static final double[] ETHNICITY = {
    30, 1.5, 0.5, 11, 3, 1, 1, 2.5, 2.5, 2.5, 3, 0.6, 3.5, 8, 8, 6, 0.2, 1.5, 4, 0
  };

  /** Relative arrest volume by BCU; Central West includes the West End. */
  private static final Map<String, Double> BCU_WEIGHT =
      Map.of("AW", 1.5, "AS", 1.15, "NW", 1.1, "EA", 0.9, "NA", 0.95, "SW", 0.95);

  private static final LocalDate VIGILANT_START = LocalDate.of(2019, Month.SEPTEMBER, 1);
  private static final Set<String> VIGILANT_OFFENCES =
      Set.of("20A", "17A", "88E", "8L", "8Q", "22A", "19C");

  /** The generated arrests, as parallel arrays indexed by arrest (in date order). */
  static final class Arrests {
    final int count;
    final int[] day;
    final int[] person;
    final String[] bcu;
    final Unit[] unit;
    final Profile[] offence;
    final boolean[] domesticAbuse;
    final byte[] operation;
    final byte[] sex;
    final byte[] ageBand;
    final byte[] ethnicity;

    /** Whether the person was a child (10-17), whatever was recorded on the arrest. */
    final boolean[] child;

    /** Distinct people arrested. */
    int persons;

    Arrests(int count) {
      this.count = count;
      this.day = new int[count];
      this.person = new int[count];
      this.bcu = new String[count];
      this.unit = new Unit[count];
      this.offence = new Profile[count];
      this.domesticAbuse = new boolean[count];
      this.operation = new byte[count];
      this.sex = new byte[count];
      this.ageBand = new byte[count];
      this.ethnicity = new byte[count];
      this.child = new boolean[count];
    }
  }

  private final OffenceProfiles offences;
  private final DaySampler days;
  private final Weighted<String> bcus;
  private final Map<String, Unit> pouByBcu = new LinkedHashMap<>();
  private final Map<String, Weighted<Unit>> otherUnitsByBcu = new LinkedHashMap<>();

  ArrestGenerator(BundledReference reference, OffenceProfiles offences, DaySampler days) {
    this.offences = offences;
    this.days = days;
    this.bcus = bcuWeights(reference);
    Map<String, Double> typeWeight =
        Map.of("RESP", 0.50, "CID", 0.20, "SAFE", 0.15, "TSG", 0.07, "VCT", 0.08);
    Map<String, List<Unit>> byType = reference.unitsByType();
    for (String bcu : reference.bcuCodes()) {
      Weighted.Builder<Unit> others = Weighted.builder();
      for (Map.Entry<String, List<Unit>> type : byType.entrySet()) {
        List<Unit> serving = new ArrayList<>();
        for (Unit unit : type.getValue()) {
          if (unit.bcuCode() == null || unit.bcuCode().equals(bcu)) {
            serving.add(unit);
          }
        }
        if (serving.isEmpty()) {
          continue;
        }
        if (type.getKey().equals(POU)) {
          serving.stream()
              .filter(u -> bcu.equals(u.bcuCode()))
              .findFirst()
              .ifPresent(u -> pouByBcu.put(bcu, u));
          continue;
        }
        double weight = typeWeight.getOrDefault(type.getKey(), 0.05);
        for (Unit unit : serving) {
          others.add(unit, weight / serving.size());
        }
      }
      if (others.isEmpty()) {
        throw new IllegalStateException("no non-POU unit serves BCU " + bcu);
      }
      otherUnitsByBcu.put(bcu, others.build());
    }
  }

  static Weighted<String> bcuWeights(BundledReference reference) {
    Weighted.Builder<String> builder = Weighted.builder();
    for (String bcu : reference.bcuCodes()) {
      builder.add(bcu, BCU_WEIGHT.getOrDefault(bcu, 1.0));
    }
    return builder.build();
  }

  Arrests generate(int count, SplittableRandom random) {
    Arrests arrests = new Arrests(count);
    for (int i = 0; i < count; i++) {
      arrests.day[i] = days.sample(random);
    }
    Arrays.sort(arrests.day);
    Weighted<Integer> sexGeneral = indexed(SEX_GENERAL);
    Weighted<Integer> sexPou = indexed(SEX_POU);
    Weighted<Integer> ageGeneral = indexed(AGE_GENERAL);
    Weighted<Integer> agePou = indexed(AGE_POU);
    Weighted<Integer> ethnicity = indexed(ETHNICITY);
    // Arrests before the window: people arrested then can be arrested again from its first day.
    int history = count / 3;
    int[] personOf = new int[history + count];
    byte[] personSex = new byte[history + count];
    byte[] personAgeBand = new byte[history + count];
    byte[] personEthnicity = new byte[history + count];
    int[] arrestsOfPerson = new int[history + count];
    int persons = 0;
    for (int h = 0; h < history; h++) {
      int repeat =
          h > 0 && Rngs.chance(random, REPEAT_SHARE) ? personOf[Rngs.below(random, h)] : -1;
      if (repeat >= 0 && arrestsOfPerson[repeat] < MAX_ARRESTS_PER_PERSON) {
        personOf[h] = repeat;
      } else {
        personOf[h] = persons;
        personSex[persons] = (byte) (int) sexGeneral.sample(random);
        personAgeBand[persons] = (byte) (int) ageGeneral.sample(random);
        personEthnicity[persons] = (byte) (int) ethnicity.sample(random);
        persons++;
      }
      arrestsOfPerson[personOf[h]]++;
    }
    boolean[] arrestedInWindow = new boolean[history + count];
    int[] pouArrests = new int[count];
    int pouCount = 0;
    for (int i = 0; i < count; i++) {
      int day = arrests.day[i];
      String bcu = bcus.sample(random);
      Unit pou = pouByBcu.get(bcu);
      boolean byPou = pou != null && day >= pou.established() && Rngs.chance(random, POU_SHARE);
      Unit unit = byPou ? pou : otherUnit(bcu, day, random);
      Profile offence = offences.forUnitType(unit.type()).sample(random);
      double daRate = byPou ? offence.pouDomesticAbuseRate() : offence.domesticAbuseRate();

      int earlier = history + i;
      int person = -1;
      double u = Rngs.uniform(random);
      if (byPou && u < POU_REPEAT_SHARE && pouCount > 0) {
        person = arrests.person[pouArrests[Rngs.below(random, pouCount)]];
      } else if (earlier > 0
          && u < (byPou ? POU_REPEAT_SHARE + POU_EARLIER_ARREST_SHARE : REPEAT_SHARE)) {
        person = personOf[Rngs.below(random, earlier)];
      }
      if (person < 0 || arrestsOfPerson[person] >= MAX_ARRESTS_PER_PERSON) {
        person = persons++;
        personSex[person] = (byte) (int) (byPou ? sexPou : sexGeneral).sample(random);
        personAgeBand[person] = (byte) (int) (byPou ? agePou : ageGeneral).sample(random);
        personEthnicity[person] = (byte) (int) ethnicity.sample(random);
      }
      personOf[earlier] = person;
      arrestsOfPerson[person]++;
      if (!arrestedInWindow[person]) {
        arrestedInWindow[person] = true;
        arrests.persons++;
      }
      if (byPou) {
        pouArrests[pouCount++] = i;
      }

      arrests.bcu[i] = bcu;
      arrests.unit[i] = unit;
      arrests.offence[i] = offence;
      arrests.domesticAbuse[i] = Rngs.chance(random, daRate);
      arrests.person[i] = person;
      // Recording gaps: a value left empty, or recorded as not known / not stated.
      arrests.sex[i] = recorded(random, personSex[person], UNKNOWN_SEX, 0.015, 0.008);
      arrests.ageBand[i] = recorded(random, personAgeBand[person], UNKNOWN_AGE, 0.01, 0.005);
      arrests.child[i] = personAgeBand[person] == CHILD;
      arrests.ethnicity[i] = recorded(random, personEthnicity[person], NOT_STATED, 0.03, 0.04);
      arrests.operation[i] = operation(random, day, unit, offence, arrests.domesticAbuse[i]);
    }
    return arrests;
  }

  private Unit otherUnit(String bcu, int day, SplittableRandom random) {
    Weighted<Unit> units = otherUnitsByBcu.get(bcu);
    for (int attempt = 0; attempt < 100; attempt++) {
      Unit unit = units.sample(random);
      if (unit.established() <= day) {
        return unit;
      }
    }
    throw new IllegalStateException(
        "no unit in BCU " + bcu + " was established by " + LocalDate.ofEpochDay(day));
  }

  private static byte recorded(
      SplittableRandom random, byte value, int unknown, double empty, double notKnown) {
    double u = Rngs.uniform(random);
    if (u < empty) {
      return -1;
    }
    return u < empty + notKnown ? (byte) unknown : value;
  }

  private static byte operation(
      SplittableRandom random, int day, Unit unit, Profile offence, boolean domesticAbuse) {
    LocalDate date = LocalDate.ofEpochDay(day);
    if (!domesticAbuse
        && !date.isBefore(VIGILANT_START)
        && VIGILANT_OFFENCES.contains(offence.code())
        && !unit.type().equals("SAFE")
        && Rngs.chance(random, 0.12)) {
      return 0;
    }
    if (offence.category() == OffenceCategory.WEAPONS && Rngs.chance(random, 0.30)
        || offence.category() == OffenceCategory.ROBBERY && Rngs.chance(random, 0.05)) {
      return 1;
    }
    int month = date.getMonthValue();
    if (unit.type().equals("RESP") && month >= 6 && month <= 8 && Rngs.chance(random, 0.004)) {
      return 2;
    }
    return -1;
  }

  private static Weighted<Integer> indexed(double[] weights) {
    Weighted.Builder<Integer> builder = Weighted.builder();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        builder.add(i, weights[i]);
      }
    }
    return builder.build();
  }
}
