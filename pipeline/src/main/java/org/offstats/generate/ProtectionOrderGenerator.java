package org.offstats.generate;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.offstats.generate.CrimeGenerator.Crimes;

/**
 * Synthetic protection order and notice events (REFERENCE.md §5), one chain per order: a domestic
 * violence protection notice issued, the order applied for within 48 hours and granted or refused,
 * and sometimes breached while it lasts; stalking, sexual harm, sexual risk and non-molestation
 * orders applied for, then granted or refused. Domestic abuse protection notices and orders replace
 * the DVPN/DVPO pair only in a pilot area from late 2024. Events after the end date are not yet
 * known and are left out, so recent chains are incomplete.
 */
final class ProtectionOrderGenerator {
  /** Order chains per arrest. */
  static final double CHAINS_PER_ARREST = 0.09;

  /** Share of chains that start from a recorded domestic-abuse crime (and carry its crime_ref). */
  private static final double FROM_CRIME_SHARE = 0.6;

  /** Illustrative: DAPN/DAPO pilot start and area [unconfirmed]. */
  private static final LocalDate DAPO_PILOT_START = LocalDate.of(2024, Month.NOVEMBER, 27);

  private static final Set<String> DAPO_PILOT_BCUS = Set.of("SN");

  /** Stalking Protection Act 2019 in force. */
  private static final LocalDate SPO_START = LocalDate.of(2020, Month.JANUARY, 20);

  /** One event; {@code sequence} keeps generation order among events on the same day. */
  record Event(
      long order, String orderType, String event, int day, String bcu, long crime, int sequence) {}

  /** How a court order chain unfolds after the application. */
  private record CourtOrder(
      String type,
      int minDaysToDecision,
      int maxDaysToDecision,
      double grantRate,
      double breachRate,
      int maxDaysToBreach) {}

  private static final CourtOrder SPO = new CourtOrder("SPO", 7, 60, 0.85, 0.20, 365);
  private static final CourtOrder SHPO = new CourtOrder("SHPO", 0, 30, 0.95, 0.12, 365);
  private static final CourtOrder SRO = new CourtOrder("SRO", 14, 90, 0.80, 0.10, 365);
  private static final CourtOrder NMO = new CourtOrder("NMO", 0, 14, 0.90, 0.25, 365);
  private static final CourtOrder DAPO = new CourtOrder("DAPO", 1, 30, 0.90, 0.15, 365);

  private final DaySampler days;
  private final Weighted<String> bcus;
  private final int lastDay;

  ProtectionOrderGenerator(DaySampler days, Weighted<String> bcus, LocalDate lastDay) {
    this.days = days;
    this.bcus = bcus;
    this.lastDay = (int) lastDay.toEpochDay();
  }

  List<Event> generate(int chains, Crimes crimes, SplittableRandom random) {
    int[] daCrimes = new int[crimes.count];
    int daCount = 0;
    for (int i = 0; i < crimes.count; i++) {
      if (crimes.domesticAbuse[i] && crimes.recorded[i] >= days.firstDay()) {
        daCrimes[daCount++] = i;
      }
    }
    List<Event> events = new ArrayList<>();
    for (int chain = 0; chain < chains; chain++) {
      int day;
      String bcu;
      long crime = -1;
      if (daCount > 0 && Rngs.chance(random, FROM_CRIME_SHARE)) {
        int c = daCrimes[Rngs.below(random, daCount)];
        day = crimes.recorded[c] + Rngs.between(random, 0, 2);
        bcu = crimes.bcu[c];
        crime = crimes.sequence[c];
      } else {
        day = days.sample(random);
        bcu = bcus.sample(random);
      }
      Chain out = new Chain(chain, bcu, crime, events);
      boolean pilot = DAPO_PILOT_BCUS.contains(bcu) && day >= DAPO_PILOT_START.toEpochDay();
      double u = Rngs.uniform(random);
      if (pilot && u < 0.05) {
        courtOrder(out, DAPO, day, random);
      } else if (u < 0.60) {
        notice(out, pilot, day, random);
      } else if (u < 0.68 && day >= SPO_START.toEpochDay()) {
        courtOrder(out, SPO, day, random);
      } else if (u < 0.80) {
        courtOrder(out, SHPO, day, random);
      } else if (u < 0.84) {
        courtOrder(out, SRO, day, random);
      } else {
        courtOrder(out, NMO, day, random);
      }
    }
    events.sort(Comparator.comparingInt(Event::day).thenComparingInt(Event::sequence));
    return events;
  }

  private void notice(Chain chain, boolean pilot, int issued, SplittableRandom random) {
    String notice = pilot ? "DAPN" : "DVPN";
    String order = pilot ? "DAPO" : "DVPO";
    chain.emit(notice, "ISSUED", issued);
    if (!Rngs.chance(random, 0.95)) {
      return;
    }
    // The hearing must start within 48 hours of the notice.
    int applied = issued + (Rngs.chance(random, 0.7) ? 1 : 2);
    chain.emit(order, "APPLIED", applied);
    int decided = applied + Rngs.between(random, 0, 1);
    boolean granted = Rngs.chance(random, 0.88);
    chain.emit(order, granted ? "GRANTED" : "REFUSED", decided);
    // A DVPO lasts 14 to 28 days; a DAPO can last much longer.
    if (granted && Rngs.chance(random, pilot ? 0.15 : 0.18)) {
      chain.emit(order, "BREACHED", decided + Rngs.between(random, 2, pilot ? 200 : 27));
    }
  }

  private void courtOrder(Chain chain, CourtOrder order, int applied, SplittableRandom random) {
    chain.emit(order.type(), "APPLIED", applied);
    int decided =
        applied + Rngs.between(random, order.minDaysToDecision(), order.maxDaysToDecision());
    boolean granted = Rngs.chance(random, order.grantRate());
    chain.emit(order.type(), granted ? "GRANTED" : "REFUSED", decided);
    if (granted && Rngs.chance(random, order.breachRate())) {
      chain.emit(
          order.type(), "BREACHED", decided + Rngs.between(random, 7, order.maxDaysToBreach()));
    }
  }

  /** Collects one chain's events, dropping those after the end date. */
  private final class Chain {
    private final long order;
    private final String bcu;
    private final long crime;
    private final List<Event> events;

    Chain(long order, String bcu, long crime, List<Event> events) {
      this.order = order;
      this.bcu = bcu;
      this.crime = crime;
      this.events = events;
    }

    void emit(String orderType, String event, int day) {
      if (day <= lastDay) {
        events.add(new Event(order, orderType, event, day, bcu, crime, events.size()));
      }
    }
  }
}
