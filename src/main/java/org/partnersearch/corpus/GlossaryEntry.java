package org.partnersearch.corpus;

/** A German term and its English counterpart, used as cross-language synonyms at query time. */
public record GlossaryEntry(String de, String en) {}
