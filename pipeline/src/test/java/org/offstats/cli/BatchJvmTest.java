package org.offstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which commands go to the batch JVM, and with what command line; the processes themselves are in e2e/BatchJvmProcessTest. */
class BatchJvmTest {
  private static final String JAVA = "/opt/jdk/bin/java";
  private static final String JAR = "/home/analyst/offstats.jar";
  private static final String MAIN = "org.offstats.cli.Launcher";
  private static final long HEAP = 1536L * 1024 * 1024;

  /** A JVM started as {@code java OPTIONS -jar offstats.jar ARGS}, with the flags in {@code userSet} given by the user. */
  private static BatchJvm.ThisJvm fromJar(List<String> options, Set<String> userSet, OptionalLong maxHeap, String property) {
    return new BatchJvm.ThisJvm("/opt/jdk", options, JAR, MAIN, userSet::contains, maxHeap, property);
  }

  private static BatchJvm.ThisJvm fromJar(List<String> options) {
    return fromJar(options, Set.of("MaxHeapSize"), OptionalLong.of(HEAP), "");
  }

  @Test
  void aRunGoesToAParallelCollectorJvmWithTheUsersOptionsAndItsHeapFromTheStart() {
    Optional<List<String>> command =
        BatchJvm.command(new String[] {"run", "--input", "in dir", "--output", "out"}, fromJar(List.of("-Xmx1536m", "-Dx=y")));

    assertThat(command)
        .contains(
            List.of(
                JAVA, "-Xmx1536m", "-Dx=y", "-XX:+UseParallelGC", "-Xms1610612736", "-Doffstats.batchJvm=started",
                "-jar", JAR, "run", "--input", "in dir", "--output", "out"));
  }

  @Test
  void withoutAMaximumHeapTheJvmSizesItsHeapAsUsual() {
    BatchJvm.ThisJvm jvm = fromJar(List.of(), Set.of(), OptionalLong.empty(), "");

    assertThat(BatchJvm.command(new String[] {"run"}, jvm))
        .contains(List.of(JAVA, "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-jar", JAR, "run"));
  }

  @Test
  void anInitialHeapTheUserGaveIsKept() {
    BatchJvm.ThisJvm jvm = fromJar(List.of("-Xms256m", "-Xmx1g"), Set.of("MaxHeapSize", "InitialHeapSize"), OptionalLong.of(1L << 30), "");

    assertThat(BatchJvm.command(new String[] {"run"}, jvm))
        .contains(List.of(JAVA, "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-jar", JAR, "run"));
  }

  @Test
  void startedWithAClassPathTheBatchJvmGetsTheSameClassPathAndTheLauncher() {
    BatchJvm.ThisJvm jvm =
        new BatchJvm.ThisJvm(
            "/opt/jdk", List.of("--add-opens=java.base/java.nio=ALL-UNNAMED"), "a.jar:b.jar", MAIN, flag -> false,
            OptionalLong.empty(), "");

    assertThat(BatchJvm.command(new String[] {"run"}, jvm))
        .contains(
            List.of(
                JAVA, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+UseParallelGC", "-Doffstats.batchJvm=started",
                "-cp", "a.jar:b.jar", MAIN, "run"));
  }

  @Test
  void aCollectorTheUserChoseKeepsTheRunInTheirJvm() {
    for (String flag : List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC")) {
      BatchJvm.ThisJvm jvm = fromJar(List.of("-XX:+" + flag), Set.of(flag), OptionalLong.empty(), "");
      assertThat(BatchJvm.command(new String[] {"run"}, jvm)).as(flag).isEmpty();
    }
  }

  @Test
  void anAgentDebuggerOrRecordingKeepsTheRunInTheJvmItWatches() {
    for (String option :
        List.of(
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-agentpath:/opt/async-profiler/libasyncProfiler.so=start",
            "-javaagent:/opt/otel.jar",
            "-Xrunjdwp:transport=dt_socket",
            "-Xdebug",
            "-XX:StartFlightRecording=filename=run.jfr",
            "-XX:+FlightRecorder")) {
      assertThat(BatchJvm.command(new String[] {"run"}, fromJar(List.of(option)))).as(option).isEmpty();
    }
  }

  @Test
  void thePropertyKeepsTheRunHereAndTheBatchJvmRunsItItself() {
    for (String value : List.of("off", "OFF", "false", "started")) {
      BatchJvm.ThisJvm jvm = fromJar(List.of(), Set.of(), OptionalLong.empty(), value);
      assertThat(BatchJvm.command(new String[] {"run"}, jvm)).as(value).isEmpty();
    }
  }

  @Test
  void onlyRunGoesToTheBatchJvm() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"--version"},
            new String[] {"generate", "--output", "x"},
            new String[] {"verify", "runs/x"},
            new String[] {"show", "runs/x", "charge_rates"},
            new String[] {"report", "runs/x"})) {
      assertThat(BatchJvm.command(args, fromJar(List.of()))).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void onlyARunOnTheDirectRunnerGoesToTheBatchJvm() {
    assertThat(BatchJvm.command(new String[] {"run", "--runner=DirectRunner"}, fromJar(List.of()))).isPresent();
    assertThat(BatchJvm.command(new String[] {"run", "--runner=directrunner"}, fromJar(List.of()))).isPresent();
    assertThat(BatchJvm.command(new String[] {"run", "--runner=FlinkRunner", "--parallelism=2"}, fromJar(List.of()))).isEmpty();
  }

  @Test
  void theOptionVariablesAreNotReadTwice() {
    Map<String, String> environment = new HashMap<>(Map.of("JDK_JAVA_OPTIONS", "-Xmx1g", "JAVA_TOOL_OPTIONS", "-Da=b", "HOME", "/home/analyst"));

    BatchJvm.withoutOptionVariables(environment);

    assertThat(environment).containsExactly(Map.entry("HOME", "/home/analyst"));
  }
}
