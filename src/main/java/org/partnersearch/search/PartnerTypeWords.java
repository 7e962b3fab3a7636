package org.partnersearch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.partnersearch.analysis.Chain;
import org.partnersearch.corpus.PartnerType;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.serving.Glossary;

/**
 * A query of one word that names a kind of partner ("Hochschule", "Universitäten", "hospital",
 * "Krankenhaus" through the glossary) asks for partners of that kind: they come first, the others
 * that mention the word after them. A Universitätsklinikum, described as "University Hospital" in
 * English, is a hospital: for "Hochschule" the universities come first.
 *
 * <p>NOTE: one word only: in "University Hospital Dresden" the kind is one word of a name, and the
 * partner so named must stay first.
 */
final class PartnerTypeWords {
  /**
   * What being of the named kind adds to a score: more than any text match gives, so the kind ranks
   * first.
   */
  static final float NAMED_TYPE = 100f;

  private final TypedWords typedWords;
  private final FacetsConfig facetsConfig;

  PartnerTypeWords(TypedWords typedWords, FacetsConfig facetsConfig) {
    this.typedWords = typedWords;
    this.facetsConfig = facetsConfig;
  }

  /**
   * {@code base}, with partners of the kinds that {@code query} names ranked up; {@code base}
   * itself if it names none.
   */
  Query rankNamedTypes(
      Query base, UserQuery query, Glossary glossary, Vocabulary vocabulary, IndexedTerms indexed) {
    Set<String> named = named(query, glossary, vocabulary, indexed);
    if (named.isEmpty()) {
      return base;
    }
    DrillDownQuery ofType = new DrillDownQuery(facetsConfig);
    named.forEach(id -> ofType.add(IndexSchema.FACET_TYPE, id));
    return new BooleanQuery.Builder()
        .add(base, Occur.MUST)
        .add(new BoostQuery(new ConstantScoreQuery(ofType), NAMED_TYPE), Occur.SHOULD)
        .build();
  }

  /**
   * The ids of the types whose German or English label the query's one word, or its translation, is
   * (stems compared).
   */
  private Set<String> named(
      UserQuery query, Glossary glossary, Vocabulary vocabulary, IndexedTerms indexed) {
    Set<String> named = new LinkedHashSet<>();
    if (query.required().size() != 1) {
      return named;
    }
    for (UserQuery.Group g : query.required()) {
      if (g.alternatives().size() != 1 || g.alternatives().get(0).phrase()) {
        continue;
      }
      String word = g.alternatives().get(0).text();
      List<String> candidates = new ArrayList<>(List.of(word));
      candidates.addAll(indexed.translations(glossary, word));
      for (PartnerType type : vocabulary.types()) {
        for (String candidate : candidates) {
          if (sameWord(indexed, Chain.GERMAN_VARIANTS, candidate, type.label().de())
              || sameWord(indexed, Chain.ENGLISH_VARIANTS, candidate, type.label().en())) {
            named.add(type.id());
          }
        }
      }
    }
    return named;
  }

  /** Each text analysed once per request (the types' labels are compared with every query). */
  private boolean sameWord(IndexedTerms indexed, Chain chain, String a, String b) {
    List<WordForms> x = indexed.words(typedWords, chain, a);
    List<WordForms> y = indexed.words(typedWords, chain, b);
    return x.size() == 1 && y.size() == 1 && x.get(0).stem().equals(y.get(0).stem());
  }
}
