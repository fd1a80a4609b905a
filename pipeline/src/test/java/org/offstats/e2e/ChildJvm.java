package org.offstats.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offstats.run.RunCommandRunner;

/** The command line of the offstats CLI in a JVM of its own, on the tests' class path: to kill it, starve it, or mount disks under it. */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED <jvmOptions> -cp <the tests' class path>
   * org.offstats.cli.OffstatsCli <args>}: java.nio opened as offstats.jar's manifest does, for Arrow
   * Java (ArrowTableWriter).
   */
  static List<String> offstats(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    // as in the tests' own JVM: the DirectRunner's checks that no step changes its input stay on
    command.add("-D" + RunCommandRunner.DIRECT_RUNNER_CHECKS + "=" + System.getProperty(RunCommandRunner.DIRECT_RUNNER_CHECKS, "false"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.offstats.cli.OffstatsCli"));
    command.addAll(List.of(args));
    return command;
  }
}
