package org.offstats.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where a run lets HotSpot's optimising compiler (C2) spend its time (issue #6). On a 2-core
 * machine C2 took 12 of the 39 CPU seconds of a DirectRunner run on 2 million arrests, most of it
 * on code that runs once or briefly: Beam building and starting the job (reflection, bytecode
 * generation, Java serialization of the steps, class loading), and, once the extracts are read,
 * the tables' set-up, the writers and the report. That CPU was taken from the readers.
 *
 * <p>The plan gives the JVM HotSpot Compiler Control directives (JEP 165), through the platform's
 * {@code DiagnosticCommand} MBean ({@code Compiler.directives_add}, as {@code jcmd} would). The
 * command reads directives from a file only: each set goes through a file in the run's own work
 * folder, deleted as soon as the JVM has read it.
 *
 * <ul>
 *   <li>{@link #jobBuilding}, before the job is built: C2 leaves the packages in {@link #BUILDING},
 *       which only the job's building and start-up run, to the quick compiler (C1); and no
 *       compiler inlines the per-record methods in {@link #NOT_INLINED} into their callers while
 *       the extracts are read.
 *   <li>{@link #extractsRead}, once every force extract is read: C2 compiles only disclosure
 *       control's search ({@link #SEARCH}), the one long loop left. The readers' hot code is
 *       compiled by then and keeps its compiled form.
 *   <li>{@link #close}, when the run ends: the directives it added are removed (a method already
 *       left to C1 stays so).
 * </ul>
 *
 * <p>It changes only how fast code runs, never what it computes: compiled or interpreted, Java
 * code gives the same results (the same bytes at 2 million arrests, with and without the plan). It
 * is used only in the {@code offstats} command's own process ({@link #enableForThisProcess}, from
 * {@code main}), with the DirectRunner; not where offstats' code runs inside another program (the
 * tests, Flink). It was measured on 2 cores only. {@code -Doffstats.jitPlan=off} turns it off, to
 * compare; a JVM that is not HotSpot, or refuses a directive, runs without it, and the run says so
 * in one line.
 */
public final class JitPlan implements AutoCloseable {
  /** The system property that turns the plan off: {@code -Doffstats.jitPlan=off}. */
  public static final String PROPERTY = "offstats.jitPlan";

  /**
   * Classes that run while the job is built and started, and not while the extracts are read
   * (measured with JFR's compilation events): Beam's construction and DirectRunner, the bytecode
   * generators behind lambdas and Beam's invokers, reflection, Java serialization, class loading
   * from the jar, Hadoop's configuration and its XML parser, picocli, and {@code TreeMap} (the readers
   * touch one only for a rejected row). Not {@code java/util/zip}: gzipped extracts are read
   * through it.
   */
  static final List<String> BUILDING =
      List.of(
          "org/apache/beam/*.*",
          "net/bytebuddy/*.*",
          "jdk/internal/org/objectweb/*.*",
          "java/io/ObjectInputStream*.*",
          "java/io/ObjectOutputStream*.*",
          "java/io/ObjectStreamClass*.*",
          "java/lang/reflect/*.*",
          "jdk/internal/reflect/*.*",
          "sun/reflect/*.*",
          "jdk/internal/loader/*.*",
          "sun/net/*.*",
          "java/util/jar/*.*",
          "com/ctc/wstx/*.*",
          "org/apache/hadoop/*.*",
          "picocli/*.*",
          "java/util/TreeMap*.*");

  /**
   * Per-record methods whose branches change as a run goes on (a key seen before, once every key
   * was new; a cell's persons outgrowing their first container), kept out of their callers. C2
   * compiles a method for the paths its profile has seen and recompiles it when another turns up;
   * inlined, each such turn recompiled a whole record's path (up to 0.8 s of C2 time each), where
   * now only the method itself is. Measured at 2M arrests: 2.2 s less C2 time while reading.
   */
  static final List<String> NOT_INLINED =
      List.of("org/offstats/domain/KeyNumbers.numberOf", "org/offstats/tables/CellStats.add", "org/offstats/figures/HeadlineCells.addCells");

  /**
   * Disclosure control's search for secondary suppressions and the small classes it works
   * through, which still gain from C2 after the reading. Not the set-up of its cells and
   * relations, which runs once.
   */
  static final List<String> SEARCH =
      List.of(
          "org/offstats/disclosure/Protection*.*",
          "org/offstats/disclosure/Candidates*.*",
          "org/offstats/disclosure/SecondarySuppression*.*",
          "org/offstats/disclosure/IntStack.*",
          "org/offstats/disclosure/SortedIntSet.*",
          "org/offstats/disclosure/ClassCostCache.*");

  /** Set once, by {@code main}: this process is the {@code offstats} command's own. */
  private static volatile boolean enabled;

  private final Path folder;
  private final List<String> answers = new ArrayList<>();
  private int added;
  private boolean readAdded;

  private JitPlan(Path folder) {
    this.folder = folder;
  }

  /**
   * This process is the {@code offstats} command's own: runs in it may use the plan, unless
   * {@code -Doffstats.jitPlan=off} (or {@code false}) is given. Only {@code main} calls this.
   */
  public static void enableForThisProcess() {
    String property = System.getProperty(PROPERTY, "on").toLowerCase(Locale.ROOT);
    enabled = !property.equals("off") && !property.equals("false");
  }

  /**
   * Starts the platform's MBeans on a thread of their own, so that the first directives are added
   * without waiting for them (they take a tenth of a second). Nothing when the plan is not used.
   */
  static void warmUp() {
    if (!enabled) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                ManagementFactory.getPlatformMBeanServer();
              } catch (RuntimeException | LinkageError e) {
                // the plan's first directives say what is missing
              }
            },
            "offstats-jit-plan");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The plan for one run, writing its directives' files to {@code folder}; a plan that does
   * nothing unless this process enabled it and the run is on the DirectRunner.
   */
  static JitPlan forRun(Path folder, boolean directRunner) {
    return forRun(folder, directRunner, enabled);
  }

  /** As {@link #forRun(Path, boolean)}, with whether this process enabled the plan given (for tests). */
  static JitPlan forRun(Path folder, boolean directRunner, boolean processEnabled) {
    return new JitPlan(processEnabled && directRunner ? folder : null);
  }

  /** The job is about to be built: the directives for {@link #BUILDING} and {@link #NOT_INLINED}. */
  void jobBuilding() {
    if (folder != null && added == 0) {
      add(building(), 2);
    }
  }

  /** Every force extract has been read: from now on only {@link #SEARCH} is compiled by C2. */
  void extractsRead() {
    if (folder != null && !readAdded) {
      readAdded = true;
      add(afterReading(), 2);
    }
  }

  /** What the JVM answered to each set of directives, in order (empty when the plan is not used). */
  List<String> answers() {
    return List.copyOf(answers);
  }

  /** Whether the JVM took every set of directives given so far. */
  boolean applied() {
    return answers.stream().allMatch(JitPlan::accepted);
  }

  /** Removes the directives this run added, so that a later run in the same JVM starts as the JVM did. */
  @Override
  public void close() {
    for (; added > 0; added--) {
      diagnosticCommand("compilerDirectivesRemove", new String[0]);
    }
  }

  /** The directives for the building of the job and the reading: C2 excludes {@link #BUILDING}; {@link #NOT_INLINED} is not inlined. */
  static String building() {
    List<String> notInlined = NOT_INLINED.stream().map(method -> "-" + method).toList();
    return "[" + directive(BUILDING, true) + ", {\"match\": \"*.*\", \"inline\": " + quoted(notInlined) + "}]";
  }

  /** The directives after the reading: C2 compiles {@link #SEARCH} and excludes everything else. */
  static String afterReading() {
    return "[" + directive(SEARCH, false) + ", " + directive(List.of("*.*"), true) + "]";
  }

  private static String directive(List<String> patterns, boolean excluded) {
    return "{\"match\": " + quoted(patterns) + ", \"c2\": {\"Exclude\": " + excluded + "}}";
  }

  /** A JSON array of the patterns, which hold no quote or backslash. */
  private static String quoted(List<String> patterns) {
    return patterns.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  /** Whether {@code answer} is the JVM's word that it added directives. */
  static boolean accepted(String answer) {
    return answer.matches("\\d+ compiler directives added");
  }

  private void add(String directives, int count) {
    String answer = add(directives, folder);
    answers.add(answer);
    if (accepted(answer)) {
      added += count;
    }
  }

  /**
   * Adds {@code directives} to this JVM's compiler directives through a file in {@code folder};
   * what the JVM answered, or why it could not be asked.
   */
  static String add(String directives, Path folder) {
    Path file = folder.resolve("jit-plan-" + UUID.randomUUID() + ".json");
    try {
      Files.writeString(file, directives, StandardCharsets.UTF_8);
      // the command splits its argument at spaces unless it is quoted: a folder's name may hold one
      return diagnosticCommand("compilerDirectivesAdd", new String[] {"\"" + file + "\""});
    } catch (IOException e) {
      return "not added: " + e;
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left in the run's work folder, which is removed with everything in it
      }
    }
  }

  private static String diagnosticCommand(String operation, String[] arguments) {
    try {
      Object answer =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  operation,
                  new Object[] {arguments},
                  new String[] {String[].class.getName()});
      return String.valueOf(answer).strip();
    } catch (JMException | RuntimeException | LinkageError e) {
      // a speed hint only: a JVM that cannot take it runs the same job at its own pace
      return "not added: " + e;
    }
  }
}
