package org.offstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler directives of {@link JitPlan} are ones HotSpot accepts: parsed by a fresh JVM, which
 * refuses to start on a directives file it cannot read, and added to this one through the
 * DiagnosticCommand MBean as the plan adds them.
 */
class JitPlanTest {
  @TempDir Path folder;

  @Test
  void aFreshJvmStartsWithEitherSetOfDirectives() throws Exception {
    assertThat(startsWith(JitPlan.building())).as("building").isEqualTo(0);
    assertThat(startsWith(JitPlan.afterReading())).as("after reading").isEqualTo(0);
    // and a file it cannot parse stops it: the check above can fail
    assertThat(startsWith("[{\"match\": \"*.*\", \"c2\": {\"Exclude\": tru}}]")).isNotEqualTo(0);
  }

  @Test
  void directivesAreAddedThroughTheMBean() {
    // one directive that matches no class, so that this JVM's compiler is left as it was
    assertThat(JitPlan.add("[{\"match\": \"org/offstats/run/NoSuchClass.*\", \"c2\": {\"Exclude\": true}}]", folder))
        .isEqualTo("1 compiler directives added");
    assertThat(JitPlan.add("[{\"match\": \"org/offstats/run/NoSuchClass.*\", \"c2\": {\"Exclude\": tru}}]", folder))
        .contains("Parsing of compiler directives failed");
    // the file the directives went through is gone
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void afterTheReadingOnlyTheSearchIsLeftToC2() {
    assertThat(JitPlan.afterReading())
        .startsWith("[{\"match\": [\"org/offstats/disclosure/Protection*.*\"")
        .endsWith("{\"match\": [\"*.*\"], \"c2\": {\"Exclude\": true}}]");
    assertThat(JitPlan.SEARCH).allSatisfy(pattern -> assertThat(pattern).startsWith("org/offstats/disclosure/"));
  }

  /** The exit code of {@code java -version} with {@code directives} as its compiler directives file. */
  private int startsWith(String directives) throws IOException, InterruptedException {
    Path file = folder.resolve("directives-" + System.nanoTime() + ".json");
    Files.writeString(file, directives, StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(java.toString(), "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file, "-version"))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("java-" + System.nanoTime() + ".log").toFile())
            .start();
    return process.waitFor();
  }
}
