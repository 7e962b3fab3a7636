package org.partnersearch.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.index.TextFamily;

/**
 * Says why a hit matched each query word, from Lucene's Matches API: the first field, in weight
 * order, where the word matches as typed, and how — exact, stem, folding (umlauts or ß spelled
 * otherwise), compound part (inside a longer word) — or else as its compound parts, a glossary
 * synonym or a typo. For editors tuning the corpus, and for tests that pin the mechanisms.
 */
final class MatchExplainer {
  private final QueryFactory queries;

  MatchExplainer(QueryFactory queries) {
    this.queries = queries;
  }

  /**
   * The near-spelling queries explain may use for one query, rewritten once for all its hits: as in
   * the query itself, for the first {@link QueryFactory#MAX_TYPO_WORDS} words that may be typos only.
   */
  Map<String, Query> typos(IndexSearcher searcher, UserQuery query) throws IOException {
    Map<String, Query> typos = new HashMap<>();
    for (UserQuery.Group group : query.required()) {
      for (UserQuery.Term term : group.alternatives()) {
        if (typos.size() >= QueryFactory.MAX_TYPO_WORDS) {
          return typos;
        }
        Query typo = term.phrase() || typos.containsKey(term.text()) ? null
            : queries.typo(term.text(), searcher.getIndexReader());
        if (typo != null) {
          typos.put(term.text(), searcher.rewrite(typo));
        }
      }
    }
    return typos;
  }

  /** @param typos from {@link #typos}: the words that may be explained as typos, with their queries */
  List<MatchReason> explain(IndexSearcher searcher, int doc, UserQuery query, Glossary glossary,
      Map<String, Query> typos) throws IOException {
    List<MatchReason> reasons = new ArrayList<>();
    for (UserQuery.Group group : query.required()) {
      for (UserQuery.Term term : group.alternatives()) {
        explainTerm(searcher, doc, term, glossary, typos).ifPresent(reasons::add);
      }
    }
    return reasons;
  }

  private Optional<MatchReason> explainTerm(IndexSearcher searcher, int doc, UserQuery.Term term, Glossary glossary,
      Map<String, Query> typos) throws IOException {
    String word = term.text();
    for (String field : FieldWeights.FIELDS.keySet()) {
      Optional<MatchReason> asTyped = matchIn(searcher, doc, queries.inField(field, word), field, word, null);
      if (asTyped.isPresent()) {
        return asTyped;
      }
    }
    if (!term.phrase()) {
      Optional<MatchReason> parts = firstMatch(searcher, doc, queries.compoundParts(word), word, "compound parts");
      if (parts.isPresent()) {
        return parts;
      }
    }
    for (String translation : glossary.translations(word)) {
      Optional<MatchReason> synonym = firstMatch(searcher, doc, queries.fields(translation), word, "glossary synonym");
      if (synonym.isPresent()) {
        return synonym;
      }
    }
    return term.phrase() ? Optional.empty() : firstMatch(searcher, doc, typos.get(word), word, "typo");
  }

  /** For the alternatives that span several fields: the first field with a match names the reason. */
  private Optional<MatchReason> firstMatch(IndexSearcher searcher, int doc, Query q, String word, String how)
      throws IOException {
    if (q == null) {
      return Optional.empty();
    }
    Matches matches = matches(searcher, doc, q);
    if (matches == null) {
      return Optional.empty();
    }
    for (String field : matches) {
      return matchIn(searcher, doc, q, field, word, how);
    }
    return Optional.empty();
  }

  private Optional<MatchReason> matchIn(IndexSearcher searcher, int doc, Query q, String field, String word, String how)
      throws IOException {
    if (q == null) {
      return Optional.empty();
    }
    Matches matches = matches(searcher, doc, q);
    MatchesIterator it = matches == null ? null : matches.getMatches(field);
    if (it == null || !it.next()) {
      return Optional.empty();
    }
    String reported = IndexSchema.family(field).map(TextFamily::base).orElse(field);
    String text = storedText(searcher, doc, field);
    if (text == null || it.startOffset() < 0 || it.endOffset() > text.length()) {
      return Optional.of(new MatchReason(word, reported, how != null ? how : "stem", null));
    }
    String matched = text.substring(it.startOffset(), it.endOffset());
    String kind = how != null ? how : classify(text, it.startOffset(), it.endOffset(), word);
    return Optional.of(new MatchReason(word, reported, kind, matched));
  }

  /** How a match of the word as typed relates to the text it matched. */
  static String classify(String text, int start, int end, String typed) {
    boolean insideWord = (start > 0 && Character.isLetter(text.charAt(start - 1)))
        || (end < text.length() && Character.isLetter(text.charAt(end)));
    String matched = text.substring(start, end);
    if (insideWord) {
      return "compound part";
    }
    if (matched.equalsIgnoreCase(typed)) {
      return "exact";
    }
    return fold(matched).equals(fold(typed)) ? "folding" : "stem";
  }

  private static String fold(String s) {
    String lower = s.toLowerCase(Locale.GERMAN).replace("ß", "ss")
        .replace("ae", "a").replace("oe", "o").replace("ue", "u");
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  private static Matches matches(IndexSearcher searcher, int doc, Query q) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return weight.matches(leaf, doc - leaf.docBase);
  }

  /** The stored text a field's offsets point into: its family's base field, values joined by the offset gap. */
  private static String storedText(IndexSearcher searcher, int doc, String field) throws IOException {
    Optional<TextFamily> family = IndexSchema.family(field);
    if (family.isEmpty()) {
      return null;
    }
    String[] values = searcher.storedFields().document(doc).getValues(family.get().base());
    return values.length == 0 ? null : String.join(" ", values);
  }
}
