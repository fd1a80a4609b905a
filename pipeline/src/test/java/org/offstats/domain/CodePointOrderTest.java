package org.offstats.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OUTPUTS.md "Determinism": rows sort with strings by Unicode code point. */
class CodePointOrderTest {
  private static final String GRINNING = new String(Character.toChars(0x1F600)); // U+1F600
  private static final String REPLACEMENT = "\uFFFD";
  private static final String PRIVATE_USE = "\uE000";

  @Test
  void aSupplementaryCharacterSortsAfterTheEndOfTheBasicPlane() {
    assertThat(CodePointOrder.compare(GRINNING, REPLACEMENT)).isPositive();
    assertThat(CodePointOrder.compare(REPLACEMENT, GRINNING)).isNegative();
    assertThat(CodePointOrder.compare(GRINNING, PRIVATE_USE)).isPositive();
    // String.compareTo compares UTF-16 units: the high surrogate 0xD83D is below 0xFFFD.
    assertThat(GRINNING.compareTo(REPLACEMENT)).isNegative();
  }

  @Test
  void theSameHoldsAfterACommonPrefix() {
    assertThat(CodePointOrder.compare("Rape " + GRINNING, "Rape " + REPLACEMENT)).isPositive();
    assertThat(CodePointOrder.compare("a" + GRINNING + "b", "a" + GRINNING + "c")).isNegative();
  }

  @Test
  void aPrefixSortsFirst() {
    assertThat(CodePointOrder.compare("Rape", "Rape of a female")).isNegative();
    assertThat(CodePointOrder.compare("Rape of a female", "Rape")).isPositive();
    assertThat(CodePointOrder.compare("", "a")).isNegative();
    assertThat(CodePointOrder.compare(GRINNING, GRINNING + "a")).isNegative();
  }

  @Test
  void equalStringsCompareEqual() {
    assertThat(CodePointOrder.compare("", "")).isZero();
    assertThat(CodePointOrder.compare("VAWG" + GRINNING, "VAWG" + GRINNING)).isZero();
  }

  @Test
  void asciiIsByteOrderCaseSensitive() {
    assertThat(CodePointOrder.compare("Z", "a")).isNegative();
    assertThat(CodePointOrder.compare("All offences", "all")).isNegative();
    assertThat(CodePointOrder.compare("2021-22", "2021-3")).isNegative();
  }

  @Test
  void loneSurrogatesCompareAsTheirOwnCodePoints() {
    // a lone low surrogate (U+DC00) is below U+E000; a lone high one is a prefix of a pair
    assertThat(CodePointOrder.compare("x\uDC00", "x\uE000")).isNegative();
    assertThat(CodePointOrder.compare("\uD83D", GRINNING)).isNegative();
    assertThat(CodePointOrder.compare("\uD83Dz", GRINNING)).isNegative();
    assertThat(CodePointOrder.compare("a\uD83D" + "b", "a" + GRINNING)).isNegative();
  }

  @Test
  void agreesWithComparingCodePointArrays() {
    char[] alphabet = {'a', 'b', '\u00E9', '\uE000', '\uFFFD', '\uD83D', '\uDE00', '\uDC00'};
    java.util.Random random = new java.util.Random(1);
    for (int n = 0; n < 50_000; n++) {
      String a = randomString(random, alphabet);
      String b = random.nextInt(4) == 0 ? a + randomString(random, alphabet) : randomString(random, alphabet);
      int expected = Integer.signum(java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
      assertThat(Integer.signum(CodePointOrder.compare(a, b))).as("%s against %s", a, b).isEqualTo(expected);
      assertThat(Integer.signum(CodePointOrder.compare(b, a))).isEqualTo(-expected);
    }
  }

  private static String randomString(java.util.Random random, char[] alphabet) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }

  @Test
  void sortingAList() {
    List<String> values = new ArrayList<>(List.of(GRINNING, "b", REPLACEMENT, "", "ab", "a", "\u00E9", "B"));
    values.sort(CodePointOrder.COMPARATOR);
    assertThat(values).containsExactly("", "B", "a", "ab", "b", "\u00E9", REPLACEMENT, GRINNING);
  }
}
