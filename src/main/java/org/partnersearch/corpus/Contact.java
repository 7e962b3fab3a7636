package org.partnersearch.corpus;

/** A contact person as named on the partners page; role may be null. */
public record Contact(String name, String role) {}
