package org.partnersearch.cli;

import org.partnersearch.ops.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code partner-search} command: one subcommand per job on the data path. */
@Command(
    name = "partner-search",
    mixinStandardHelpOptions = true,
    version = "partner-search 0.1.0",
    description = "German/English search over the research centre's cooperation partners.",
    subcommands = {
      ServeCommand.class,
      IndexCommand.class,
      ValidateCommand.class,
      SearchCommand.class,
      SuggestCommand.class,
      AnalyzeCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for a corpus with problems. */
  static final int CORPUS_ERROR = 1;

  /** Exit code for wrong arguments (picocli's usage error code). */
  static final int USAGE_ERROR = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    WrongArguments wrong = new WrongArguments();
    return new CommandLine(new Main())
        .setParameterExceptionHandler(wrong)
        .setExecutionExceptionHandler(wrong)
        .setExecutionStrategy(Main::execute);
  }

  /**
   * Runs the chosen command. Only {@code serve} logs at INFO: the one-off commands print their
   * results on stdout, and lines such as "opened gen-000002 …" would only be noise beside them.
   */
  private static int execute(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    if (command.commandSpec().userObject() instanceof ServeCommand) {
      return new CommandLine.RunLast().execute(parsed);
    }
    try (LogSetup.Quiet quiet = LogSetup.warningsOnly()) {
      return new CommandLine.RunLast().execute(parsed);
    }
  }
}
