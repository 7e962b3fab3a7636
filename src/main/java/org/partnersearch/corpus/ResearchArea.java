package org.partnersearch.corpus;

/** A research area, the second level of the taxonomy; {@code fieldId} names its research field. */
public record ResearchArea(String id, String fieldId, LocalizedText label) {}
