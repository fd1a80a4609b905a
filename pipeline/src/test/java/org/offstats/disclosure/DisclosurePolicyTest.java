package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.offstats.extract.InputException;

class DisclosurePolicyTest {
  private static DisclosurePolicy read(String json) {
    return DisclosurePolicy.read(json.getBytes(StandardCharsets.UTF_8), "policy.json");
  }

  @Test
  void bundledPolicyFollowsReferenceSection7() {
    DisclosurePolicy policy = DisclosurePolicy.bundled();
    assertThat(policy.threshold()).isEqualTo(10);
    assertThat(policy.suppressZeros()).isFalse();
    assertThat(policy.roundingBase()).isEmpty();
    assertThat(policy.sha256()).hasSize(64);
  }

  @Test
  void smallMeansOneToBelowTheThreshold() {
    DisclosurePolicy policy = read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false}");
    assertThat(policy.isSmall(0)).isFalse();
    assertThat(policy.isSmall(1)).isTrue();
    assertThat(policy.isSmall(9)).isTrue();
    assertThat(policy.isSmall(10)).isFalse();
    assertThat(read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":true}").isSmall(0)).isTrue();
  }

  @Test
  void roundingToABaseHalvesUp() {
    DisclosurePolicy five = read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false,\"rounding_base\":5}");
    assertThat(five.published(12)).isEqualTo(10);
    assertThat(five.published(13)).isEqualTo(15);
    assertThat(five.published(10)).isEqualTo(10);
    DisclosurePolicy ten = read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false,\"rounding_base\":10}");
    assertThat(ten.published(15)).isEqualTo(20);
    assertThat(ten.published(14)).isEqualTo(10);
    assertThat(DisclosureAudit.publishedRange(13, five)).containsExactly(13, 17);
    assertThat(DisclosureAudit.publishedRange(15, ten)).containsExactly(15, 24);
  }

  @Test
  void badSettingsAreInputErrors() {
    assertThatThrownBy(() -> read("{\"version\":2,\"threshold\":10,\"suppress_zeros\":false}")).isInstanceOf(InputException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> read("{\"version\":1,\"threshold\":0,\"suppress_zeros\":false}")).hasMessageContaining("threshold");
    assertThatThrownBy(() -> read("{\"version\":1,\"threshold\":10}")).hasMessageContaining("suppress_zeros");
    assertThatThrownBy(() -> read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false,\"rounding_base\":20}")).hasMessageContaining("rounding_base");
    assertThatThrownBy(() -> read("{\"version\":1,\"threshold\":10,\"suppress_zeros\":false,\"treshold\":5}")).hasMessageContaining("unknown setting 'treshold'");
    assertThatThrownBy(() -> read("{not json")).hasMessageStartingWith("policy.json: not valid JSON");
  }
}
