package org.partnersearch.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;
import org.partnersearch.index.IndexGenerations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Validate the corpus and build a new index generation; the served one is replaced only when the new one is complete.")
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin CorpusOption corpus;
  @Mixin IndexOption index;

  @Option(
      names = "--keep-minutes",
      defaultValue =
          "${env:PARTNER_SEARCH_KEEP_MINUTES:-" + IndexGenerations.DEFAULT_KEEP_MINUTES + "}",
      description =
          "How long a superseded generation stays for serve replicas that still answer from it "
              + "(env PARTNER_SEARCH_KEEP_MINUTES, default: ${DEFAULT-VALUE}).")
  int keepMinutes;

  @Override
  public Integer call() throws Exception {
    if (keepMinutes < 0) {
      err().println("index: --keep-minutes must be 0 or more");
      return Main.USAGE_ERROR;
    }
    IndexGenerations generations =
        new IndexGenerations(index.index, Duration.ofMinutes(keepMinutes), Clock.systemUTC());
    try (PartnerSearch app = new PartnerSearch()) {
      BuildReport report = app.index(corpus.existing(), generations, BuildProgress.to(System.err));
      out()
          .printf(
              "indexed %d documents, %d terms, suggester of %d entries, %.1f KiB in %d ms into %s%n",
              report.documents(),
              report.terms(),
              report.suggesterEntries(),
              report.bytes() / 1024.0,
              report.took().toMillis(),
              report.generation());
      return 0;
    } catch (CorpusException e) {
      err().println(e.getMessage());
      err().println("The index was not changed.");
      return Main.CORPUS_ERROR;
    }
  }
}
