package org.partnersearch.search;

/**
 * Why a hit matched one query word, for editors tuning the corpus and for tests.
 *
 * @param field the index field that matched, e.g. {@code description_en}
 * @param how exact, stem, compound part, folding, glossary synonym or typo
 * @param matched the text in the partner that matched, e.g. "forschung" inside "Endlagerforschung"
 */
public record MatchReason(String word, String field, String how, String matched) {}
