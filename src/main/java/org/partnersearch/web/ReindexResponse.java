package org.partnersearch.web;

/** {@code POST /api/admin/reindex}: the generation that is now served. */
public record ReindexResponse(int documents, long terms, long generation, long tookMs) {}
