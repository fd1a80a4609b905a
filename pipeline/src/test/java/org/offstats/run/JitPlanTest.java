package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JitPlan}'s directives are ones HotSpot accepts (a fresh JVM refuses to start on a
 * directives file it cannot parse), they name classes and methods that exist, and a run's plan adds
 * them through the DiagnosticCommand MBean and takes them away again. Skipped on a JVM without that
 * MBean (not HotSpot), where the plan does nothing.
 */
class JitPlanTest {
  private static final Pattern CLASS_PATTERN = Pattern.compile("(org/offstats/[\\w/]+?)\\*?\\.(\\*|\\w+)");

  @TempDir Path folder;

  @BeforeEach
  void onHotSpot() {
    assumeTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(diagnosticCommand()), "not HotSpot: the plan is not used");
  }

  @Test
  void aFreshJvmStartsWithEitherSetOfDirectivesAndNotWithABrokenOne() throws Exception {
    assertThat(exitCodeWith(JitPlan.building())).as("building").isZero();
    assertThat(exitCodeWith(JitPlan.afterReading())).as("after reading").isZero();
    assertThat(exitCodeWith("[{\"match\": \"*.*\", \"c2\": {\"Exclude\": tru}}]")).isNotZero();
  }

  @Test
  void everyOffstatsClassAndMethodNamedExists() throws Exception {
    for (String pattern : concat(JitPlan.SEARCH, JitPlan.NOT_INLINED)) {
      Matcher named = CLASS_PATTERN.matcher(pattern);
      assertThat(named.matches()).as(pattern).isTrue();
      Class<?> type = Class.forName(named.group(1).replace('/', '.'));
      if (!named.group(2).equals("*")) {
        assertThat(Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(named.group(2)))).as(pattern).isTrue();
      }
    }
  }

  @Test
  void directivesGoThroughAFileThatIsGoneAfterwardsEvenInAFolderWithASpace() throws IOException {
    Path spaced = Files.createDirectory(folder.resolve("a folder"));
    String matchesNothing = "[{\"match\": \"org/offstats/run/NoSuchClass.*\", \"c2\": {\"Exclude\": true}}]";
    try {
      assertThat(JitPlan.add(matchesNothing, spaced)).matches(JitPlan::accepted, "accepted");
    } finally {
      remove(1);
    }
    assertThat(JitPlan.add(matchesNothing.replace("true", "tru"), spaced)).contains("Parsing of compiler directives failed");
    assertThat(spaced).isEmptyDirectory();
  }

  @Test
  void aRunsPlanAddsBothSetsOnceAndTakesThemAwayWhenClosed() throws Exception {
    int before = directivesInForce();
    try (JitPlan plan = JitPlan.forRun(folder, true, true)) {
      plan.jobBuilding();
      plan.jobBuilding();
      assertThat(directivesInForce()).isEqualTo(before + 2);
      plan.extractsRead();
      plan.extractsRead();
      assertThat(directivesInForce()).isEqualTo(before + 4);
      assertThat(plan.answers()).hasSize(2).allMatch(JitPlan::accepted);
      assertThat(plan.applied()).isTrue();
    }
    assertThat(directivesInForce()).isEqualTo(before);
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void withoutTheCommandsProcessOrOffTheDirectRunnerThePlanDoesNothing() throws Exception {
    int before = directivesInForce();
    for (JitPlan plan : List.of(JitPlan.forRun(folder, true, false), JitPlan.forRun(folder, false, true))) {
      try (plan) {
        plan.jobBuilding();
        plan.extractsRead();
        assertThat(plan.answers()).isEmpty();
        assertThat(plan.applied()).isTrue();
        assertThat(directivesInForce()).isEqualTo(before);
      }
    }
  }

  @Test
  void theSearchIsAllThatC2CompilesAfterTheReading() {
    assertThat(JitPlan.afterReading())
        .startsWith("[{\"match\": [\"org/offstats/disclosure/Protection*.*\"")
        .endsWith("{\"match\": [\"*.*\"], \"c2\": {\"Exclude\": true}}]");
    assertThat(JitPlan.SEARCH).allSatisfy(pattern -> assertThat(pattern).startsWith("org/offstats/disclosure/"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static ObjectName diagnosticCommand() {
    try {
      return new ObjectName("com.sun.management:type=DiagnosticCommand");
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many directives this JVM has on its stack, its default included. */
  private static int directivesInForce() throws Exception {
    String printed = String.valueOf(ManagementFactory.getPlatformMBeanServer()
        .invoke(diagnosticCommand(), "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    return printed.split("Directive:", -1).length - 1;
  }

  private static void remove(int count) {
    for (int i = 0; i < count; i++) {
      try {
        ManagementFactory.getPlatformMBeanServer()
            .invoke(diagnosticCommand(), "compilerDirectivesRemove", new Object[] {new String[0]}, new String[] {String[].class.getName()});
      } catch (javax.management.JMException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The exit code of {@code java -version} given {@code directives} as its compiler directives file. */
  private int exitCodeWith(String directives) throws IOException, InterruptedException {
    Path file = folder.resolve("directives-" + System.nanoTime() + ".json");
    Files.writeString(file, directives, StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(List.of(java.toString(), "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file, "-version"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("java -version finished").isTrue();
    Files.delete(file);
    return process.exitValue();
  }
}
