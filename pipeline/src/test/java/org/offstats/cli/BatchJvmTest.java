package org.offstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which commands go to the batch JVM, and with what command line; the processes themselves are in e2e/BatchJvmProcessTest. */
class BatchJvmTest {
  private static final String JAVA = "/opt/jdk/bin/java";
  private static final String JAR = "/home/analyst/offstats.jar";
  private static final String MAIN = "org.offstats.cli.Launcher";

  /** A JVM as a test describes it: by default {@code java -jar offstats.jar run}, G1 chosen by the JVM, pid 4242. */
  private static final class Jvm {
    Optional<String> java = Optional.of(JAVA);
    List<String> options = List.of();
    String classPath = JAR;
    String javaCommand = JAR + " run";
    boolean g1ByTheJvm = true;
    OptionalLong maxHeap = OptionalLong.empty();
    boolean initialHeapGiven;
    boolean stopsGently = true;
    String property = "";
  }

  private static BatchJvm.ThisJvm jvm(Consumer<Jvm> change) {
    Jvm jvm = new Jvm();
    change.accept(jvm);
    return new BatchJvm.ThisJvm(jvm.java, jvm.options, jvm.classPath, jvm.javaCommand, MAIN, jvm.g1ByTheJvm, jvm.maxHeap,
        jvm.initialHeapGiven, jvm.stopsGently, 4242, jvm.property);
  }

  private static BatchJvm.ThisJvm withOptions(List<String> options) {
    return jvm(j -> j.options = options);
  }

  private static Optional<List<String>> command(BatchJvm.ThisJvm jvm, String... args) {
    return BatchJvm.command(args, jvm);
  }

  @Test
  void aRunGoesToAParallelCollectorJvmWithTheUsersOptionsAndItsHeapFromTheStart() {
    BatchJvm.ThisJvm jvm = jvm(j -> {
      j.options = List.of("-Xmx1536m", "-Dx=y", "-Dspaced=a b");
      j.maxHeap = OptionalLong.of(1536L * 1024 * 1024);
    });

    assertThat(command(jvm, "run", "--input", "in dir", "--output", "out"))
        .contains(
            List.of(
                JAVA, "-Xmx1536m", "-Dx=y", "-Dspaced=a b", "-XX:+UseParallelGC", "-Xms1610612736", "-Doffstats.batchJvm=started",
                "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run", "--input", "in dir", "--output", "out"));
  }

  @Test
  void withoutAMaximumHeapTheJvmSizesItsHeapAsUsual() {
    assertThat(command(jvm(j -> { }), "run"))
        .contains(List.of(JAVA, "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run"));
  }

  @Test
  void anInitialHeapTheUserGaveIsKept() {
    BatchJvm.ThisJvm jvm = jvm(j -> {
      j.options = List.of("-Xms256m", "-Xmx1g");
      j.maxHeap = OptionalLong.of(1L << 30);
      j.initialHeapGiven = true;
    });

    assertThat(command(jvm, "run"))
        .contains(List.of(JAVA, "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Doffstats.batchJvm=started", "-Doffstats.batchJvm.launcher=4242", "-jar", JAR, "run"));
  }

  @Test
  void aJarWhateverItsNameIsStartedAsAJarAndAClassPathAsAClassPath() {
    BatchJvm.ThisJvm renamed = jvm(j -> {
      j.classPath = "/opt/offstats";
      j.javaCommand = "/opt/offstats run";
    });
    BatchJvm.ThisJvm oneJarAsClassPath = jvm(j -> j.javaCommand = MAIN + " run");
    BatchJvm.ThisJvm classPath = jvm(j -> {
      j.options = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED");
      j.classPath = "a.jar:b.jar";
      j.javaCommand = MAIN + " run";
    });

    assertThat(command(renamed, "run").orElseThrow()).endsWith("-jar", "/opt/offstats", "run");
    assertThat(command(oneJarAsClassPath, "run").orElseThrow()).endsWith("-cp", JAR, MAIN, "run");
    assertThat(command(classPath, "run").orElseThrow())
        .containsSequence(JAVA, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+UseParallelGC")
        .endsWith("-cp", "a.jar:b.jar", MAIN, "run");
  }

  @Test
  void aCollectorTheUserOrASmallMachineChoseKeepsTheRunInThisJvm() {
    assertThat(command(jvm(j -> j.g1ByTheJvm = false), "run")).isEmpty();
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
      assertThat(command(withOptions(List.of(option)), "run")).as(option).isEmpty();
    }
    for (String console : List.of("-Xlog:gc", "-Xlog:gc:stdout", "-Xlog:gc*:stderr:uptime", "-Xlog:gc::uptime", "-Xlog:disable")) {
      assertThat(command(withOptions(List.of(console)), "run")).as(console).isPresent();
    }
  }

  @Test
  void windowsOrARuntimeWithoutJavaKeepsTheRunInThisJvm() {
    assertThat(command(jvm(j -> j.stopsGently = false), "run")).isEmpty();
    assertThat(command(jvm(j -> j.java = Optional.empty()), "run")).isEmpty();
  }

  @Test
  void thePropertyKeepsTheRunHereAndTheBatchJvmRunsItItself() {
    for (String value : List.of("off", "OFF", "false", "started")) {
      assertThat(command(jvm(j -> j.property = value), "run")).as(value).isEmpty();
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
      assertThat(BatchJvm.command(args, jvm(j -> { }))).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void onlyARunOnTheDirectRunnerGoesToTheBatchJvm() {
    assertThat(command(jvm(j -> { }), "run", "--runner=DirectRunner")).isPresent();
    assertThat(command(jvm(j -> { }), "run", "--runner=directrunner")).isPresent();
    assertThat(command(jvm(j -> { }), "run", "--runner=FlinkRunner", "--parallelism=2")).isEmpty();
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
