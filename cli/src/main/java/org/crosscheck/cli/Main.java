package org.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.crosscheck.CrosscheckException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code crosscheck} command. */
@Command(name = "crosscheck", mixinStandardHelpOptions = true, version = "Crosscheck 0.1.0",
    description = "Groups news articles from many outlets into stories and writes cited cross-source reports.",
    subcommands = {IngestCommand.class, FollowCommand.class, WatchCommand.class, ArticlesCommand.class, ShowCommand.class, StoriesCommand.class, StoryCommand.class, OutletsCommand.class, ReportCommand.class, AlertsCommand.class, ExportCommand.class, ServeCommand.class, DemoCommand.class, EvalCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 some inputs rejected (or id not found), 2 usage error, "
        + "3 the store could not be opened or written."})
public final class Main implements Runnable {
  /** The option's name; its value is read from the parse result, at whichever level it was given. */
  static final String LOG_FILE = "--log-file";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = LOG_FILE, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "Also log to FILE (appended): everything at INFO and above, with stack traces. Warnings and errors"
          + " go to stderr either way.")
  @org.jspecify.annotations.Nullable Path logFile;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Gives every subcommand, at any depth, {@code --help} and {@code --version} unless it has its own. */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandSpec().findOption("--help") == null) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
      addHelpOptions(sub);
    }
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @return the exit code
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    // --help and --version on every subcommand, answered with exit code 0
    addHelpOptions(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionStrategy(parsed -> {
      startLogFile(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof CrosscheckException ce) {
        cmd.getErr().println("crosscheck: " + ce.getMessage());
        cmd.getErr().flush();
        return ce instanceof org.crosscheck.store.StoreException ? ExitCode.STORE : ExitCode.REJECTED;
      }
      throw e;
    });
    return cl.execute(args);
  }

  /** Adds the log file of {@code --log-file}, given before the subcommand or after it, to the logging. */
  private static void startLogFile(CommandLine.ParseResult parsed) {
    Path file = null;
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(LOG_FILE)) {
        file = p.matchedOptionValue(LOG_FILE, null);
      }
    }
    if (file != null) {
      try {
        LogFile.start(file);
      } catch (IOException | RuntimeException e) {
        throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), "cannot write the log file "
            + file + ": " + e);
      }
    }
  }
}
