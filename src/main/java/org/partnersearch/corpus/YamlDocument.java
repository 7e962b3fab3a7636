package org.partnersearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A parsed corpus file. The nodes of {@code root} remember their source line, so that schema and
 * cross-file checks can point editors at the line to change.
 */
record YamlDocument(Path file, JsonNode root) {}
