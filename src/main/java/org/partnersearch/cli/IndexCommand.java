package org.partnersearch.cli;

import java.util.concurrent.Callable;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.index.BuildReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Validate the corpus and build a new index generation; the served one is replaced only when the new one is complete.")
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

  @Override
  public Integer call() throws Exception {
    try (PartnerSearch app = new PartnerSearch()) {
      BuildReport report = app.index(corpus.existing(), index.index, BuildProgress.to(System.err));
      out().printf("indexed %d documents, %d terms, suggester of %d entries, %.1f KiB in %d ms into %s%n",
          report.documents(), report.terms(), report.suggesterEntries(), report.bytes() / 1024.0,
          report.took().toMillis(), report.generation());
      return 0;
    } catch (CorpusException e) {
      err().println(e.getMessage());
      err().println("The index was not changed.");
      return Main.CORPUS_ERROR;
    }
  }
}
