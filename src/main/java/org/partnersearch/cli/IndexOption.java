package org.partnersearch.cli;

import java.nio.file.Path;
import org.partnersearch.PartnerSearch;
import org.partnersearch.serving.LiveIndex;
import picocli.CommandLine.Option;

/** The index folder, shared by the subcommands that use it. */
final class IndexOption {
  @Option(
      names = "--index",
      defaultValue = "${env:PARTNER_SEARCH_INDEX:-index}",
      description = "Index folder (env PARTNER_SEARCH_INDEX, default: ${DEFAULT-VALUE}).")
  Path index;

  /**
   * Opens the published index; a folder without one is a wrong argument, named as the person typed
   * it ({@code ./index} for the default), with the command that makes one.
   */
  LiveIndex open(PartnerSearch app) throws java.io.IOException {
    if (!app.hasIndex(index)) {
      String shown =
          index.isAbsolute() || index.startsWith(".") || index.startsWith("..")
              ? index.toString()
              : "./" + index;
      throw new IllegalArgumentException(
          "no index in " + shown + ": run `partner-search index` first");
    }
    return app.openIndex(index);
  }
}
