package org.offstats.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed discrete distribution over values, sampled by binary search on cumulative weights. */
final class Weighted<T> {
  private final List<T> values;
  private final double[] cumulative;

  private Weighted(List<T> values, double[] weights) {
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("negative weight for " + values.get(i));
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (values.isEmpty() || total <= 0) {
      throw new IllegalArgumentException("a distribution needs a positive total weight");
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  T sample(SplittableRandom random) {
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
    return values.get(low);
  }

  List<T> values() {
    return values;
  }

  /** Collects value–weight pairs in order; order matters for reproducibility. */
  static final class Builder<T> {
    private final List<T> values = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    Builder<T> add(T value, double weight) {
      values.add(value);
      weights.add(weight);
      return this;
    }

    boolean isEmpty() {
      return values.isEmpty();
    }

    Weighted<T> build() {
      double[] w = new double[weights.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights.get(i);
      }
      return new Weighted<>(values, w);
    }
  }
}
