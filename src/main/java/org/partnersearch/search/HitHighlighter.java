package org.partnersearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.TextFamily;

/**
 * Marks matches in a page of hits with Lucene's UnifiedHighlighter, from the offsets stored in the
 * postings: the name as a whole, and up to two sentences of the description, in the requested
 * language first. Matches of the exact and folded variants of a field are marked in its stored
 * text too (masked fields), and every character is HTML-escaped except our {@code <mark>} tags.
 */
final class HitHighlighter {
  private static final int SNIPPETS = 2;
  private static final int SUMMARY_CHARS = 240;
  /** Joins passages in the highlighter's output; an invisible separator no corpus text contains. */
  private static final String PASSAGE_SEPARATOR = "\u2063";

  private final Analyzer indexAnalyzer;

  HitHighlighter(Analyzer indexAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
  }

  List<SearchHit.Highlight> highlight(IndexSearcher searcher, Query query, int[] docIds, List<Partner> partners, Lang lang)
      throws IOException {
    TextFamily first = IndexSchema.description(lang);
    TextFamily second = IndexSchema.description(lang == Lang.DE ? Lang.EN : Lang.DE);
    String[] fields = {IndexSchema.NAME.base(), first.base(), second.base()};
    int[] passages = {1, SNIPPETS, SNIPPETS};
    UnifiedHighlighter highlighter = highlighter(searcher);
    Map<String, String[]> marked = new HashMap<>();
    for (int f = 0; f < fields.length; f++) {
      Query inFamily = FieldsOfQuery.of(query, family(fields[f]));
      marked.put(fields[f], inFamily == null
          ? new String[docIds.length]
          : highlighter.highlightFields(new String[] {fields[f]}, inFamily, docIds, new int[] {passages[f]}).get(fields[f]));
    }
    List<SearchHit.Highlight> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Partner p = partners.get(i);
      String name = orElse(marked.get(fields[0])[i], Html.escape(p.name()));
      String snippet = orElse(marked.get(fields[1])[i], marked.get(fields[2])[i]);
      if (snippet == null) {
        snippet = Html.escape(summary(p.description().get(lang), lang));
      }
      List<String> snippets = Arrays.stream(snippet.split(PASSAGE_SEPARATOR)).map(String::strip).toList();
      result.add(new SearchHit.Highlight(name, snippets));
    }
    return result;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher) {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", PASSAGE_SEPARATOR, true))
        .withMaxNoHighlightPassages(0);
    return new UnifiedHighlighter(builder) {
      @Override
      protected BreakIterator getBreakIterator(String field) {
        if (field.equals(IndexSchema.NAME.base())) {
          return new WholeBreakIterator();
        }
        boolean german = field.equals(IndexSchema.DESCRIPTION_DE.base());
        return BreakIterator.getSentenceInstance(german ? Locale.GERMAN : Locale.ENGLISH);
      }

      @Override
      protected Set<String> getMaskedFields(String field) {
        return IndexSchema.family(field).map(f -> Set.of(f.exact(), f.folded(), f.parts())).orElse(Set.of());
      }
    };
  }

  /** A highlighted field and the fields whose matches are marked in its text. */
  private static Set<String> family(String field) {
    return IndexSchema.family(field).map(f -> Set.of(f.base(), f.exact(), f.folded(), f.parts())).orElse(Set.of(field));
  }

  /** The first sentence (or so) of a description, for hits whose description did not match. */
  private static String summary(String text, Lang lang) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(lang == Lang.DE ? Locale.GERMAN : Locale.ENGLISH);
    sentences.setText(text);
    int end = sentences.next();
    String first = text.substring(0, end == BreakIterator.DONE ? text.length() : end).trim();
    return first.length() <= SUMMARY_CHARS ? first : first.substring(0, SUMMARY_CHARS).trim() + "…";
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
