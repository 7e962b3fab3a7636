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
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
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
    Map<Integer, Partner> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byDoc.put(docIds[i], partners.get(i));
    }
    UnifiedHighlighter highlighter = highlighter(searcher, byDoc);
    FieldsOfQuery parts = new FieldsOfQuery(searcher.getIndexReader());
    String[] names = marked(highlighter, parts, IndexSchema.NAME, query, docIds, 1);
    String[] snippets = marked(highlighter, parts, IndexSchema.description(lang), query, docIds, SNIPPETS);
    // The other language's description only for hits whose own language's did not match.
    int[] unmatched = IntStream.range(0, docIds.length).filter(i -> snippets[i] == null).toArray();
    if (unmatched.length > 0) {
      int[] unmatchedDocs = Arrays.stream(unmatched).map(i -> docIds[i]).toArray();
      TextFamily other = IndexSchema.description(lang == Lang.DE ? Lang.EN : Lang.DE);
      String[] others = marked(highlighter, parts, other, query, unmatchedDocs, SNIPPETS);
      for (int j = 0; j < unmatched.length; j++) {
        snippets[unmatched[j]] = others[j];
      }
    }
    List<SearchHit.Highlight> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Partner p = partners.get(i);
      String name = orElse(names[i], Html.escape(p.name()));
      String snippet = snippets[i] != null ? snippets[i] : Html.escape(summary(p.description().get(lang), lang));
      result.add(new SearchHit.Highlight(name, Arrays.stream(snippet.split(PASSAGE_SEPARATOR)).map(String::strip).toList()));
    }
    return result;
  }

  /**
   * The marked text of {@code family}'s field for each doc, null where nothing matched there. Only
   * the query's clauses in the family go to the highlighter: it asks the query for its matches once
   * per field and hit, looking up every term of every field (JFR: most of a search's CPU).
   */
  private static String[] marked(UnifiedHighlighter highlighter, FieldsOfQuery parts, TextFamily family, Query query,
      int[] docIds, int passages) throws IOException {
    Query inFamily = parts.of(query, Set.of(family.base(), family.exact(), family.folded(), family.parts()));
    if (inFamily == null) {
      return new String[docIds.length];
    }
    String field = family.base();
    return highlighter.highlightFields(new String[] {field}, inFamily, docIds, new int[] {passages}).get(field);
  }

  /** The texts come from the partners already read for the hits, not from the stored fields again. */
  private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Partner> byDoc) {
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

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          Partner p = byDoc.get(doc);
          values.add(Arrays.stream(fields).map(f -> text(p, f)).toArray(CharSequence[]::new));
        }
        return values;
      }
    };
  }

  /** The text a highlighted field was indexed from. */
  private static String text(Partner p, String field) {
    if (field.equals(IndexSchema.NAME.base())) {
      return p.name();
    }
    if (field.equals(IndexSchema.DESCRIPTION_DE.base())) {
      return p.description().de();
    }
    if (field.equals(IndexSchema.DESCRIPTION_EN.base())) {
      return p.description().en();
    }
    throw new IllegalArgumentException("not a highlighted field: " + field);
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
