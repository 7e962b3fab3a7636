package org.partnersearch.corpus;

/** A place on the globe in decimal degrees, north and east positive (WGS 84, as maps give them). */
public record Coordinates(double latitude, double longitude) {}
