package org.offstats.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
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
 * costs about a tenth of a second (BENCHMARKS.md).
 *
 * <p>What the JVM that {@code java} started (the launcher, {@link Launcher}) does:
 *
 * <ul>
 *   <li>It starts the batch JVM only for {@code run} with the DirectRunner (the default), and only
 *       when the JVM chose G1 itself (the user chose no collector, and the machine has 2 cores and
 *       1,792 MB or more). The run stays in the JVM the user started when an option belongs to
 *       that JVM: an agent, a debugger, Flight Recorder, JMX, a log, class list or class archive
 *       written to a file.
 *       It stays there on Windows too (a process there cannot be asked to stop, only killed), when
 *       the runtime has no {@code java} command, and with {@code -Doffstats.batchJvm=off}.
 *   <li>The batch JVM gets the launcher's own JVM options, so {@code -Xmx}, {@code -D} and the rest
 *       apply as given (those from {@code JAVA_TOOL_OPTIONS} and the like once, not twice), and
 *       the same jar (or class path); its standard input, output and error are the launcher's (a
 *       terminal stays a terminal, for the progress bar). The launcher prints nothing of its own
 *       and exits with the run's exit code.
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

  /** The batch JVM's system property naming its launcher's process id. */
  static final String LAUNCHER_PROPERTY = "offstats.batchJvm.launcher";

  /** The commands that run a job. */
  private static final Set<String> JOB_COMMANDS = Set.of("run");

  /** Beam's option naming the runner ({@code --runner=FlinkRunner}); the DirectRunner is the default. */
  private static final String RUNNER_OPTION = "--runner=";

  private static final String DIRECT_RUNNER = "DirectRunner";

  /** HotSpot's flags that choose a garbage collector. */
  private static final List<String> COLLECTOR_FLAGS =
      List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");

  /**
   * JVM options that belong to the JVM the user started, so the run stays in it: what attaches to
   * it (a debugger, a profiler or other agent, Flight Recorder, JMX on a port) or writes a file of
   * its own (a class list or archive at exit); {@code -Xlog} to a file is checked apart.
   */
  private static final List<String> THIS_JVMS_OPTIONS =
      List.of(
          "-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp", "-Xdebug", "-XX:StartFlightRecording", "-XX:+FlightRecorder",
          "-Dcom.sun.management.jmxremote", "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList");

  /**
   * Environment variables the {@code java} launcher and the JVM read options from. Their options
   * are among the launcher's own JVM options, which the batch JVM gets on its command line; read
   * again, they would be given twice.
   */
  static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  /** The exit code of a process stopped by SIGTERM (128 + 15), as a shell reports it. */
  private static final int STOPPED = 143;

  /** The exit code of a process killed by SIGKILL (128 + 9), as a shell reports it. */
  private static final int KILLED = 137;

  /** How often the batch JVM looks whether its launcher is still there. */
  private static final long LAUNCHER_POLL_MILLIS = 100;

  private BatchJvm() {}

  /**
   * What the decision needs to know of the JVM {@code java} started.
   *
   * @param java the runtime's {@code java} command, if it has one (a jlink image may not)
   * @param javaCommand what {@code java} was asked to run: the jar, or the main class, then the arguments
   * @param collectorLeftToTheJvm the user chose no collector, and the JVM chose G1 (as it does on
   *     a machine of 2 cores or more and 1,792 MB or more; on a smaller one it chooses the Serial
   *     collector, which is kept)
   * @param maxHeapBytes the maximum heap, when the user gave it
   * @param stopsGently a process can be asked to stop (SIGTERM) rather than killed, which
   *     Windows cannot do: there the run stays in this JVM
   */
  record ThisJvm(
      Optional<String> java,
      List<String> inputArguments,
      String classPath,
      String javaCommand,
      String mainClass,
      boolean collectorLeftToTheJvm,
      OptionalLong maxHeapBytes,
      boolean initialHeapGiven,
      boolean stopsGently,
      long pid,
      String property) {

    /** This JVM, as the platform's MXBeans and system properties describe it. */
    static ThisJvm current(String mainClass) {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      boolean leftToTheJvm = hotSpot != null
          && COLLECTOR_FLAGS.stream().noneMatch(flag -> byUser(hotSpot, flag))
          && "true".equals(hotSpot.getVMOption("UseG1GC").getValue());
      OptionalLong maxHeap = hotSpot != null && byUser(hotSpot, "MaxHeapSize")
          ? OptionalLong.of(Long.parseLong(hotSpot.getVMOption("MaxHeapSize").getValue()))
          : OptionalLong.empty();
      String executable = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
      Path java = Path.of(System.getProperty("java.home"), "bin", executable);
      return new ThisJvm(
          Files.isExecutable(java) ? Optional.of(java.toString()) : Optional.empty(),
          ManagementFactory.getRuntimeMXBean().getInputArguments(),
          System.getProperty("java.class.path", ""),
          System.getProperty("sun.java.command", ""),
          mainClass,
          leftToTheJvm,
          maxHeap,
          hotSpot != null && byUser(hotSpot, "InitialHeapSize"),
          ProcessHandle.current().supportsNormalTermination(),
          ProcessHandle.current().pid(),
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
    if (!runsAJob(args) || property.equals(STARTED) || property.equals("off") || property.equals("false")) {
      return Optional.empty();
    }
    if (Arrays.stream(args).anyMatch(arg -> arg.startsWith(RUNNER_OPTION) && !arg.substring(RUNNER_OPTION.length()).equalsIgnoreCase(DIRECT_RUNNER))) {
      return Optional.empty(); // measured with the DirectRunner only; Flink sizes its memory from the heap it finds
    }
    if (jvm.java().isEmpty() || !jvm.stopsGently() || !jvm.collectorLeftToTheJvm()
        || jvm.inputArguments().stream().anyMatch(BatchJvm::belongsToThisJvm)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(jvm.java().get());
    command.addAll(jvm.inputArguments());
    command.add("-XX:+UseParallelGC");
    if (jvm.maxHeapBytes().isPresent() && !jvm.initialHeapGiven()) {
      command.add("-Xms" + jvm.maxHeapBytes().getAsLong());
    }
    command.add("-D" + PROPERTY + "=" + STARTED);
    command.add("-D" + LAUNCHER_PROPERTY + "=" + jvm.pid());
    // started with java -jar (whatever the jar's name): its manifest (main class, the packages it opens) applies as given
    boolean fromJar = !jvm.classPath().isEmpty()
        && (jvm.javaCommand().equals(jvm.classPath()) || jvm.javaCommand().startsWith(jvm.classPath() + " "));
    if (fromJar) {
      command.addAll(List.of("-jar", jvm.classPath()));
    } else {
      command.addAll(List.of("-cp", jvm.classPath(), jvm.mainClass()));
    }
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  private static boolean runsAJob(String[] args) {
    return args.length > 0 && JOB_COMMANDS.contains(args[0]);
  }

  private static boolean belongsToThisJvm(String option) {
    return THIS_JVMS_OPTIONS.stream().anyMatch(option::startsWith) || logsToAFile(option);
  }

  /**
   * {@code -Xlog:WHAT:OUTPUT...} with an output other than the console ({@code file=NAME}, or a
   * bare name), or the older {@code -Xloggc:FILE}: both JVMs would write the same file.
   */
  static boolean logsToAFile(String option) {
    if (option.startsWith("-Xloggc:")) {
      return true;
    }
    if (!option.startsWith("-Xlog:")) {
      return false;
    }
    String[] parts = option.substring("-Xlog:".length()).split(":", -1);
    if (parts.length < 2) {
      return false;
    }
    String output = parts[1];
    return !output.isEmpty() && !output.equals("stdout") && !output.equals("stderr");
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
    if (!runsAJob(args)) {
      return OptionalInt.empty(); // decided before looking at the JVM, which takes a moment
    }
    Optional<List<String>> command;
    try {
      command = command(args, ThisJvm.current(mainClass.getName()));
    } catch (RuntimeException e) {
      return OptionalInt.empty(); // a JVM that cannot describe itself runs the job itself
    }
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
   * The launcher is gone when this JVM's parent is no longer the process named by {@link
   * #LAUNCHER_PROPERTY} (an orphan is given another parent at once, even while the launcher waits
   * to be reaped); that is checked every tenth of a second. If it is not the parent as the run
   * starts (a wrapper script between them), there is nothing to watch.
   */
  private static void stopWithLauncher() {
    long launcher;
    try {
      launcher = Long.parseLong(System.getProperty(LAUNCHER_PROPERTY, ""));
    } catch (NumberFormatException e) {
      return; // not started by a launcher
    }
    if (!launcherIsParent(launcher)) {
      // something stands between (a wrapper script that did not exec java), or the platform does
      // not say who the parent is: the launcher cannot be watched from here
      return;
    }
    Thread watch =
        new Thread(
            () -> {
              try {
                while (launcherIsParent(launcher)) {
                  Thread.sleep(LAUNCHER_POLL_MILLIS);
                }
              } catch (InterruptedException e) {
                return;
              }
              launcherGone();
            },
            "offstats-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static boolean launcherIsParent(long launcher) {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == launcher;
  }

  private static void launcherGone() {
    System.err.println("offstats: the process that started this run was killed; stopping the run at once");
    Runtime.getRuntime().halt(KILLED);
  }
}
