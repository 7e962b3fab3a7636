package org.partnersearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;
import org.partnersearch.suggest.SuggestResponse;
import org.partnersearch.suggest.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description =
        "Print the autocomplete suggestions for what a visitor has typed, as the widget shows them.")
final class SuggestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin IndexOption index;

  @Option(
      names = "--lang",
      defaultValue = "${env:PARTNER_SEARCH_LANG:-en}",
      description =
          "Language of labels: en or de (env PARTNER_SEARCH_LANG, default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--size",
      defaultValue = "${env:PARTNER_SEARCH_SUGGEST_SIZE:-" + SuggestRequest.DEFAULT_SIZE + "}",
      description =
          "How many suggestions (1-20) (env PARTNER_SEARCH_SUGGEST_SIZE, default: ${DEFAULT-VALUE}).")
  int size;

  @Parameters(arity = "1..*", paramLabel = "TYPED", description = "What has been typed so far.")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (PartnerSearch app = new PartnerSearch();
        LiveIndex live = index.open(app)) {
      SuggestResponse r =
          app.searcher(live)
              .suggest(new SuggestRequest(String.join(" ", words), size, Lang.parse(lang)));
      for (Suggestion s : r.suggestions()) {
        out.printf(
            "%-8s %s%s%n",
            s.kind().code(),
            TerminalText.of(s.highlighted()),
            s.id() == null ? "" : "  [" + s.id() + "]");
      }
      if (r.suggestions().isEmpty()) {
        out.println("no suggestions for \"" + r.query() + "\"");
      }
      return 0;
    }
  }
}
