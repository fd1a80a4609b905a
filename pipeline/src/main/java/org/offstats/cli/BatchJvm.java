package org.offstats.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs {@code offstats run} in a JVM set up for a batch job (issue #6): the same command, with the
 * same JVM options, in a second JVM that uses the Parallel garbage collector and, when a maximum
 * heap is given ({@code -Xmx}), takes that heap from the start ({@code -Xms} the same).
 *
 * <p>Why a second JVM: a JVM's collector and initial heap are fixed when it starts, and {@code
 * java -jar offstats.jar} cannot set them (a jar's manifest takes no JVM options). The JVM's
 * default, G1, is built for short pauses in long-lived services; a run is a batch job that
 * allocates about 9 GB at 2 million arrests and wants throughput. On 2 cores at 2 million arrests
 * with {@code -Xmx1536m}, a run took 18.1 s in G1 and 15.8 s in the batch JVM (medians of five
 * alternating runs, BENCHMARKS.md), with a lower peak resident memory. Starting the second JVM
 * costs about a fifth of a second.
 *
 * <p>What the JVM that {@code java} started (the launcher, {@link Launcher}) does:
 *
 * <ul>
 *   <li>It starts the batch JVM only for {@code run} with the DirectRunner (the default), and only when the user has chosen no
 *       garbage collector and attached no agent or recording (a debugger, a profiler, Flight
 *       Recorder): those are for the JVM the user started, so the run stays in it. {@code
 *       -Doffstats.batchJvm=off} keeps the run in the JVM that {@code java} started.
 *   <li>The batch JVM gets the launcher's own JVM options, so {@code -Xmx}, {@code -D} and the rest
 *       apply as given, and the same jar (or class path); its standard input, output and error are
 *       the launcher's (a terminal stays a terminal, for the progress bar). The launcher prints
 *       nothing of its own and exits with the run's exit code.
 *   <li>Stopped (SIGTERM, or Ctrl-C, which a terminal sends to both), the launcher stops the run
 *       the same way and waits for it to clean up. Killed outright (SIGKILL), it cannot: the run
 *       notices within a tenth of a second and stops at once, without cleaning up, as a run killed
 *       outright does; the next run in the same place removes what it left ({@code StrayFolders}).
 * </ul>
 *
 * <p>It changes how fast a run goes, never what it computes: the same bytes in either JVM.
 */
final class BatchJvm {
  /** The system property that keeps the run in the JVM {@code java} started: {@code -Doffstats.batchJvm=off}. */
  static final String PROPERTY = "offstats.batchJvm";

  /** The property's value in the batch JVM: it runs the command itself. */
  static final String STARTED = "started";

  /** The commands that run a job. */
  private static final Set<String> JOB_COMMANDS = Set.of("run");

  /** Beam's option naming the runner ({@code --runner=FlinkRunner}); the DirectRunner is the default. */
  private static final String RUNNER_OPTION = "--runner=";

  private static final String DIRECT_RUNNER = "DirectRunner";

  /** HotSpot's flags that choose a garbage collector. */
  private static final List<String> COLLECTOR_FLAGS =
      List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");

  /** JVM options that attach something to the JVM the user started: it should see the run. */
  private static final List<String> ATTACHING_PREFIXES =
      List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp", "-Xdebug", "-XX:StartFlightRecording", "-XX:+FlightRecorder");

  /**
   * Environment variables the {@code java} launcher and the JVM read options from. Their options
   * are among the launcher's own JVM options, which the batch JVM gets on its command line; read
   * again, they would be given twice.
   */
  static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

  /** The exit code of a process stopped by SIGTERM (128 + 15), as a shell reports it. */
  private static final int STOPPED = 143;

  /** The exit code of a process killed by SIGKILL (128 + 9), as a shell reports it. */
  private static final int KILLED = 137;

  /** How often the batch JVM looks whether its launcher is still there. */
  private static final long LAUNCHER_POLL_MILLIS = 100;

  private BatchJvm() {}

  /** What the decision needs to know of the JVM {@code java} started. */
  record ThisJvm(
      String javaHome,
      List<String> inputArguments,
      String classPath,
      String mainClass,
      Predicate<String> userSet,
      OptionalLong maxHeapBytes,
      String property) {

    /** This JVM, as the platform's MXBeans and system properties describe it. */
    static ThisJvm current(String mainClass) {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      Predicate<String> userSet = flag -> hotSpot != null && byUser(hotSpot, flag);
      OptionalLong maxHeap = userSet.test("MaxHeapSize")
          ? OptionalLong.of(Long.parseLong(hotSpot.getVMOption("MaxHeapSize").getValue()))
          : OptionalLong.empty();
      return new ThisJvm(
          System.getProperty("java.home"),
          ManagementFactory.getRuntimeMXBean().getInputArguments(),
          System.getProperty("java.class.path", ""),
          mainClass,
          userSet,
          maxHeap,
          System.getProperty(PROPERTY, ""));
    }

    private static boolean byUser(HotSpotDiagnosticMXBean hotSpot, String flag) {
      try {
        VMOption.Origin origin = hotSpot.getVMOption(flag).getOrigin();
        return origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
      } catch (IllegalArgumentException e) {
        return false; // a flag this JVM does not have (a collector not built in) was not set
      }
    }
  }

  /**
   * The command line of the batch JVM for the command {@code args}, or empty when the command runs
   * in this JVM.
   */
  static Optional<List<String>> command(String[] args, ThisJvm jvm) {
    String property = jvm.property().toLowerCase(Locale.ROOT);
    if (args.length == 0 || !JOB_COMMANDS.contains(args[0]) || property.equals(STARTED) || property.equals("off") || property.equals("false")) {
      return Optional.empty();
    }
    if (Arrays.stream(args).anyMatch(arg -> arg.startsWith(RUNNER_OPTION) && !arg.substring(RUNNER_OPTION.length()).equalsIgnoreCase(DIRECT_RUNNER))) {
      return Optional.empty(); // measured with the DirectRunner only; Flink sizes its memory from the heap it finds
    }
    if (COLLECTOR_FLAGS.stream().anyMatch(jvm.userSet())
        || jvm.inputArguments().stream().anyMatch(option -> ATTACHING_PREFIXES.stream().anyMatch(option::startsWith))) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(jvm.javaHome(), "bin", "java").toString());
    command.addAll(jvm.inputArguments());
    command.add("-XX:+UseParallelGC");
    if (jvm.maxHeapBytes().isPresent() && !jvm.userSet().test("InitialHeapSize")) {
      command.add("-Xms" + jvm.maxHeapBytes().getAsLong());
    }
    command.add("-D" + PROPERTY + "=" + STARTED);
    // started from the jar, as java -jar: its manifest (main class, the packages it opens) applies as given
    boolean fromJar = !jvm.classPath().contains(File.pathSeparator) && jvm.classPath().endsWith(".jar");
    if (fromJar) {
      command.addAll(List.of("-jar", jvm.classPath()));
    } else {
      command.addAll(List.of("-cp", jvm.classPath(), jvm.mainClass()));
    }
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /**
   * Runs the command {@code args} in the batch JVM when it should, and returns its exit code;
   * empty when this JVM is to run it (and then, if this JVM is the batch JVM, it stops when its
   * launcher is gone). {@code mainClass} is the launcher's.
   */
  static OptionalInt runIfBetter(String[] args, Class<?> mainClass) {
    if (STARTED.equals(System.getProperty(PROPERTY))) {
      stopWithLauncher();
      return OptionalInt.empty();
    }
    if (args.length == 0 || !JOB_COMMANDS.contains(args[0])) {
      return OptionalInt.empty(); // decided before looking at the JVM, which takes a moment
    }
    Optional<List<String>> command = command(args, ThisJvm.current(mainClass.getName()));
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
    withoutOptionVariables(builder.environment());
    Launched launched = new Launched();
    Runtime.getRuntime().addShutdownHook(new Thread(launched::stop, "offstats-stop-run"));
    try {
      Optional<Process> run = launched.start(builder);
      // stopped before the run began: this JVM is halting, with the exit code of a stopped process
      return OptionalInt.of(run.isPresent() ? run.get().waitFor() : STOPPED);
    } catch (IOException e) {
      System.err.println("offstats: note: could not start a JVM for the run (" + e.getMessage() + "); running it in this one");
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(OffstatsCli.INTERNAL_ERROR);
    }
  }

  static void withoutOptionVariables(Map<String, String> environment) {
    OPTION_VARIABLES.forEach(environment::remove);
  }

  /** The batch JVM, once started; stopped with the launcher. */
  private static final class Launched {
    private Process process;
    private boolean stopping;

    /** The batch JVM, or empty if the launcher is already stopping. */
    synchronized Optional<Process> start(ProcessBuilder builder) throws IOException {
      if (stopping) {
        return Optional.empty();
      }
      process = builder.start();
      return Optional.of(process);
    }

    /** From the launcher's shutdown: stops the run as the launcher was stopped, and waits for its clean-up. */
    void stop() {
      Process running;
      synchronized (this) {
        stopping = true;
        running = process;
      }
      if (running == null || !running.isAlive()) {
        return;
      }
      running.destroy(); // SIGTERM: the run removes its temporary folder
      boolean interrupted = false;
      while (true) {
        try {
          running.waitFor();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * In the batch JVM: once the launcher is gone without stopping the run first (killed with
   * SIGKILL, which no process can act on), stops at once, as the launcher was: no clean-up runs.
   */
  private static void stopWithLauncher() {
    Optional<ProcessHandle> launcher = ProcessHandle.current().parent();
    if (launcher.isEmpty()) {
      return;
    }
    Thread watch =
        new Thread(
            () -> {
              try {
                while (launcher.get().isAlive()) {
                  Thread.sleep(LAUNCHER_POLL_MILLIS);
                }
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("offstats: the process that started this run was killed; stopping the run at once");
              Runtime.getRuntime().halt(KILLED);
            },
            "offstats-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
