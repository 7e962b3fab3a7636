package org.partnersearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.partnersearch.request.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What a person at a terminal sees when a command cannot run: one line naming what to change, and
 * an exit code, never a stack trace. Wrong arguments (an unknown option, {@code --size 100}, {@code
 * --lang fr}, an {@code --index} folder without an index) exit {@link Main#USAGE_ERROR}; a file
 * that cannot be read or written exits 1. Anything else is a bug and keeps its stack trace.
 */
final class WrongArguments implements IParameterExceptionHandler, IExecutionExceptionHandler {
  /**
   * Exit code for an input/output failure (a folder that cannot be written, a disk that is full).
   */
  static final int IO_ERROR = 1;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    if (e instanceof CommandLine.UnmatchedArgumentException
        && !command.getSubcommands().isEmpty()
        && args.length > 0
        && !args[0].startsWith("-")) {
      return report(
          command,
          "unknown command '"
              + args[0]
              + "': use one of "
              + String.join(", ", command.getSubcommands().keySet()),
          Main.USAGE_ERROR,
          true);
    }
    if (java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--admin-token"))) {
      return report(
          command,
          "the admin token is no option, since every process list would show it: set "
              + ServeCommand.ADMIN_TOKEN_VARIABLE
              + " in the environment",
          Main.USAGE_ERROR);
    }
    return report(command, e.getMessage(), Main.USAGE_ERROR, true);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof IllegalArgumentException || e instanceof InvalidRequestException) {
      return report(command, e.getMessage(), Main.USAGE_ERROR);
    }
    if (e instanceof java.io.UncheckedIOException unchecked) {
      return report(command, describe(unchecked.getCause()), IO_ERROR);
    }
    if (e instanceof IOException io) {
      return report(command, describe(io), IO_ERROR);
    }
    throw e;
  }

  /** NIO names only the file in its message; the kind of failure is in the class. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException fs) {
      String why =
          fs.getReason() != null
              ? fs.getReason()
              : fs instanceof AccessDeniedException
                  ? "permission denied"
                  : fs instanceof NoSuchFileException
                      ? "no such file or folder"
                      : fs instanceof FileAlreadyExistsException
                          ? "already exists"
                          : "cannot be read or written";
      return "cannot use " + fs.getFile() + ": " + why;
    }
    return e.getMessage();
  }

  /**
   * Parse errors point to --help, which lists what is allowed; the others say what to do
   * themselves.
   */
  private static int report(CommandLine command, String message, int exitCode) {
    return report(command, message, exitCode, false);
  }

  private static int report(
      CommandLine command, String message, int exitCode, boolean pointToHelp) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(
        name
            + ": "
            + message.replace('\n', ' ')
            + (pointToHelp ? " (see " + name + " --help)" : ""));
    err.flush();
    return exitCode;
  }
}
