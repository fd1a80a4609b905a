package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys numbered in order of first appearance, exactly: checked against a HashMap doing the same. */
class KeyNumbersTest {

  @Test
  void numbersKeysInOrderOfFirstAppearance() {
    KeyNumbers numbers = new KeyNumbers();
    assertThat(numbers.numberOf("P-2")).isZero();
    assertThat(numbers.numberOf("P-1")).isEqualTo(1);
    assertThat(numbers.numberOf("P-2")).isZero();
    assertThat(numbers.numberOf("")).isEqualTo(2);
    assertThat(numbers.size()).isEqualTo(3);
    assertThat(numbers.find("P-1")).isEqualTo(1);
    assertThat(numbers.find("P-3")).isEqualTo(-1);
    assertThat(numbers.key(0)).isEqualTo("P-2");
    assertThat(numbers.key(2)).isEmpty();
    assertThatThrownBy(() -> numbers.key(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void keysWithTheSameHashAreStillDifferentKeys() {
    // "Aa" and "BB" have the same String.hashCode, and so do all their concatenations
    KeyNumbers numbers = new KeyNumbers();
    String[] parts = {"Aa", "BB"};
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 1 << 10; i++) {
      StringBuilder key = new StringBuilder();
      for (int bit = 0; bit < 10; bit++) {
        key.append(parts[(i >> bit) & 1]);
      }
      assertThat(key.toString().hashCode()).isEqualTo("AaAaAaAaAaAaAaAaAaAa".hashCode());
      expected.put(key.toString(), expected.size());
      assertThat(numbers.numberOf(key.toString())).isEqualTo(expected.get(key.toString()));
    }
    expected.forEach((key, number) -> assertThat(numbers.find(key)).isEqualTo(number));
    assertThat(numbers.size()).isEqualTo(1 << 10);
  }

  @Test
  void agreesWithAHashMapOverManyKeysAcrossStorageChunks() {
    Random random = new Random(11);
    KeyNumbers numbers = new KeyNumbers();
    Map<String, Integer> expected = new HashMap<>();
    long characters = 0;
    for (int i = 0; i < 300_000; i++) {
      // short identifiers, repeated often, with now and then a long one or one beyond Latin-1
      String key = random.nextInt(1000) == 0
          ? "long-" + "x".repeat(random.nextInt(3000)) + random.nextInt(50)
          : (random.nextInt(200) == 0 ? "\u00e9\ud83d\ude00" : "A") + Integer.toHexString(random.nextInt(150_000));
      Integer number = expected.putIfAbsent(key, expected.size());
      if (number == null) {
        characters += key.length();
      }
      assertThat(numbers.numberOf(key)).isEqualTo(number == null ? expected.size() - 1 : number);
    }
    assertThat(characters).as("the keys fill more than one chunk").isGreaterThan(KeyNumbers.CHUNK_CHARS);
    assertThat(numbers.size()).isEqualTo(expected.size());
    expected.forEach((key, number) -> {
      assertThat(numbers.find(key)).isEqualTo(number);
      assertThat(numbers.key(number)).isEqualTo(key);
    });
    assertThat(numbers.find("not there")).isEqualTo(-1);
  }

  @Test
  void aKeyLongerThanAChunkGetsOneOfItsOwn() {
    KeyNumbers numbers = new KeyNumbers();
    String huge = "k".repeat(KeyNumbers.CHUNK_CHARS + 5);
    assertThat(numbers.numberOf("a")).isZero();
    assertThat(numbers.numberOf(huge)).isEqualTo(1);
    assertThat(numbers.numberOf("b")).isEqualTo(2);
    assertThat(numbers.numberOf(huge + "")).isEqualTo(1);
    assertThat(numbers.key(1)).isEqualTo(huge);
    assertThat(numbers.key(2)).isEqualTo("b");
  }

  @Test
  void makingRoomAndPrefetchingChangeNoNumber() {
    Random random = new Random(5);
    KeyNumbers numbers = new KeyNumbers();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      if (i == 1_000) {
        numbers.expect(40_000); // room made midway, with keys already numbered
      }
      if (i == 30_000) {
        numbers.expect(10); // less than there is: nothing to do
      }
      String key = "P" + Integer.toHexString(random.nextInt(60_000));
      numbers.prefetch(key);
      numbers.prefetch("never numbered " + i);
      Integer number = expected.putIfAbsent(key, expected.size());
      assertThat(numbers.numberOf(key)).isEqualTo(number == null ? expected.size() - 1 : number);
    }
    assertThat(numbers.size()).isEqualTo(expected.size());
    expected.forEach((key, number) -> assertThat(numbers.find(key)).isEqualTo(number));
  }

  @Test
  void keysBeyondLatin1AreNeverTakenForTheirLatin1LookAlikes() {
    KeyNumbers numbers = new KeyNumbers();
    // U+0141 keeps 0x41 ('A') in its low byte, and U+0100 is one past Latin-1
    assertThat(numbers.numberOf("A1")).isZero();
    assertThat(numbers.numberOf("\u01411")).isEqualTo(1);
    assertThat(numbers.numberOf("\u0100")).isEqualTo(2);
    assertThat(numbers.numberOf("\u00ff")).isEqualTo(3);
    assertThat(numbers.find("A1")).isZero();
    assertThat(numbers.find("\u01411")).isEqualTo(1);
    assertThat(numbers.key(1)).isEqualTo("\u01411");
    assertThat(numbers.key(2)).isEqualTo("\u0100");
    assertThat(numbers.key(3)).isEqualTo("\u00ff");
    String longKey = "x".repeat(70) + "\u0141";
    assertThat(numbers.numberOf(longKey)).isEqualTo(4);
    assertThat(numbers.numberOf("x".repeat(70) + "A")).isEqualTo(5);
    assertThat(numbers.key(4)).isEqualTo(longKey);
  }
}
