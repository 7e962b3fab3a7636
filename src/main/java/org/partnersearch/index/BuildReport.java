package org.partnersearch.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one index build produced.
 *
 * @param bytes the generation's size on disk, suggester included
 * @param took the whole build: indexing, the suggester, verification
 * @param suggesterTook the part of {@code took} spent on the suggester
 */
public record BuildReport(
    Path generation,
    int documents,
    long terms,
    long bytes,
    Duration took,
    long suggesterEntries,
    Duration suggesterTook) {}
