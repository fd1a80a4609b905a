package org.offstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.offstats.cli.Launcher;
import org.offstats.generate.SyntheticExtracts;
import org.offstats.run.RunCommandRunner;
import org.offstats.run.RunLayout;

/**
 * Issue #6: {@code java -jar offstats.jar run} runs its job in a second JVM with the Parallel
 * collector and the user's JVM options (cli/BatchJvm), writes the same bytes as a run in the JVM
 * the user started, passes on exit codes and errors, stops its run when stopped, and takes it down
 * when killed outright. The jar here holds only a manifest, as offstats.jar's (its main class,
 * java.nio opened), whose class path is this test's, as in {@link ReadmeWalkthroughTest}.
 */
@EnabledOnOs(OS.LINUX) // the processes' command lines are read from /proc
class BatchJvmProcessTest {
  private static final String AS_AT = "2025-10-31";
  private static final String BATCH_JVM = "-Doffstats.batchJvm=started";

  /** A finished command: its exit code, what it printed, and the command lines of the JVMs it started. */
  record Launch(int exitCode, String printed, List<List<String>> jobJvms) {}

  @Test
  void theBatchJvmGetsTheUsersOptionsAndWritesTheSameBytesAsTheirOwnJvm(@TempDir Path dir) throws Exception {
    Path jar = launcherJar(dir);
    Path input = dir.resolve("input");
    SyntheticExtracts.write(input, 2000, 31, true);
    Path inOwnJvm = dir.resolve("own");
    Path inBatchJvm = dir.resolve("batch");

    // started with a class path and OffstatsCli, as a test harness or a debugger does: no second JVM
    Launch own = launch(ChildJvm.offstats(List.of("-Xmx600m"), "run", "--input", input.toString(), "--output", inOwnJvm.toString(), "--as-at", AS_AT));
    // options from the environment, and with a space in them, reach the batch JVM once, as given
    Launch batch = launch(fromJar(jar, List.of("-Xmx600m", "-Dprobe=a b"), "run", "--input", input.toString(), "--output", inBatchJvm.toString(), "--as-at", AS_AT),
        Map.of("JAVA_TOOL_OPTIONS", "-Dtool=once"));

    assertThat(own.exitCode()).as(own.printed()).isZero();
    assertThat(own.jobJvms()).isEmpty();
    assertThat(batch.exitCode()).as(batch.printed()).isZero();
    assertThat(batch.jobJvms()).hasSize(1);
    assertThat(batch.jobJvms().get(0))
        .startsWith(java())
        .contains("-Xmx600m", "-Dprobe=a b", "-XX:+UseParallelGC", "-Xms" + 600L * 1024 * 1024, BATCH_JVM)
        .containsOnlyOnce("-Dtool=once")
        .endsWith("-jar", jar.toString(), "run", "--input", input.toString(), "--output", inBatchJvm.toString(), "--as-at", AS_AT);
    assertThat(batch.printed()).contains("offstats run: wrote 13 tables").doesNotContain("offstats: note:");
    assertThat(batch.printed().lines().filter(line -> line.startsWith("Picked up JAVA_TOOL_OPTIONS"))).hasSize(1);

    List<Path> files = runFiles(inOwnJvm);
    assertThat(files).contains(Path.of("publish", "headlines.parquet"), Path.of("restricted", "rejects", "arrests.csv"));
    assertThat(runFiles(inBatchJvm)).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.mismatch(inOwnJvm.resolve(file), inBatchJvm.resolve(file))).as(file.toString()).isEqualTo(-1L);
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwoFromTheBatchJvm(@TempDir Path dir) throws Exception {
    Path jar = launcherJar(dir);
    Path missing = dir.resolve("no-such-folder");

    Launch launch = launch(fromJar(jar, List.of(), "run", "--input", missing.toString(), "--output", dir.resolve("out").toString()));

    assertThat(launch.jobJvms()).hasSize(1);
    assertThat(launch.exitCode()).isEqualTo(2);
    assertThat(launch.printed().strip()).startsWith("offstats: error: ").contains(missing.toString()).doesNotContain("\n");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aCollectorTheUserOrTheJvmChoseOtherThanG1KeepsTheRunInTheirJvm(@TempDir Path dir) throws Exception {
    Path jar = launcherJar(dir);
    Path missing = dir.resolve("no-such-folder");

    // the user's choice; the JVM's own on a small machine (one core, or under 1,792 MB)
    for (String option : List.of("-XX:+UseSerialGC", "-XX:+NeverActAsServerClassMachine")) {
      Launch launch = launch(fromJar(jar, List.of(option), "run", "--input", missing.toString(), "--output", dir.resolve("out").toString()));

      assertThat(launch.jobJvms()).as(option).isEmpty();
      assertThat(launch.exitCode()).as(option).isEqualTo(2);
      assertThat(launch.printed().strip()).as(option).startsWith("offstats: error: ").doesNotContain("\n");
    }
  }

  @Test
  void stoppingTheLauncherStopsTheRunWhichCleansUp(@TempDir Path dir) throws Exception {
    Running run = runningFromJar(dir, 32);

    run.launcher().destroy(); // SIGTERM

    assertThat(run.launcher().waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(run.job().isAlive()).as("the run stopped before its launcher").isFalse();
    String printed = Files.readString(run.log());
    assertThat(run.launcher().exitValue()).as(printed).isEqualTo(143);
    assertThat(run.output()).as(printed).doesNotExist();
    assertThat(KilledRunTest.temporaryFolders(run.runs())).as(printed).isEmpty();
    assertThat(printed).doesNotContain("\tat ").doesNotContain("could not remove");
  }

  @Test
  void killingTheLauncherOutrightStopsTheRunAtOnceAndTheNextRunRemovesItsFolder(@TempDir Path dir) throws Exception {
    Running run = runningFromJar(dir, 33);
    Path runs = run.runs();
    Path output = run.output();
    ProcessHandle job = run.job();

    run.launcher().destroyForcibly(); // SIGKILL: no shutdown hook of the launcher runs

    assertThat(run.launcher().waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(job.onExit().get(1, TimeUnit.MINUTES).isAlive()).isFalse();
    String printed = Files.readString(run.log());
    assertThat(printed).contains("offstats: the process that started this run was killed; stopping the run at once").doesNotContain("\tat ");
    assertThat(output).as(printed).doesNotExist();
    // no clean-up, as for a run killed outright: its folder stays, its lock naming the run's process
    List<String> strays = KilledRunTest.temporaryFolders(runs);
    assertThat(strays).as(printed).hasSize(1);
    Path stray = runs.resolve(strays.get(0));
    assertThat(Files.readString(stray.resolve(RunLayout.LOCK))).startsWith("pid=" + job.pid() + "\n");

    Path quickInput = Fixtures.copy(HandWorkedExpectations.FIXTURE, dir.resolve("quick-input"));
    Cli.Result later = Cli.run("run", "--input", quickInput.toString(), "--output", output.toString(), "--as-at", AS_AT);

    assertThat(later.exitCode()).as(later.describe()).isZero();
    assertThat(later.stderr()).contains("offstats: removed stray temporary folder " + stray + " left by an interrupted run (pid " + job.pid() + ")");
    assertThat(KilledRunTest.temporaryFolders(runs)).isEmpty();
  }

  /** A run started from the jar, its launcher and its job's JVM, caught as it writes a table into {@code runs/}. */
  record Running(Process launcher, ProcessHandle job, Path runs, Path output, Path log) {}

  private static Running runningFromJar(Path dir, int seed) throws Exception {
    Path jar = launcherJar(dir);
    Path input = dir.resolve("input");
    // big enough that the run goes on for seconds after its first table
    SyntheticExtracts.write(input, 5000, seed, true);
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Path output = runs.resolve("out");
    Path log = dir.resolve("run.log");
    Process launcher = start(fromJar(jar, List.of(), "run", "--input", input.toString(), "--output", output.toString(), "--as-at", AS_AT), log);
    return new Running(launcher, jobJvmOnceATableIsWritten(launcher, runs, log), runs, output, log);
  }

  /** The job's JVM of a run started by {@code launcher}, once the run writes a table into {@code runs}. */
  private static ProcessHandle jobJvmOnceATableIsWritten(Process launcher, Path runs, Path log) throws Exception {
    Optional<ProcessHandle> job = Optional.empty();
    long started = System.nanoTime();
    while (launcher.isAlive() && (job.isEmpty() || KilledRunTest.filesNamed(runs, ".parquet") == 0)
        && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2)) {
      job = launcher.descendants().filter(h -> commandLine(h).orElse(List.of()).contains(BATCH_JVM)).findFirst();
      Thread.sleep(10);
    }
    assertThat(launcher.isAlive()).as("the run was still going; it printed:%n%s", Files.readString(log)).isTrue();
    assertThat(job).as("the job's JVM; the launcher printed:%n%s", Files.readString(log)).isPresent();
    return job.get();
  }

  /**
   * {@code java <the test's DirectRunner checks> OPTIONS -jar JAR ARGS}, on a JVM that chooses G1
   * as on a machine of 2 cores and 1,792 MB or more, whatever machine the tests run on.
   */
  private static List<String> fromJar(Path jar, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-XX:+AlwaysActAsServerClassMachine");
    command.add("-D" + RunCommandRunner.DIRECT_RUNNER_CHECKS + "=" + System.getProperty(RunCommandRunner.DIRECT_RUNNER_CHECKS, "false"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A jar holding only a manifest like offstats.jar's, whose class path is this test's. */
  private static Path launcherJar(Path dir) throws IOException {
    Path jar = dir.resolve("offstats.jar");
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
    attributes.put(new Attributes.Name("Add-Opens"), "java.base/java.nio");
    attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
        .collect(Collectors.joining(" ")));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.finish();
    }
    return jar;
  }

  private static Process start(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static Launch launch(List<String> command) throws IOException, InterruptedException {
    return launch(command, Map.of());
  }

  /** Runs the command to its end, with {@code environment} added to this one's, noting the JVMs it starts. */
  private static Launch launch(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    Path log = Files.createTempFile("offstats-launch", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      // by process id: a child is first the JDK's spawn helper, then (same id) the java it starts
      Map<Long, List<String>> jobJvms = new TreeMap<>();
      while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(h -> commandLine(h).filter(BatchJvmProcessTest::isJava).ifPresent(line -> jobJvms.put(h.pid(), line)));
      }
      return new Launch(process.exitValue(), Files.readString(log), List.copyOf(jobJvms.values()));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean isJava(List<String> commandLine) {
    return !commandLine.isEmpty() && Path.of(commandLine.get(0)).getFileName().toString().equals("java");
  }

  /**
   * A process's command line, program first, from Linux's /proc: {@code ProcessHandle.Info} gives
   * no arguments for a command line as long as the tests' class path.
   */
  private static Optional<List<String>> commandLine(ProcessHandle handle) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
      return raw.isEmpty() ? Optional.empty() : Optional.of(List.of(raw.split("\0")));
    } catch (IOException e) {
      return Optional.empty(); // gone already
    }
  }

  /** Every file under publish/ and restricted/, relative to the run folder, sorted. */
  private static List<Path> runFiles(Path run) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String part : List.of("publish", "restricted")) {
      try (Stream<Path> walk = Files.walk(run.resolve(part))) {
        walk.filter(Files::isRegularFile).map(run::relativize).forEach(files::add);
      }
    }
    files.sort(null);
    return files;
  }
}
