package org.partnersearch.web;

import java.time.Instant;

/**
 * {@code GET /api/health}: UP while an index is served; degraded when it is not the newest
 * generation.
 */
public record HealthResponse(
    String status, int documents, Instant indexBuiltAt, long generation, boolean degraded) {}
