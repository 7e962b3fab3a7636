package org.partnersearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The index folder, shared by the subcommands that use it. */
final class IndexOption {
  @Option(names = "--index", defaultValue = "${env:PARTNER_SEARCH_INDEX:-index}",
      description = "Index folder (env PARTNER_SEARCH_INDEX, default: ${DEFAULT-VALUE}).")
  Path index;
}
