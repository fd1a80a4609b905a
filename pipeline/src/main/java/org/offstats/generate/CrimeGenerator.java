package org.offstats.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.offstats.generate.ArrestGenerator.Arrests;
import org.offstats.generate.OffenceProfiles.Profile;

/**
 * Synthetic recorded crimes with their outcome as at the end date. Most arrests have one crime
 * (some none, some two), most of them linked back to the arrest; other crimes have no arrest; and a
 * few crimes recorded before the arrest data starts link to arrests outside the extract, as a real
 * extract's would.
 */
final class CrimeGenerator {
  /** Crimes recorded without an arrest, per arrest. */
  static final double UNARRESTED_PER_ARREST = 0.5;

  /** Crimes recorded before the arrests window whose arrests are not in the extract, per arrest. */
  private static final double EARLIER_PER_ARREST = 0.003;

  private static final LocalDate EARLIER_FIRST = LocalDate.of(2017, Month.OCTOBER, 1);

  /** The generated crimes as parallel arrays, in recording order. */
  static final class Crimes {
    int count;
    int[] recorded;
    long[] sequence;
    Profile[] offence;
    boolean[] domesticAbuse;
    String[] bcu;
    String[] outcomeType;
    int[] outcomeDay;

    /** The linked arrest's sequence number, or -1. */
    long[] arrest;

    Crimes(int capacity) {
      recorded = new int[capacity];
      sequence = new long[capacity];
      offence = new Profile[capacity];
      domesticAbuse = new boolean[capacity];
      bcu = new String[capacity];
      outcomeType = new String[capacity];
      outcomeDay = new int[capacity];
      arrest = new long[capacity];
    }
  }

  private final OffenceProfiles offences;
  private final OutcomeModel outcomes;
  private final DaySampler days;
  private final Weighted<String> bcus;
  private final int lastDay;

  CrimeGenerator(
      OffenceProfiles offences,
      OutcomeModel outcomes,
      DaySampler days,
      Weighted<String> bcus,
      LocalDate lastDay) {
    this.offences = offences;
    this.outcomes = outcomes;
    this.days = days;
    this.bcus = bcus;
    this.lastDay = (int) lastDay.toEpochDay();
  }

  Crimes generate(Arrests arrests, SplittableRandom random) {
    int unarrested = (int) StrictMath.round(arrests.count * UNARRESTED_PER_ARREST);
    int earlier = (int) StrictMath.round(arrests.count * EARLIER_PER_ARREST);
    Crimes crimes = new Crimes(arrests.count * 2 + unarrested + earlier);
    for (int i = 0; i < arrests.count; i++) {
      double u = Rngs.uniform(random);
      int crimesForArrest = u < 0.05 ? 0 : u < 0.94 ? 1 : 2;
      for (int k = 0; k < crimesForArrest; k++) {
        Profile offence = arrests.offence[i];
        OffenceCategory category = offence.category();
        double sameDay = category.sexual() ? 0.35 : 0.70;
        int lag =
            Rngs.chance(random, sameDay)
                ? 0
                : 1 + Rngs.geometricDays(random, category.meanDaysReportToArrest());
        boolean da = arrests.domesticAbuse[i];
        String type = outcomes.outcomeType(random, category, true, da, arrests.child[i]);
        long linked = Rngs.chance(random, 0.90) ? i : -1;
        add(crimes, random, arrests.day[i] - lag, offence, da, arrests.bcu[i], type, linked);
      }
    }
    for (int k = 0; k < unarrested; k++) {
      Profile offence = offences.unarrested().sample(random);
      boolean da = Rngs.chance(random, offence.domesticAbuseRate());
      String type = outcomes.outcomeType(random, offence.category(), false, da, false);
      add(crimes, random, days.sample(random), offence, da, bcus.sample(random), type, -1);
    }
    int earlierFirst = (int) EARLIER_FIRST.toEpochDay();
    int span = days.firstDay() - earlierFirst;
    for (int k = 0; k < earlier; k++) {
      Profile offence = offences.forUnitType("RESP").sample(random);
      boolean da = Rngs.chance(random, offence.domesticAbuseRate());
      String type = outcomes.outcomeType(random, offence.category(), true, da, false);
      int day = earlierFirst + Rngs.below(random, span);
      add(crimes, random, day, offence, da, bcus.sample(random), type, Ids.EARLIER_ARREST_BASE + k);
    }
    sortByRecordedDay(crimes);
    return crimes;
  }

  private void add(
      Crimes crimes,
      SplittableRandom random,
      int recorded,
      Profile offence,
      boolean domesticAbuse,
      String bcu,
      String outcomeType,
      long arrest) {
    int i = crimes.count++;
    crimes.recorded[i] = recorded;
    crimes.sequence[i] = i;
    crimes.offence[i] = offence;
    crimes.domesticAbuse[i] = domesticAbuse;
    crimes.bcu[i] = bcu;
    crimes.arrest[i] = arrest;
    // Some investigations stay open for years; the rest are open until their outcome date.
    double stillOpen = offence.category().sexual() ? 0.03 : 0.008;
    int outcomeDay = recorded + outcomes.daysToOutcome(random, offence.category(), outcomeType);
    boolean open = Rngs.chance(random, stillOpen) || outcomeDay > lastDay;
    crimes.outcomeType[i] = open ? null : outcomeType;
    crimes.outcomeDay[i] = open ? 0 : outcomeDay;
  }

  /** Puts crimes in recording order, ties in generation order, as an extract would list them. */
  private static void sortByRecordedDay(Crimes crimes) {
    int n = crimes.count;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) crimes.recorded[i] << 32) | i;
    }
    Arrays.sort(keys);
    int[] recorded = new int[n];
    long[] sequence = new long[n];
    Profile[] offence = new Profile[n];
    boolean[] domesticAbuse = new boolean[n];
    String[] bcu = new String[n];
    String[] outcomeType = new String[n];
    int[] outcomeDay = new int[n];
    long[] arrest = new long[n];
    for (int j = 0; j < n; j++) {
      int i = (int) keys[j];
      recorded[j] = crimes.recorded[i];
      sequence[j] = crimes.sequence[i];
      offence[j] = crimes.offence[i];
      domesticAbuse[j] = crimes.domesticAbuse[i];
      bcu[j] = crimes.bcu[i];
      outcomeType[j] = crimes.outcomeType[i];
      outcomeDay[j] = crimes.outcomeDay[i];
      arrest[j] = crimes.arrest[i];
    }
    crimes.recorded = recorded;
    crimes.sequence = sequence;
    crimes.offence = offence;
    crimes.domesticAbuse = domesticAbuse;
    crimes.bcu = bcu;
    crimes.outcomeType = outcomeType;
    crimes.outcomeDay = outcomeDay;
    crimes.arrest = arrest;
  }
}
