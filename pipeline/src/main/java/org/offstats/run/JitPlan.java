package org.offstats.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where an {@code offstats} process lets HotSpot's optimising compiler (C2) spend its time (issue
 * #6). On a 2-core machine C2 took 12 of the 39 CPU seconds of a run on 2 million arrests, and most
 * of it went on code that runs once or briefly: Beam building and starting the job (reflection,
 * bytecode generation, Java serialization of the steps, class loading), and, once the extracts are
 * read, the tables' set-up, the writers and the report. That CPU was taken from the readers.
 *
 * <p>The plan leaves that code to the quick compiler (C1), with HotSpot Compiler Control
 * directives (JEP 165) that the process adds to itself through the platform's {@code
 * DiagnosticCommand} MBean ({@code Compiler.directives_add}, as {@code jcmd} would):
 *
 * <ul>
 *   <li>from the moment the run has its temporary folder (the directives go through a file, and
 *       that is the one folder of its own a run has; the platform's MBeans start on a thread of
 *       their own before), for the packages in {@link #BUILDING}, which only the job's construction
 *       and start-up run; and from then on no compiler inlines the few per-record methods in
 *       {@link #NOT_INLINED} into their callers;
 *   <li>once every extract is read, for everything compiled from then on, except disclosure
 *       control's search ({@link #SEARCH}), the one long loop after the reading. The readers' hot
 *       code is compiled by then, and keeps its compiled form.
 * </ul>
 *
 * <p>It changes only how fast code runs, never what it computes: compiled or interpreted, Java
 * code gives the same results (the same bytes at 2 million arrests, with and without the plan). It is on only in the {@code offstats} command's own process ({@link
 * #forThisProcess}), not where the code runs inside another program (the tests, a Flink worker).
 * {@code -Doffstats.jitPlan=off} turns it off, to compare. A JVM without the MBean or the command
 * (not HotSpot) runs without it, as does one that refuses a directive.
 */
public final class JitPlan {
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
   * Disclosure control's search for secondary suppressions, which still gains from C2 after the
   * reading. Not the set-up of its cells and relations, which runs once.
   */
  static final List<String> SEARCH =
      List.of("org/offstats/disclosure/Protection*.*", "org/offstats/disclosure/Candidates*.*", "org/offstats/disclosure/SecondarySuppression*.*");

  private static final AtomicBoolean ON = new AtomicBoolean();
  private static final AtomicBoolean BUILDING_ADDED = new AtomicBoolean();
  private static final AtomicBoolean READ = new AtomicBoolean();

  private JitPlan() {}

  /**
   * Turns the plan on for this process, and starts the platform's MBeans on a thread of their own
   * (they take a tenth of a second). Only the {@code offstats} command's {@code main} calls this.
   */
  public static void forThisProcess() {
    if ("off".equals(System.getProperty(PROPERTY)) || !ON.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(ManagementFactory::getPlatformMBeanServer, "offstats-jit-plan");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The job is about to be built: from now on C2 excludes {@link #BUILDING}. The directives' file is
   * written to {@code folder} (the run's own temporary folder, which nothing else reads) and
   * deleted as soon as the JVM has read it. Once per process; nothing when the plan is off.
   */
  static void jobBuilding(Path folder) {
    if (ON.get() && BUILDING_ADDED.compareAndSet(false, true)) {
      add(building(), folder);
    }
  }

  /** Every extract has been read: from now on only {@link #SEARCH} is compiled by C2. As {@link #jobBuilding}. */
  static void extractsRead(Path folder) {
    if (ON.get() && READ.compareAndSet(false, true)) {
      add(afterReading(), folder);
    }
  }

  /**
   * The directives for the building of the job and the reading: C2 excludes {@link #BUILDING}, and
   * no compiler inlines {@link #NOT_INLINED}.
   */
  static String building() {
    String notInlined = NOT_INLINED.stream().map(method -> "\"-" + method + "\"").collect(Collectors.joining(", ", "[", "]"));
    return "[" + directive(BUILDING, true) + ", {\"match\": \"*.*\", \"inline\": " + notInlined + "}]";
  }

  /** The directives after the reading: C2 compiles {@link #SEARCH} and excludes everything else. */
  static String afterReading() {
    return "[" + directive(SEARCH, false) + ", " + directive(List.of("*.*"), true) + "]";
  }

  private static String directive(List<String> patterns, boolean excluded) {
    String match = patterns.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", ", "[", "]"));
    return "{\"match\": " + match + ", \"c2\": {\"Exclude\": " + excluded + "}}";
  }

  /**
   * Adds {@code directives} to this JVM's compiler directives, through a file in {@code folder}
   * (the command reads directives from a file only); what the JVM answered, or why it could not be
   * asked.
   */
  static String add(String directives, Path folder) {
    Path file = folder.resolve("jit-plan-" + UUID.randomUUID() + ".json");
    try {
      Files.writeString(file, directives, StandardCharsets.UTF_8);
      Object answer =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "compilerDirectivesAdd",
                  new Object[] {new String[] {file.toString()}},
                  new String[] {String[].class.getName()});
      return String.valueOf(answer).strip();
    } catch (IOException | JMException | RuntimeException e) {
      // a speed hint only: a JVM that cannot take it runs the same job at its own pace
      return "not added: " + e;
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left in the run's temporary folder, which is removed with everything in it
      }
    }
  }
}
