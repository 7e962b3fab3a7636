package org.partnersearch.corpus;

/** A kind of partner (university, hospital, ...) from {@code corpus/partner-types.yaml}. */
public record PartnerType(String id, LocalizedText label) {}
