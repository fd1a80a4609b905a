package org.offstats.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.offstats.cli.OffstatsCli;

/**
 * Runs the real offstats command line in-process, as an analyst would from a shell, and captures
 * what it prints (the spec forbids identifiers in any console message, so tests look at it).
 *
 * <p>The contract is {@code int OffstatsCli.execute(String... args)}: an exit code, never
 * System.exit.
 */
final class Cli {
  private Cli() {}

  /** What one invocation returned and printed. */
  record Result(int exitCode, String stdout, String stderr) {
    String console() {
      return stdout + stderr;
    }

    /** A short description for assertion messages: exit code and the end of stderr. */
    String describe() {
      String tail = stderr.length() > 4000 ? "..." + stderr.substring(stderr.length() - 4000) : stderr;
      return "exit " + exitCode + "; stderr:\n" + tail;
    }
  }

  static synchronized Result run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(capturedOut);
      System.setErr(capturedErr);
      exitCode = invoke(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static int invoke(String[] args) {
    try {
      return OffstatsCli.execute(args);
    } catch (RuntimeException e) {
      throw new AssertionError("OffstatsCli.execute threw instead of returning an exit code", e);
    }
  }
}
