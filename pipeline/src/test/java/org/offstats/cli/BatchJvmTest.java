package org.offstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which commands go to the batch JVM, and with what command line; the processes themselves are in e2e/BatchJvmProcessTest. */
class BatchJvmTest {
  private static final String JAVA = "/opt/jdk/bin/java";
  private static final String JAR = "/home/analyst/offstats.jar";
  private static final String MAIN = "org.offstats.cli.Launcher";
  private static final long HEAP = 1536L * 1024 * 1024;
  private static final long PID = 4242;

  /** A JVM started as {@code java OPTIONS -jar offstats.jar run}, G1 chosen by the JVM, with -Xmx1536m. */
  private static BatchJvm.ThisJvm fromJar(List<String> options) {
    return new BatchJvm.ThisJvm(Optional.of(JAVA), options, JAR, JAR + " run", MAIN, true, OptionalLong.of(HEAP), false, true, PID, "");
  }

  private static Optional<List<String>> command(BatchJvm.ThisJvm jvm, String... args) {
    return BatchJvm.command(args, jvm);
  }

  @Test
  void aRunGoesToAParallelCollectorJvmWithTheUsersOptionsAndItsHeapFromTheStart() {
    Optional<List<String>> command =
        command(fromJar(List.of("-Xmx1536m", "-Dx=y", "-Dspaced=a b")), "run", "--input", "in dir", "--output", "out");

    assertThat(command)
        .contains(
            List.of(
                JAVA, "-Xmx1536m", "-Dx=y", "-Dspaced=a b", "-XX:+UseParallelGC", "-Xms1610612736", "-Doffstats.batchJvm=started",
                "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run", "--input", "in dir", "--output", "out"));
  }

  @Test
  void withoutAMaximumHeapTheJvmSizesItsHeapAsUsual() {
    BatchJvm.ThisJvm jvm = new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), JAR, JAR + " run", MAIN, true, OptionalLong.empty(), false, true, PID, "");

    assertThat(command(jvm, "run"))
        .contains(List.of(JAVA, "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run"));
  }

  @Test
  void anInitialHeapTheUserGaveIsKept() {
    BatchJvm.ThisJvm jvm =
        new BatchJvm.ThisJvm(Optional.of(JAVA), List.of("-Xms256m", "-Xmx1g"), JAR, JAR + " run", MAIN, true, OptionalLong.of(1L << 30), true, true, PID, "");

    assertThat(command(jvm, "run"))
        .contains(List.of(JAVA, "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run"));
  }

  @Test
  void aJarWhateverItsNameIsStartedAsAJarAndAClassPathAsAClassPath() {
    BatchJvm.ThisJvm renamed = new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), "/opt/offstats", "/opt/offstats run", MAIN, true, OptionalLong.empty(), false, true, PID, "");
    BatchJvm.ThisJvm oneJarAsClassPath =
        new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), JAR, MAIN + " run", MAIN, true, OptionalLong.empty(), false, true, PID, "");
    BatchJvm.ThisJvm classPath =
        new BatchJvm.ThisJvm(Optional.of(JAVA), List.of("--add-opens=java.base/java.nio=ALL-UNNAMED"), "a.jar:b.jar", MAIN + " run", MAIN, true,
            OptionalLong.empty(), false, true, PID, "");

    assertThat(command(renamed, "run").orElseThrow()).endsWith("-jar", "/opt/offstats", "run");
    assertThat(command(oneJarAsClassPath, "run").orElseThrow()).endsWith("-cp", JAR, MAIN, "run");
    assertThat(command(classPath, "run").orElseThrow())
        .containsSequence(JAVA, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+UseParallelGC")
        .endsWith("-cp", "a.jar:b.jar", MAIN, "run");
  }

  @Test
  void aCollectorTheUserOrASmallMachineChoseKeepsTheRunInThisJvm() {
    BatchJvm.ThisJvm notG1ByTheJvm = new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), JAR, JAR + " run", MAIN, false, OptionalLong.empty(), false, true, PID, "");

    assertThat(command(notG1ByTheJvm, "run")).isEmpty();
  }

  @Test
  void anOptionOfTheJvmTheUserStartedKeepsTheRunInIt() {
    for (String option :
        List.of(
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-agentpath:/opt/async-profiler/libasyncProfiler.so=start",
            "-javaagent:/opt/otel.jar",
            "-Xrunjdwp:transport=dt_socket",
            "-Xdebug",
            "-XX:StartFlightRecording=filename=run.jfr",
            "-XX:+FlightRecorder",
            "-Dcom.sun.management.jmxremote.port=9010",
            "-XX:ArchiveClassesAtExit=app.jsa",
            "-XX:DumpLoadedClassList=classes.txt",
            "-Xlog:gc:file=gc.log",
            "-Xlog:gc*:file=gc.log:time",
            "-Xlog:gc:gc.log",
            "-Xloggc:gc.log")) {
      assertThat(command(fromJar(List.of(option)), "run")).as(option).isEmpty();
    }
    for (String console : List.of("-Xlog:gc", "-Xlog:gc:stdout", "-Xlog:gc*:stderr:uptime", "-Xlog:gc::uptime", "-Xlog:disable")) {
      assertThat(command(fromJar(List.of(console)), "run")).as(console).isPresent();
    }
  }

  @Test
  void windowsOrARuntimeWithoutJavaKeepsTheRunInThisJvm() {
    BatchJvm.ThisJvm cannotStopGently = new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), JAR, JAR + " run", MAIN, true, OptionalLong.empty(), false, false, PID, "");
    BatchJvm.ThisJvm noJava = new BatchJvm.ThisJvm(Optional.empty(), List.of(), JAR, JAR + " run", MAIN, true, OptionalLong.empty(), false, true, PID, "");

    assertThat(command(cannotStopGently, "run")).isEmpty();
    assertThat(command(noJava, "run")).isEmpty();
  }

  @Test
  void thePropertyKeepsTheRunHereAndTheBatchJvmRunsItItself() {
    for (String value : List.of("off", "OFF", "false", "started")) {
      BatchJvm.ThisJvm jvm = new BatchJvm.ThisJvm(Optional.of(JAVA), List.of(), JAR, JAR + " run", MAIN, true, OptionalLong.empty(), false, true, PID, value);
      assertThat(command(jvm, "run")).as(value).isEmpty();
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
    assertThat(command(fromJar(List.of()), "run", "--runner=DirectRunner")).isPresent();
    assertThat(command(fromJar(List.of()), "run", "--runner=directrunner")).isPresent();
    assertThat(command(fromJar(List.of()), "run", "--runner=FlinkRunner", "--parallelism=2")).isEmpty();
  }

  @Test
  void theOptionVariablesAreNotReadTwice() {
    Map<String, String> environment =
        new HashMap<>(Map.of("JDK_JAVA_OPTIONS", "-Xmx1g", "JAVA_TOOL_OPTIONS", "-Da=b", "_JAVA_OPTIONS", "-Dc=d", "HOME", "/home/analyst"));

    BatchJvm.withoutOptionVariables(environment);

    assertThat(environment).containsExactly(Map.entry("HOME", "/home/analyst"));
  }

  @Test
  void thisJvmDescribesItself() {
    BatchJvm.ThisJvm jvm = BatchJvm.ThisJvm.current(MAIN);

    assertThat(jvm.java()).hasValueSatisfying(java -> assertThat(java).startsWith(System.getProperty("java.home")));
    assertThat(jvm.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(jvm.classPath()).isEqualTo(System.getProperty("java.class.path"));
    assertThat(jvm.inputArguments()).isEqualTo(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
