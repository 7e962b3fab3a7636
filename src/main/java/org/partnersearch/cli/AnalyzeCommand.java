package org.partnersearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Print the tokens a chain makes of a text, with positions and offsets, for debugging the analysis.")
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Option(
      names = "--lang",
      defaultValue = "${env:PARTNER_SEARCH_ANALYZE_LANG}",
      description =
          "de (German chain) or en (English chain); shortcut for --chain "
              + "(env PARTNER_SEARCH_ANALYZE_LANG, default: none, so the chain's default).")
  String lang;

  @Option(
      names = "--chain",
      defaultValue = "${env:PARTNER_SEARCH_ANALYZE_CHAIN}",
      description =
          "One of: ${COMPLETION-CANDIDATES} (env PARTNER_SEARCH_ANALYZE_CHAIN, default: GERMAN_VARIANTS).")
  Chain chain;

  @Option(
      names = "--query",
      defaultValue = "${env:PARTNER_SEARCH_ANALYZE_QUERY:-false}",
      arity = "0..1",
      description =
          "Analyse as a query (no compound parts) instead of as indexed text "
              + "(env PARTNER_SEARCH_ANALYZE_QUERY, default: ${DEFAULT-VALUE}).")
  boolean query;

  @Parameters(paramLabel = "TEXT", description = "The text to analyse.")
  String text;

  @Override
  public Integer call() throws Exception {
    Chain selected =
        chain != null
            ? chain
            : "en".equalsIgnoreCase(lang) ? Chain.ENGLISH_VARIANTS : Chain.GERMAN_VARIANTS;
    if (lang != null && !lang.toLowerCase(Locale.ROOT).matches("de|en")) {
      throw new IllegalArgumentException("--lang must be de or en, not '" + lang + "'");
    }
    try (Analyzers analyzers = new Analyzers(new GermanDecompounder())) {
      Analyzer analyzer = query ? analyzers.query(selected) : analyzers.index(selected);
      out().printf("%-4s %-28s %s%n", "pos", "token", "offsets");
      try (TokenStream ts = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        int position = -1;
        while (ts.incrementToken()) {
          position += inc.getPositionIncrement();
          out()
              .printf(
                  "%-4d %-28s %d-%d  \"%s\"%n",
                  position,
                  term,
                  offset.startOffset(),
                  offset.endOffset(),
                  text.substring(offset.startOffset(), offset.endOffset()));
        }
        ts.end();
      }
    }
    return 0;
  }
}
