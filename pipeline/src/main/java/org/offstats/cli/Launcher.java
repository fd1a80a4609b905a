package org.offstats.cli;

import java.util.OptionalInt;

/**
 * The entry point of {@code offstats.jar} ({@code java -jar offstats.jar COMMAND ...}): runs a job
 * in a JVM set up for it ({@link BatchJvm}) when that is better, and every other command, or the
 * job when it is not, in this JVM ({@link OffstatsCli}). Started with a class path and {@code
 * OffstatsCli} as the main class instead, offstats runs every command in the JVM started, as a
 * test harness or a debugger expects.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    OptionalInt inBatchJvm = BatchJvm.runIfBetter(args, Launcher.class);
    if (inBatchJvm.isPresent()) {
      System.exit(inBatchJvm.getAsInt());
    }
    OffstatsCli.main(args);
  }
}
