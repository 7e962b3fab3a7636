package org.partnersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.SearchableText;
import org.partnersearch.serving.Glossary;

/**
 * Says why a hit matched each query word, from the postings of the hit: the first text in the
 * table's order ({@link SearchableText}) where a term of the word occurs, the best kind first
 * ({@link MatchKind}: exact, stem, folding, compound part), or else its compound parts, a glossary
 * synonym or a typo; and the stretch of the partner's text the term's offsets point at. The order
 * is fixed by the two enums, so the answer is the same on every start. For editors tuning the
 * corpus, and for tests that pin the mechanisms.
 */
final class MatchExplainer {
  private final TypedWords typedWords;
  private final QueryFactory queries;
  private final GermanDecompounder decompounder;

  MatchExplainer(QueryFactory queries) {
    this.typedWords = queries.typedWords();
    this.queries = queries;
    this.decompounder = queries.decompounder();
  }

  /** One hit: where its postings are, and the texts their offsets point into. */
  private record Hit(LeafReaderContext leaf, int doc, Partner partner, Vocabulary vocabulary) {}

  /**
   * Where a term matched: the text, the kind of match and the matched stretch (null if unknown).
   */
  private record Found(SearchableText text, MatchKind kind, String matched) {}

  /**
   * The near spellings explain may name for one query, per word and text, looked up once for all
   * its hits: as in the query itself, for the first {@link QueryFactory#MAX_TYPO_WORDS} words that
   * may be typos only. Per hit and word they would cost an automaton and a term-dictionary walk
   * each.
   */
  Map<String, Map<SearchableText, List<String>>> typos(IndexSearcher searcher, UserQuery query)
      throws IOException {
    Map<String, Map<SearchableText, List<String>>> typos = new HashMap<>();
    for (UserQuery.Group group : query.required()) {
      for (UserQuery.Term term : group.alternatives()) {
        if (typos.size() >= QueryFactory.MAX_TYPO_WORDS) {
          return typos;
        }
        NearSpellings near =
            term.phrase() || typos.containsKey(term.text())
                ? null
                : queries.nearSpellingsOf(term.text(), searcher.getIndexReader());
        if (near != null) {
          Map<SearchableText, List<String>> byText = new LinkedHashMap<>();
          for (SearchableText text : KnownWords.WORD_TEXTS) {
            byText.put(
                text, List.copyOf(near.in(searcher.getIndexReader(), text.field()).keySet()));
          }
          typos.put(term.text(), byText);
        }
      }
    }
    return typos;
  }

  /**
   * @param typos from {@link #typos}: the words that may be explained as typos, with their near
   *     spellings
   */
  List<MatchReason> explain(
      IndexSearcher searcher,
      int doc,
      Partner partner,
      Vocabulary vocabulary,
      UserQuery query,
      Glossary glossary,
      Map<String, Map<SearchableText, List<String>>> typos)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Hit hit = new Hit(leaf, doc - leaf.docBase, partner, vocabulary);
    List<MatchReason> reasons = new ArrayList<>();
    for (UserQuery.Group group : query.required()) {
      for (UserQuery.Term term : group.alternatives()) {
        explainTerm(hit, term, glossary, typos)
            .map(f -> new MatchReason(term.text(), f.text().field(), f.kind().label(), f.matched()))
            .ifPresent(reasons::add);
      }
    }
    return reasons;
  }

  private Optional<Found> explainTerm(
      Hit hit,
      UserQuery.Term term,
      Glossary glossary,
      Map<String, Map<SearchableText, List<String>>> typos)
      throws IOException {
    String word = term.text();
    Optional<Found> asTyped = first(hit, word, WordForms::terms);
    if (asTyped.isPresent() || term.phrase()) {
      return asTyped;
    }
    Optional<Found> parts = compoundParts(hit, word);
    if (parts.isPresent()) {
      return parts;
    }
    for (String translation : glossary.translations(word)) {
      Optional<Found> synonym = first(hit, translation, WordForms::translationTerms);
      if (synonym.isPresent()) {
        return synonym;
      }
    }
    for (Map.Entry<SearchableText, List<String>> near :
        typos.getOrDefault(word, Map.of()).entrySet()) {
      for (String candidate : near.getValue()) {
        Optional<Found> typo = find(hit, near.getKey(), candidate, MatchKind.TYPO);
        if (typo.isPresent()) {
          return typo;
        }
      }
    }
    return Optional.empty();
  }

  /** All parts of a typed compound occur: named by where the first one does. */
  private Optional<Found> compoundParts(Hit hit, String word) throws IOException {
    List<GermanDecompounder.Part> parts = decompounder.split(word.toLowerCase(Locale.ROOT));
    if (parts.size() < 2) {
      return Optional.empty();
    }
    Optional<Found> first = Optional.empty();
    for (GermanDecompounder.Part part : parts) {
      Optional<Found> found = first(hit, part.text(), WordForms::terms);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      if (first.isEmpty()) {
        first = found;
      }
    }
    return first.map(f -> new Found(f.text(), MatchKind.COMPOUND_PARTS, f.matched()));
  }

  /**
   * The first text where every word of {@code text} occurs in the hit, named by its first word's
   * best kind of term there.
   */
  private Optional<Found> first(
      Hit hit, String text, Function<WordForms, Map<String, MatchKind>> terms) throws IOException {
    for (SearchableText searchable : SearchableText.values()) {
      List<WordForms> words = typedWords.of(searchable.chain(), text);
      if (words.isEmpty()) {
        return Optional.empty();
      }
      Optional<Found> first = Optional.empty();
      for (WordForms word : words) {
        Optional<Found> found = best(hit, searchable, terms.apply(word));
        if (found.isEmpty()) {
          first = Optional.empty();
          break;
        }
        first = first.isPresent() ? first : found;
      }
      if (first.isPresent()) {
        return first;
      }
    }
    return Optional.empty();
  }

  /** The best kind of match of one word's terms in one text. */
  private static Optional<Found> best(
      Hit hit, SearchableText searchable, Map<String, MatchKind> terms) throws IOException {
    for (MatchKind kind : MatchKind.values()) {
      for (Map.Entry<String, MatchKind> term : terms.entrySet()) {
        if (term.getValue() == kind) {
          Optional<Found> found = find(hit, searchable, term.getKey(), kind);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the hit has {@code term} in {@code searchable}'s field, and the text at its first
   * offsets.
   */
  private static Optional<Found> find(
      Hit hit, SearchableText searchable, String term, MatchKind kind) throws IOException {
    Terms terms = hit.leaf().reader().terms(searchable.field());
    if (terms == null) {
      return Optional.empty();
    }
    TermsEnum te = terms.iterator();
    if (!te.seekExact(new BytesRef(term))) {
      return Optional.empty();
    }
    PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
    if (postings.advance(hit.doc()) != hit.doc()) {
      return Optional.empty();
    }
    postings.nextPosition();
    String text = searchable.joinedTexts(hit.partner(), hit.vocabulary());
    int start = postings.startOffset();
    int end = postings.endOffset();
    String matched =
        start >= 0 && end <= text.length() && start < end ? text.substring(start, end) : null;
    return Optional.of(new Found(searchable, kind, matched));
  }
}
