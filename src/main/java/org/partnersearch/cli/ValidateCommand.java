package org.partnersearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.corpus.CorpusLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check the corpus (schema and cross-file checks) without indexing it.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin CorpusOption corpus;

  @Override
  public Integer call() {
    try {
      Corpus c = new CorpusLoader().load(corpus.existing());
      out()
          .printf(
              "corpus OK: %d partners, %d research areas, %d glossary entries%n",
              c.partners().size(),
              c.taxonomy().fields().stream().mapToInt(f -> f.areas().size()).sum(),
              c.glossary().size());
      return 0;
    } catch (CorpusException e) {
      err().println(e.getMessage());
      return Main.CORPUS_ERROR;
    }
  }
}
