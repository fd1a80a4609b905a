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
  void sortingAList() {
    List<String> values = new ArrayList<>(List.of(GRINNING, "b", REPLACEMENT, "", "ab", "a", "\u00E9", "B"));
    values.sort(CodePointOrder.COMPARATOR);
    assertThat(values).containsExactly("", "B", "a", "ab", "b", "\u00E9", REPLACEMENT, GRINNING);
  }
}
