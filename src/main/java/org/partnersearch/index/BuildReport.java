package org.partnersearch.index;

import java.nio.file.Path;
import java.time.Duration;

/** What one index build produced. */
public record BuildReport(Path generation, int documents, long terms, long bytes, Duration took) {}
