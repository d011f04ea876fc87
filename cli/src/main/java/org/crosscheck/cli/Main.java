package org.crosscheck.cli;

import java.io.PrintWriter;
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
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
}
