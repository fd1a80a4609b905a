package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.jupiter.api.Test;

/** The DirectRunner settings a run gets unless the user gives them (README "Speed"). */
class BeamOptionsTest {

  private static DirectOptions direct(List<String> args, boolean checks) {
    return RunCommandRunner.beamOptions(args, checks).as(DirectOptions.class);
  }

  @Test
  void aRunHasOneWorkerThreadAndNoInputChecksUnlessTheTestSuiteAsks() {
    DirectOptions run = direct(List.of(), false);
    assertThat(run.getTargetParallelism()).isEqualTo(1);
    assertThat(run.isEnforceImmutability()).isFalse();
    assertThat(run.isEnforceEncodability()).isFalse();

    DirectOptions tests = direct(List.of(), true);
    assertThat(tests.isEnforceImmutability()).isTrue();
    assertThat(tests.isEnforceEncodability()).isTrue();
  }

  @Test
  void whatTheUserGivesIsKept() {
    DirectOptions given = direct(List.of("--targetParallelism=4", "--enforceImmutability=true", "--enforceEncodability"), false);
    assertThat(given.getTargetParallelism()).isEqualTo(4);
    assertThat(given.isEnforceImmutability()).isTrue();
    assertThat(given.isEnforceEncodability()).isTrue();

    DirectOptions off = direct(List.of("--enforceImmutability=false"), true);
    assertThat(off.isEnforceImmutability()).isFalse();
    assertThat(off.isEnforceEncodability()).as("not given: the suite's setting").isTrue();
  }
}
