package org.partnersearch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.search.SearchHit;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;
import org.partnersearch.serving.LiveIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search the index and print ranked results with snippets, for editors checking a change.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin IndexOption index;

  @Option(
      names = "--lang",
      defaultValue = "${env:PARTNER_SEARCH_LANG:-en}",
      description =
          "Language of labels and snippets: en or de (env PARTNER_SEARCH_LANG, default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--size",
      defaultValue = "${env:PARTNER_SEARCH_SIZE:-10}",
      description = "How many results (1-50) (env PARTNER_SEARCH_SIZE, default: ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--explain",
      defaultValue = "${env:PARTNER_SEARCH_EXPLAIN:-false}",
      arity = "0..1",
      description =
          "Show why each result matched (env PARTNER_SEARCH_EXPLAIN, default: ${DEFAULT-VALUE}).")
  boolean explain;

  @Option(
      names = "--time-budget-ms",
      defaultValue = "${env:PARTNER_SEARCH_SEARCH_TIME_BUDGET_MS:-10000}",
      description =
          "How long the search may take, in milliseconds; an editor's one-off search in a cold JVM gets "
              + "more than a server's (env PARTNER_SEARCH_SEARCH_TIME_BUDGET_MS, default: ${DEFAULT-VALUE}).")
  long timeBudgetMs;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    Lang language = Lang.parse(lang);
    try (PartnerSearch app = new PartnerSearch();
        LiveIndex live = index.open(app)) {
      SearchResponse r =
          app.searcher(live, Duration.ofMillis(timeBudgetMs))
              .search(
                  new SearchRequest(
                      String.join(" ", words),
                      1,
                      size,
                      List.of(),
                      List.of(),
                      List.of(),
                      language,
                      explain));
      out()
          .printf(
              "%d result(s) for \"%s\"%s%n",
              r.total(), r.query(), r.relaxed() ? " (not all words matched)" : "");
      if (r.partial()) {
        out().println("(partial: the time budget ran out; raise --time-budget-ms)");
      }
      if (r.didYouMean() != null) {
        out().println("did you mean: " + r.didYouMean());
      }
      int rank = 1;
      for (SearchHit hit : r.hits()) {
        out()
            .printf(
                "%2d. %s  [%s]  %.2f%n",
                rank++, TerminalText.of(hit.highlight().name()), hit.id(), hit.score());
        hit.highlight().snippets().forEach(s -> out().println("    " + TerminalText.of(s)));
        if (hit.explain() != null) {
          hit.explain()
              .forEach(
                  m ->
                      out()
                          .printf(
                              "    - %s: %s in %s (%s)%n",
                              m.word(), m.how(), m.field(), m.matched()));
        }
      }
      return 0;
    }
  }
}
