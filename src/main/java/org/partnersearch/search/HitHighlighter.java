package org.partnersearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.html.Html;
import org.partnersearch.index.SearchableText;

/**
 * Marks matches in a page of hits with Lucene's UnifiedHighlighter, from the offsets stored in the
 * postings: the name as a whole, and up to two sentences of the description, in the requested
 * language first. Every variant of a word sits in the one field of its text with its own offsets (a
 * compound part with the part's), so the query's own terms mark the stored text directly. Every
 * character is HTML-escaped except our {@code <mark>} tags.
 */
final class HitHighlighter {
  private static final int SNIPPETS = 2;
  private static final int SUMMARY_CHARS = 240;

  /** Joins passages in the highlighter's output; an invisible separator no corpus text contains. */
  private static final String PASSAGE_SEPARATOR = "\u2063";

  /**
   * Sentence rules, loaded once and cloned for each use: {@code getSentenceInstance} loads and
   * compiles them each time (JFR: 4 % of a search at 13 partners).
   */
  private final BreakIterator germanSentences = BreakIterator.getSentenceInstance(Locale.GERMAN);

  private final BreakIterator englishSentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private final Analyzer indexAnalyzer;

  HitHighlighter(Analyzer indexAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
  }

  private BreakIterator sentences(Lang lang) {
    return (BreakIterator) (lang == Lang.DE ? germanSentences : englishSentences).clone();
  }

  List<SearchHit.Highlight> highlight(
      IndexSearcher searcher,
      Query query,
      int[] docIds,
      List<Partner> partners,
      Lang lang,
      Vocabulary vocabulary)
      throws IOException {
    Map<Integer, Partner> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byDoc.put(docIds[i], partners.get(i));
    }
    UnifiedHighlighter highlighter = highlighter(searcher, byDoc, vocabulary);
    String[] names = marked(highlighter, SearchableText.NAME, query, docIds, 1);
    String[] snippets = marked(highlighter, description(lang), query, docIds, SNIPPETS);
    // The other language's description only for hits whose own language's did not match.
    int[] unmatched = IntStream.range(0, docIds.length).filter(i -> snippets[i] == null).toArray();
    if (unmatched.length > 0) {
      int[] unmatchedDocs = Arrays.stream(unmatched).map(i -> docIds[i]).toArray();
      SearchableText other = description(lang == Lang.DE ? Lang.EN : Lang.DE);
      String[] others = marked(highlighter, other, query, unmatchedDocs, SNIPPETS);
      for (int j = 0; j < unmatched.length; j++) {
        snippets[unmatched[j]] = others[j];
      }
    }
    List<SearchHit.Highlight> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Partner p = partners.get(i);
      String name = orElse(names[i], Html.escape(p.name()));
      String snippet =
          snippets[i] != null ? snippets[i] : Html.escape(summary(p.description().get(lang), lang));
      result.add(
          new SearchHit.Highlight(
              name, Arrays.stream(snippet.split(PASSAGE_SEPARATOR)).map(String::strip).toList()));
    }
    return result;
  }

  private static SearchableText description(Lang lang) {
    return lang == Lang.DE ? SearchableText.DESCRIPTION_DE : SearchableText.DESCRIPTION_EN;
  }

  /** The marked text of {@code text}'s field for each doc, null where nothing matched there. */
  private static String[] marked(
      UnifiedHighlighter highlighter, SearchableText text, Query query, int[] docIds, int passages)
      throws IOException {
    String field = text.field();
    return highlighter
        .highlightFields(new String[] {field}, inField(query, field), docIds, new int[] {passages})
        .get(field);
  }

  /**
   * The parts of {@code query} that look for terms in {@code field}, any of them: what the
   * highlighter marks there. The highlighter asks the query for each hit's matches in every field
   * and then keeps one field's (JFR: a quarter of a search at 13 partners, over eight texts a
   * word); a hit already matched the whole query, so its matches in one field are those of the
   * field's own term and phrase queries. Excluded words are left out, as Lucene's matches leave
   * them out.
   */
  static Query inField(Query query, String field) {
    Set<Query> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Query> inOrder = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String f) {
            return f.equals(field);
          }

          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            if (leaves.add(leaf)) {
              inOrder.add(leaf);
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    if (inOrder.size() > IndexSearcher.getMaxClauseCount()) {
      return query;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    inOrder.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /** The texts come from the partners already read for the hits, as the schema indexed them. */
  private UnifiedHighlighter highlighter(
      IndexSearcher searcher, Map<Integer, Partner> byDoc, Vocabulary vocabulary) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, indexAnalyzer)
            .withFormatter(
                new DefaultPassageFormatter("<mark>", "</mark>", PASSAGE_SEPARATOR, true))
            .withMaxNoHighlightPassages(0)
            // NOTE: the query's terms read from the postings of each hit, not Weight.matches:
            // that builds a searcher, a rewrite and a weight (every term sought again) per hit and
            // field (JFR at 13 partners: most of highlighting). Phrases keep their positions
            // through the highlighter's phrase helper.
            .withWeightMatches(false)
            .withScorer(new SmallPassageScorer());
    return new UnifiedHighlighter(builder) {
      @Override
      protected BreakIterator getBreakIterator(String field) {
        SearchableText text = SearchableText.ofField(field).orElseThrow();
        if (text.highlight() == SearchableText.Highlight.WHOLE) {
          return new WholeBreakIterator();
        }
        return sentences(text == SearchableText.DESCRIPTION_DE ? Lang.DE : Lang.EN);
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(
          OffsetSource offsetSource, UHComponents components) {
        return offsetSource == OffsetSource.POSTINGS
            ? new ReusedPostingsOffsets(components)
            : super.getOffsetStrategy(offsetSource, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          Partner p = byDoc.get(doc);
          values.add(
              Arrays.stream(fields)
                  .map(f -> SearchableText.ofField(f).orElseThrow().joinedTexts(p, vocabulary))
                  .toArray(CharSequence[]::new));
        }
        return values;
      }
    };
  }

  /**
   * Lucene's passage score, its terms told apart without a {@link
   * org.apache.lucene.util.BytesRefHash}: that allocates a 32 KB block for each passage scored, and
   * every sentence with a match is one (JFR at 13 partners: an eighth of a search's allocation). A
   * passage has a handful of matches: a scan over them finds the repeated terms.
   */
  private static final class SmallPassageScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      double score = 0d;
      for (int i = 0; i < matches; i++) {
        int inPassage = 1;
        boolean seen = false;
        for (int j = 0; j < matches && !seen; j++) {
          if (terms[j].bytesEquals(terms[i])) {
            seen = j < i;
            inPassage += j > i ? 1 : 0;
          }
        }
        if (!seen) {
          score +=
              tf(inPassage, passage.getLength())
                  * weight(contentLength, passage.getMatchTermFreqsInDoc()[i]);
        }
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }

  /** The first sentence (or so) of a description, for hits whose description did not match. */
  private String summary(String text, Lang lang) {
    BreakIterator sentences = sentences(lang);
    sentences.setText(text);
    int end = sentences.next();
    String first = text.substring(0, end == BreakIterator.DONE ? text.length() : end).trim();
    return first.length() <= SUMMARY_CHARS ? first : first.substring(0, SUMMARY_CHARS).trim() + "…";
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
