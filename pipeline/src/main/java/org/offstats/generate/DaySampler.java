package org.offstats.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws event days between two dates with a realistic shape: a summer peak and a winter dip, more
 * on Fridays and Saturdays, a slow upward trend, and the dips of the 2020 and early-2021 COVID-19
 * lockdowns.
 */
final class DaySampler {
  /** Relative volume by calendar month, January first. */
  private static final double[] MONTH_FACTOR = {
    0.92, 0.90, 0.98, 0.98, 1.03, 1.07, 1.09, 1.05, 1.01, 1.02, 0.98, 0.95
  };

  /** Relative volume by day of week, Monday first. */
  private static final double[] WEEKDAY_FACTOR = {0.95, 0.95, 0.97, 0.99, 1.06, 1.10, 0.98};

  private static final LocalDate FIRST_LOCKDOWN_START = LocalDate.of(2020, 3, 23);
  private static final LocalDate FIRST_LOCKDOWN_END = LocalDate.of(2020, 6, 30);
  private static final LocalDate THIRD_LOCKDOWN_START = LocalDate.of(2021, 1, 5);
  private static final LocalDate THIRD_LOCKDOWN_END = LocalDate.of(2021, 3, 8);

  private final int firstDay;
  private final double[] cumulative;

  DaySampler(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("empty date range " + first + " to " + last);
    }
    this.firstDay = (int) first.toEpochDay();
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    this.cumulative = new double[days];
    double total = 0;
    for (int i = 0; i < days; i++) {
      total += weight(first.plusDays(i), first);
      cumulative[i] = total;
    }
    for (int i = 0; i < days; i++) {
      cumulative[i] /= total;
    }
  }

  /** An epoch day in the range. */
  int sample(SplittableRandom random) {
    double u = Rngs.uniform(random);
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return firstDay + low;
  }

  int firstDay() {
    return firstDay;
  }

  /** The share of all volume that falls on or after {@code day}. */
  double shareFrom(LocalDate day) {
    int index = (int) (day.toEpochDay() - firstDay);
    if (index <= 0) {
      return 1.0;
    }
    if (index >= cumulative.length) {
      return 0.0;
    }
    return 1.0 - cumulative[index - 1];
  }

  private static double weight(LocalDate day, LocalDate first) {
    double years = (day.toEpochDay() - first.toEpochDay()) / 365.25;
    double weight = MONTH_FACTOR[day.getMonthValue() - 1];
    weight *= WEEKDAY_FACTOR[day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
    weight *= 1.0 + 0.02 * years;
    if (!day.isBefore(FIRST_LOCKDOWN_START) && !day.isAfter(FIRST_LOCKDOWN_END)) {
      weight *= 0.78;
    } else if (!day.isBefore(THIRD_LOCKDOWN_START) && !day.isAfter(THIRD_LOCKDOWN_END)) {
      weight *= 0.90;
    }
    return weight;
  }
}
