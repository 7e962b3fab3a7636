package org.partnersearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The corpus and index folders, shared by the subcommands that use them. */
final class CorpusOption {
  @Option(
      names = "--corpus",
      defaultValue = "${env:PARTNER_SEARCH_CORPUS:-corpus}",
      description = "Corpus folder (env PARTNER_SEARCH_CORPUS, default: ${DEFAULT-VALUE}).")
  Path corpus;

  /** The corpus folder; one that does not exist is a wrong argument, not a corpus with problems. */
  Path existing() {
    if (!java.nio.file.Files.isDirectory(corpus)) {
      throw new IllegalArgumentException(
          "no corpus folder "
              + corpus
              + ": give --corpus the folder that holds "
              + "partners/ (see corpus/README.md)");
    }
    return corpus;
  }
}
