package org.partnersearch.serving;

import java.time.Instant;

/** The served index generation, as health checks report it. */
public record IndexStatus(int documents, Instant builtAt, long generation, boolean degraded) {}
