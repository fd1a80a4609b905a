package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayHistogramTest {

  private static DayHistogram of(int... days) {
    DayHistogram histogram = new DayHistogram();
    for (int day : days) {
      histogram.add(day);
    }
    return histogram;
  }

  // ---- Quantiles worked by hand: sorted x[0..n-1], h = q(n-1), x[⌊h⌋] + (h-⌊h⌋)(x[⌈h⌉]-x[⌊h⌋])

  @Test
  void oneValueIsEveryQuantile() {
    // n = 1, so h = q·0 = 0 for every q: always x[0] = 7.
    DayHistogram histogram = of(7);
    assertThat(histogram.count()).isEqualTo(1);
    assertThat(histogram.quantileCont(0)).isEqualTo(7.0);
    assertThat(histogram.quantileCont(0.25)).isEqualTo(7.0);
    assertThat(histogram.median()).isEqualTo(7.0);
    assertThat(histogram.quantileCont(1)).isEqualTo(7.0);
  }

  @Test
  void twoValuesInterpolate() {
    // x = [2, 10], n - 1 = 1 so h = q.
    DayHistogram histogram = of(10, 2);
    assertThat(histogram.quantileCont(0)).isEqualTo(2.0); // h = 0 → x[0]
    assertThat(histogram.quantileCont(0.25)).isEqualTo(4.0); // 2 + 0.25·8
    assertThat(histogram.median()).isEqualTo(6.0); // 2 + 0.5·8
    assertThat(histogram.quantileCont(0.75)).isEqualTo(8.0); // 2 + 0.75·8
    assertThat(histogram.quantileCont(1)).isEqualTo(10.0); // h = 1 → x[1]
  }

  @Test
  void oddCountHitsOrderStatistics() {
    // x = [1, 3, 4, 8, 20], n - 1 = 4.
    DayHistogram histogram = of(8, 1, 20, 4, 3);
    assertThat(histogram.quantileCont(0)).isEqualTo(1.0);
    assertThat(histogram.quantileCont(0.25)).isEqualTo(3.0); // h = 1 → x[1]
    assertThat(histogram.median()).isEqualTo(4.0); // h = 2 → x[2], the middle value
    assertThat(histogram.quantileCont(0.75)).isEqualTo(8.0); // h = 3 → x[3]
    assertThat(histogram.quantileCont(0.875)).isEqualTo(14.0); // h = 3.5 → 8 + 0.5·12
    assertThat(histogram.quantileCont(1)).isEqualTo(20.0);
  }

  @Test
  void evenCountWithZeroDayGaps() {
    // x = [0, 0, 5, 9, 12, 30], n - 1 = 5: outcomes on the day the crime was recorded are 0 days.
    DayHistogram histogram = of(30, 0, 9, 5, 0, 12);
    assertThat(histogram.count()).isEqualTo(6);
    assertThat(histogram.quantileCont(0)).isEqualTo(0.0);
    assertThat(histogram.quantileCont(0.2)).isEqualTo(0.0); // h = 1 → x[1] = 0
    assertThat(histogram.quantileCont(0.25)).isEqualTo(1.25); // h = 1.25 → 0 + 0.25·(5 - 0)
    assertThat(histogram.median()).isEqualTo(7.0); // h = 2.5 → 5 + 0.5·(9 - 5)
    assertThat(histogram.quantileCont(0.75)).isEqualTo(11.25); // h = 3.75 → 9 + 0.75·(12 - 9)
    assertThat(histogram.quantileCont(1)).isEqualTo(30.0);
  }

  @Test
  void evenCountMedianIsTheMeanOfTheMiddleTwo() {
    // x = [1, 2, 3, 4]: h = 1.5 → 2 + 0.5·1 = 2.5.
    assertThat(of(4, 3, 2, 1).median()).isEqualTo(2.5);
    // x = [10, 11]: the middle two are the only two.
    assertThat(of(11, 10).median()).isEqualTo(10.5);
  }

  @Test
  void allEqualValues() {
    DayHistogram histogram = of(4, 4, 4, 4);
    for (double q : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.99, 1}) {
      assertThat(histogram.quantileCont(q)).isEqualTo(4.0);
    }
  }

  @Test
  void onlyZeroDayGaps() {
    DayHistogram histogram = of(0, 0, 0);
    assertThat(histogram.median()).isEqualTo(0.0);
    assertThat(histogram.quantileCont(1)).isEqualTo(0.0);
  }

  @Test
  void interpolationAcrossARepeatedValue() {
    // x = [2, 2, 2, 6], n - 1 = 3. q = 0.5: h = 1.5, x[1] = x[2] = 2 → 2.
    // q = 0.75: h = 2.25 → x[2] = 2, x[3] = 6 → 2 + 0.25·4 = 3.
    DayHistogram histogram = new DayHistogram();
    histogram.add(2, 3);
    histogram.add(6);
    assertThat(histogram.median()).isEqualTo(2.0);
    assertThat(histogram.quantileCont(0.75)).isEqualTo(3.0);
  }

  @Test
  void countsOfMillionsAreNotExpanded() {
    // A million 3s then a million 5s: n = 2,000,000, median h = 0.5·1,999,999 = 999,999.5,
    // between x[999,999] = 3 (the last 3) and x[1,000,000] = 5 (the first 5): 3 + 0.5·2 = 4.
    // q = 0.25: h = 499,999.75, both neighbours are 3.
    DayHistogram histogram = new DayHistogram();
    histogram.add(5, 1_000_000);
    histogram.add(3, 1_000_000);
    assertThat(histogram.count()).isEqualTo(2_000_000);
    assertThat(histogram.median()).isEqualTo(4.0);
    assertThat(histogram.quantileCont(0.25)).isEqualTo(3.0);
    assertThat(histogram.quantileCont(0.75)).isEqualTo(5.0);

    // A trillion values: quantiles still walk two entries.
    DayHistogram huge = new DayHistogram();
    huge.add(0, 1_000_000_000_000L);
    huge.add(1, 1_000_000_000_000L);
    // h = 0.5·(2·10^12 - 1) = 999,999,999,999.5 → 0 + 0.5·1.
    assertThat(huge.median()).isEqualTo(0.5);
  }

  @Test
  void largeGapsAreExact() {
    DayHistogram histogram = of(Integer.MAX_VALUE, 0);
    assertThat(histogram.quantileCont(1)).isEqualTo(2147483647.0);
    // h = 0.5: 0 + 0.5·2147483647.
    assertThat(histogram.median()).isEqualTo(1073741823.5);
  }

  // ---- Against an independent, naive computation

  /** Sorts every value into an array and applies the formula directly. */
  private static double naiveQuantileCont(int[] values, double q) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = q * (sorted.length - 1);
    int lower = (int) Math.floor(h);
    int upper = (int) Math.ceil(h);
    return sorted[lower] + (h - lower) * ((double) sorted[upper] - sorted[lower]);
  }

  /** Mostly small gaps with a long tail, as times to outcome are. */
  private static int[] randomGaps(Random random, int n) {
    int[] gaps = new int[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      gaps[i] =
          u < 0.1 ? 0 : u < 0.9 ? random.nextInt(400) : random.nextInt(5000 + random.nextInt(3000));
    }
    return gaps;
  }

  private static final double[] QUANTILES = {
    0, 0.001, 0.01, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999, 1
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20201101})
  void matchesNaiveSortedArrayBitForBit(long seed) {
    Random random = new Random(seed);
    for (int n : new int[] {1, 2, 3, 10, 101, 1000, 200_000}) {
      int[] gaps = randomGaps(random, n);
      DayHistogram histogram = new DayHistogram();
      for (int gap : gaps) {
        histogram.add(gap);
      }
      assertThat(histogram.count()).isEqualTo(n);
      List<Double> qs = new ArrayList<>();
      for (double q : QUANTILES) {
        qs.add(q);
      }
      for (int i = 0; i < 20; i++) {
        qs.add(random.nextDouble());
      }
      for (double q : qs) {
        assertThat(Double.doubleToRawLongBits(histogram.quantileCont(q)))
            .as("n=%d q=%s", n, q)
            .isEqualTo(Double.doubleToRawLongBits(naiveQuantileCont(gaps, q)));
      }
    }
  }

  @Test
  void matchesDuckDbQuantileCont() throws Exception {
    // OUTPUTS.md defines the quantiles "as quantile_cont in SQL engines": ask one.
    Random random = new Random(7);
    int[] gaps = randomGaps(random, 5_001);
    DayHistogram histogram = new DayHistogram();
    for (int gap : gaps) {
      histogram.add(gap);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE gaps (days INTEGER)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gaps VALUES (?)")) {
        for (int gap : gaps) {
          insert.setInt(1, gap);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      for (double q : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.37, 1}) {
        try (ResultSet result =
            statement.executeQuery("SELECT quantile_cont(days, " + q + ") FROM gaps")) {
          result.next();
          assertThat(histogram.quantileCont(q)).as("q=%s", q).isEqualTo(result.getDouble(1));
        }
      }
    }
  }

  // ---- Order independence

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6, 7})
  void addingAndMergingInAnyOrderGivesTheSameHistogram(long seed) throws IOException {
    Random random = new Random(seed);
    int[] gaps = randomGaps(random, 20_000);

    DayHistogram inOrder = new DayHistogram();
    for (int gap : gaps) {
      inOrder.add(gap);
    }

    List<Integer> shuffled = new ArrayList<>();
    for (int gap : gaps) {
      shuffled.add(gap);
    }
    Collections.shuffle(shuffled, random);
    DayHistogram shuffledAdds = new DayHistogram();
    shuffled.forEach(shuffledAdds::add);

    // Split into uneven parts, as bundles would be, and merge them in two different orders.
    List<DayHistogram> parts = new ArrayList<>();
    int from = 0;
    while (from < shuffled.size()) {
      int to = Math.min(shuffled.size(), from + 1 + random.nextInt(3000));
      DayHistogram part = new DayHistogram();
      shuffled.subList(from, to).forEach(part::add);
      parts.add(part);
      from = to;
    }
    DayHistogram leftToRight = new DayHistogram();
    parts.forEach(leftToRight::merge);
    DayHistogram rightToLeft = new DayHistogram();
    for (int i = parts.size() - 1; i >= 0; i--) {
      rightToLeft.merge(parts.get(i));
    }
    DayHistogram pairwise = mergePairwise(parts);

    for (DayHistogram other : List.of(shuffledAdds, leftToRight, rightToLeft, pairwise)) {
      assertThat(other).isEqualTo(inOrder);
      assertThat(other.hashCode()).isEqualTo(inOrder.hashCode());
      assertThat(encode(other)).isEqualTo(encode(inOrder));
      for (double q : QUANTILES) {
        assertThat(Double.doubleToRawLongBits(other.quantileCont(q)))
            .isEqualTo(Double.doubleToRawLongBits(inOrder.quantileCont(q)));
      }
    }
  }

  private static DayHistogram mergePairwise(List<DayHistogram> parts) {
    if (parts.size() == 1) {
      return new DayHistogram().merge(parts.get(0));
    }
    int middle = parts.size() / 2;
    return mergePairwise(parts.subList(0, middle))
        .merge(mergePairwise(parts.subList(middle, parts.size())));
  }

  @Test
  void mergeAddsCountsAndLeavesTheArgumentAlone() {
    // {1, 3, 3} + {0, 3, 9} = {0, 1, 3, 3, 3, 9}: median h = 2.5 → x[2] = 3, x[3] = 3 → 3.
    DayHistogram left = of(3, 1, 3);
    DayHistogram right = of(9, 3, 0);
    DayHistogram merged = left.merge(right);
    assertThat(merged).isSameAs(left);
    assertThat(merged).isEqualTo(of(0, 1, 3, 3, 3, 9));
    assertThat(merged.median()).isEqualTo(3.0);
    assertThat(right).isEqualTo(of(0, 3, 9));
  }

  @Test
  void mergeWithItselfDoublesEveryCount() {
    DayHistogram histogram = of(1, 2, 2);
    histogram.merge(histogram);
    assertThat(histogram).isEqualTo(of(1, 1, 2, 2, 2, 2));
  }

  @Test
  void mergingEmptyHistograms() {
    DayHistogram histogram = of(4);
    histogram.merge(new DayHistogram());
    assertThat(histogram).isEqualTo(of(4));
    assertThat(new DayHistogram().merge(histogram)).isEqualTo(of(4));
    assertThat(new DayHistogram().merge(new DayHistogram())).isEqualTo(new DayHistogram());
  }

  // ---- Adding

  @Test
  void addWithACountIsRepeatedAdds() {
    DayHistogram counted = new DayHistogram();
    counted.add(12, 3);
    counted.add(0, 2);
    counted.add(12, 0); // a zero count changes nothing
    assertThat(counted).isEqualTo(of(12, 0, 12, 0, 12));
    assertThat(counted.count()).isEqualTo(5);
  }

  @Test
  void negativeDaysOrCountsAreRejected() {
    DayHistogram histogram = new DayHistogram();
    assertThatThrownBy(() -> histogram.add(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> histogram.add(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> histogram.add(3, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(histogram.isEmpty()).isTrue();
  }

  @Test
  void totalCountOverflowIsAnErrorNotAWrap() {
    DayHistogram histogram = new DayHistogram();
    histogram.add(1, Long.MAX_VALUE);
    assertThatThrownBy(() -> histogram.add(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> histogram.merge(of(3))).isInstanceOf(ArithmeticException.class);
    // Nothing was half-applied.
    DayHistogram expected = new DayHistogram();
    expected.add(1, Long.MAX_VALUE);
    assertThat(histogram).isEqualTo(expected);
  }

  @Test
  void emptyHistogramHasNoQuantile() {
    DayHistogram empty = new DayHistogram();
    assertThat(empty.count()).isZero();
    assertThat(empty.isEmpty()).isTrue();
    assertThatThrownBy(empty::median).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty.quantileCont(0)).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, -1})
  void quantileOutsideZeroToOneIsRejected(double q) {
    assertThatThrownBy(() -> of(1, 2).quantileCont(q)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- Equality

  @Test
  void equalityDependsOnlyOnTheMultiset() {
    assertThat(new DayHistogram()).isEqualTo(new DayHistogram());
    assertThat(new DayHistogram().hashCode()).isEqualTo(new DayHistogram().hashCode());
    // Built with different internal capacities (many distinct values added, versus merged once).
    DayHistogram grown = new DayHistogram();
    for (int day = 0; day < 100; day++) {
      grown.add(day);
    }
    DayHistogram merged = new DayHistogram();
    merged.merge(grown);
    assertThat(merged).isEqualTo(grown).hasSameHashCodeAs(grown);

    assertThat(of(1, 2)).isNotEqualTo(of(1, 2, 2));
    assertThat(of(1, 2)).isNotEqualTo(of(1, 3));
    assertThat(of(1)).isNotEqualTo(null);
    assertThat(of(1)).isNotEqualTo("1");
  }

  @Test
  void toStringListsEachGapAndItsCount() {
    assertThat(of(5, 0, 0).toString()).isEqualTo("DayHistogram{0×2, 5×1}");
    assertThat(new DayHistogram().toString()).isEqualTo("DayHistogram{}");
  }

  // ---- Encoding

  private static byte[] encode(DayHistogram histogram) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    histogram.encode(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static DayHistogram decode(byte[] bytes) throws IOException {
    return DayHistogram.decode(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void encodingWorkedByHand() throws IOException {
    // {0×2, 5×1, 300×1}: 3 entries; then (delta, count) pairs (0, 2), (5, 1), (295, 1).
    // 295 = 2·128 + 39 → LEB128 bytes 0x80|39 = 0xA7, then 0x02.
    DayHistogram histogram = of(300, 0, 5, 0);
    byte[] expected = bytes(0x03, 0x00, 0x02, 0x05, 0x01, 0xA7, 0x02, 0x01);
    assertThat(encode(histogram)).isEqualTo(expected);
    assertThat(decode(expected)).isEqualTo(histogram);
    // The empty histogram is one byte: 0 entries.
    assertThat(encode(new DayHistogram())).isEqualTo(bytes(0x00));
    assertThat(decode(bytes(0x00))).isEqualTo(new DayHistogram());
  }

  @Test
  void encodingRoundTripsExtremes() throws IOException {
    DayHistogram histogram = new DayHistogram();
    histogram.add(0, Long.MAX_VALUE - 1);
    histogram.add(Integer.MAX_VALUE, 1);
    DayHistogram decoded = decode(encode(histogram));
    assertThat(decoded).isEqualTo(histogram);
    assertThat(decoded.count()).isEqualTo(Long.MAX_VALUE);
    assertThat(decoded.quantileCont(1)).isEqualTo(2147483647.0);
  }

  @Test
  void decodingRejectsCorruptInput() {
    // Ends after the entry count.
    assertThatThrownBy(() -> decode(bytes(0x02, 0x00, 0x01))).isInstanceOf(EOFException.class);
    // A count of zero.
    assertThatThrownBy(() -> decode(bytes(0x01, 0x04, 0x00))).isInstanceOf(IOException.class);
    // Two entries for the same gap (a zero delta after the first).
    assertThatThrownBy(() -> decode(bytes(0x02, 0x04, 0x01, 0x00, 0x01)))
        .isInstanceOf(IOException.class);
    // A gap beyond Integer.MAX_VALUE: 2^31 = LEB128 80 80 80 80 08.
    assertThatThrownBy(() -> decode(bytes(0x01, 0x80, 0x80, 0x80, 0x80, 0x08, 0x01)))
        .isInstanceOf(IOException.class);
    // Counts whose total overflows a long.
    byte[] maxLong = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
    ByteArrayOutputStream twoMaxCounts = new ByteArrayOutputStream();
    twoMaxCounts.write(0x02);
    twoMaxCounts.write(0x00);
    twoMaxCounts.writeBytes(maxLong);
    twoMaxCounts.write(0x01);
    twoMaxCounts.writeBytes(maxLong);
    assertThatThrownBy(() -> decode(twoMaxCounts.toByteArray())).isInstanceOf(IOException.class);
  }

  @Test
  void javaSerializationRoundTrips() throws Exception {
    DayHistogram histogram = of(0, 3, 3, 41, 1200);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(histogram);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      DayHistogram copy = (DayHistogram) in.readObject();
      assertThat(copy).isEqualTo(histogram);
      assertThat(copy.median()).isEqualTo(3.0); // x = [0, 3, 3, 41, 1200], h = 2
      copy.add(7); // the copy is independent and still usable
      assertThat(histogram.count()).isEqualTo(5);
    }
  }
}
