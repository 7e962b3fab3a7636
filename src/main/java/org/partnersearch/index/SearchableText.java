package org.partnersearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.partnersearch.analysis.Chain;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;

/**
 * The one table of the texts a partner is found by: each is one indexed field, analysed by one
 * chain that stacks every variant of each word at its position, weighted for the query, and, for
 * names and descriptions, highlighted. The indexer, the query, the highlighter and explain all read
 * it. Declared in weight order, which is also the order in which explain looks for a word's match.
 */
public enum SearchableText {
  /** Official name, often German. */
  NAME("name", Chain.GERMAN_VARIANTS, 10f, Highlight.WHOLE),
  /** English name. */
  NAME_EN("name_en", Chain.ENGLISH_VARIANTS, 10f, Highlight.NONE),
  /** Acronyms and other names (multi-valued); acronyms come out of the English chain intact. */
  ALIASES("aliases", Chain.ENGLISH_VARIANTS, 10f, Highlight.NONE),
  /**
   * Research area and field labels and the partner type's label, in German: "Klinikum" finds
   * hospitals.
   */
  LABELS_DE("labels_de", Chain.GERMAN_VARIANTS, 4.5f, Highlight.NONE),
  /** The same labels in English. */
  LABELS_EN("labels_en", Chain.ENGLISH_VARIANTS, 4.5f, Highlight.NONE),
  /** German description; German compounds in it are decompounded. */
  DESCRIPTION_DE("description_de", Chain.GERMAN_VARIANTS, 2.5f, Highlight.SENTENCES),
  /** English description; German words in it are decompounded too. */
  DESCRIPTION_EN("description_en", Chain.ENGLISH_VARIANTS, 2.5f, Highlight.SENTENCES),
  /** HZDR institutes and contact names, so "Krause" or "Resource Ecology" find their partners. */
  PEOPLE("people", Chain.ENGLISH_VARIANTS, 2f, Highlight.NONE);

  /** How a text is shown marked in a hit. */
  public enum Highlight {
    NONE,
    /** The whole text, as a name. */
    WHOLE,
    /** The best sentences, as snippets. */
    SENTENCES
  }

  private final String field;
  private final Chain chain;
  private final float weight;
  private final Highlight highlight;

  SearchableText(String field, Chain chain, float weight, Highlight highlight) {
    this.field = field;
    this.chain = chain;
    this.weight = weight;
    this.highlight = highlight;
  }

  /** The index field. */
  public String field() {
    return field;
  }

  /**
   * The chain the field is indexed with; at query time the same chain gives a typed word's forms.
   */
  public Chain chain() {
    return chain;
  }

  /** How much a match here counts against a match in another text. */
  public float weight() {
    return weight;
  }

  public Highlight highlight() {
    return highlight;
  }

  /**
   * The values indexed for {@code p}, in order: the highlighter and explain read their offsets in
   * these values (joined by one character, Lucene's offset gap between values).
   */
  public List<String> texts(Partner p, Vocabulary vocabulary) {
    List<String> values =
        switch (this) {
          case NAME -> list(p.name());
          case NAME_EN -> list(p.nameEn());
          case ALIASES -> p.aliases();
          case LABELS_DE -> labels(p, vocabulary, true);
          case LABELS_EN -> labels(p, vocabulary, false);
          case DESCRIPTION_DE -> list(p.description().de());
          case DESCRIPTION_EN -> list(p.description().en());
          case PEOPLE ->
              Stream.concat(p.hzdrInstitutes().stream(), p.contacts().stream().map(c -> c.name()))
                  .toList();
        };
    return values.stream().filter(Objects::nonNull).toList();
  }

  /** The text whose offsets a match in this field points into. */
  public String joinedTexts(Partner p, Vocabulary vocabulary) {
    return String.join(" ", texts(p, vocabulary));
  }

  /** The field of {@code name}, if it is a searchable text. */
  public static java.util.Optional<SearchableText> ofField(String name) {
    return Stream.of(values()).filter(t -> t.field.equals(name)).findFirst();
  }

  private static List<String> labels(Partner p, Vocabulary vocabulary, boolean german) {
    List<String> labels = new ArrayList<>();
    for (String areaId : p.researchAreas()) {
      ResearchArea area =
          vocabulary
              .taxonomy()
              .area(areaId)
              .orElseThrow(
                  () -> new IllegalArgumentException(p.id() + ": unknown research area " + areaId));
      ResearchField researchField = vocabulary.taxonomy().field(area.fieldId()).orElseThrow();
      labels.add(
          german
              ? area.label().de() + "; " + researchField.label().de()
              : area.label().en() + "; " + researchField.label().en());
    }
    vocabulary.type(p.type()).ifPresent(t -> labels.add(german ? t.label().de() : t.label().en()));
    return labels;
  }

  private static List<String> list(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
