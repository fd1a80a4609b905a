package org.offstats.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void permutationIsOneToOneOnItsBits() {
    Set<Long> seen = new HashSet<>();
    for (long value = 0; value < (1L << 16); value++) {
      long permuted = Ids.permute(value, 0x5DEECE66DL, 16);
      assertThat(permuted).isBetween(0L, (1L << 16) - 1);
      seen.add(permuted);
    }
    assertThat(seen).hasSize(1 << 16);
  }

  @Test
  void identifiersAreDistinctPseudonymsOfContractLength() {
    Ids ids = new Ids(7);
    Set<String> arrestIds = new HashSet<>();
    for (long i = 0; i < 50_000; i++) {
      arrestIds.add(ids.arrestId(i));
    }
    arrestIds.add(ids.arrestId(Ids.BAD_ROW_BASE));
    arrestIds.add(ids.arrestId(Ids.EARLIER_ARREST_BASE));
    assertThat(arrestIds).hasSize(50_002);
    assertThat(ids.arrestId(0)).matches("A[0-9a-f]{10}");
    assertThat(ids.personRef(0)).matches("P[0-9a-f]{12}");
    assertThat(ids.crimeRef(0)).matches("C[0-9a-f]{10}");
    assertThat(ids.orderRef(0)).matches("O[0-9a-f]{9}");
  }

  @Test
  void seedChangesEveryIdentifier() {
    assertThat(new Ids(1).arrestId(0)).isNotEqualTo(new Ids(2).arrestId(0));
    assertThat(new Ids(1).personRef(5)).isEqualTo(new Ids(1).personRef(5));
  }
}
