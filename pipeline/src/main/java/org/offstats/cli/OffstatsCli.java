package org.offstats.cli;

import java.io.PrintWriter;
import org.offstats.extract.InputException;
import org.offstats.run.BuildInfo;
import org.offstats.run.CannotWriteException;
import org.offstats.run.JitPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code offstats} command (OUTPUTS.md "Command line"). Exit codes: 0 success; 1 a check found
 * differences; 2 bad usage or bad input, with a one-line message naming the file, line, column and
 * rule; 3 an internal error (a stack trace only with {@code --debug}).
 */
@Command(
    name = "offstats",
    mixinStandardHelpOptions = true,
    versionProvider = OffstatsCli.Version.class,
    description = "Offender-activity statistics: force extracts in, published tables and headline figures out.",
    subcommands = {
      RunCommand.class, GenerateCommand.class, VerifyCommand.class, DiffCommand.class, ExplainCommand.class, ReportCommand.class,
      ShowCommand.class
    })
public final class OffstatsCli implements Runnable {
  public static final int OK = 0;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    JitPlan.enableForThisProcess();
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; never exits the JVM. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new OffstatsCli());
    // picocli already answers bad usage with exit code 2 (CommandLine.ExitCode.USAGE)
    commandLine.setExecutionExceptionHandler(OffstatsCli::handle);
    commandLine.setParameterExceptionHandler(OffstatsCli::usageError);
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, generate, verify, explain, diff, report or show (see offstats --help)");
  }

  /** Bad usage: one line naming the problem and where the help is, exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String message = e.getMessage() == null ? "bad usage" : e.getMessage().split("\n")[0];
    command.getErr().println("offstats: error: " + message + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
    return BAD_INPUT;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean debug = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug");
    InputException input = findCause(e, InputException.class);
    if (input == null) {
      // a full or read-only disk under something the run's own writers do not name
      input = CannotWriteException.fromFileSystem(e).orElse(null);
    }
    if (input != null) {
      // one line whatever the input held: a value quoted in the message may hold a line break
      err.println("offstats: error: " + input.getMessage().replace("\r", "\\r").replace("\n", "\\n"));
      if (debug) {
        e.printStackTrace(err);
      }
      return BAD_INPUT;
    }
    err.println("offstats: internal error: " + describe(e) + (debug ? "" : " (run again with --debug for the stack trace)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return INTERNAL_ERROR;
  }

  /** The innermost cause, one line, without any record content. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage().split("\n")[0];
    return root.getClass().getSimpleName() + message;
  }

  /** Beam wraps exceptions thrown inside transforms; the input problem may be several causes deep. */
  static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** {@code --version}: the version and commit baked in at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.current();
      return new String[] {"offstats " + build.version() + " (git " + build.gitCommit() + ")"};
    }
  }
}
