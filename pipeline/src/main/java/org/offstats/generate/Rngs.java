package org.offstats.generate;

import java.util.SplittableRandom;

/**
 * Seeded random helpers. Everything is derived from the seed and uses only {@link
 * SplittableRandom#nextLong()}-based draws and {@link StrictMath}, so the same seed gives the same
 * numbers on every JVM and platform ({@link Math#log} may differ by an ulp between platforms).
 */
final class Rngs {
  private Rngs() {}

  /** An independent stream for one part of the data, so changing one part leaves the others. */
  static SplittableRandom stream(long seed, long part) {
    return new SplittableRandom(mix(seed, part));
  }

  /** Stafford's mix13 finaliser over the seed and a constant naming the use. */
  static long mix(long seed, long salt) {
    long z = seed + salt * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  static double uniform(SplittableRandom random) {
    return (random.nextLong() >>> 11) * 0x1.0p-53;
  }

  static boolean chance(SplittableRandom random, double probability) {
    return uniform(random) < probability;
  }

  /** A uniform int in [0, bound), without the modulo bias of a plain remainder. */
  static int below(SplittableRandom random, int bound) {
    return (int) ((random.nextLong() >>> 33) * bound >>> 31);
  }

  /** A uniform int in [low, high]. */
  static int between(SplittableRandom random, int low, int high) {
    return low + below(random, high - low + 1);
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - uniform(random);
    double u2 = uniform(random);
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** A log-normal draw with the given median and log-scale spread. */
  static double logNormal(SplittableRandom random, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(random));
  }

  /** A geometric number of days (0, 1, 2, ...) with the given mean. */
  static int geometricDays(SplittableRandom random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double p = 1.0 / (1.0 + mean);
    return (int) StrictMath.floor(StrictMath.log(1.0 - uniform(random)) / StrictMath.log(1.0 - p));
  }
}
