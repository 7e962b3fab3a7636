package org.partnersearch.corpus;

/**
 * Bounds on what the corpus reader accepts, so that a broken or hostile file becomes a {@link
 * CorpusProblem} instead of an out-of-memory error or a stack overflow.
 *
 * @param maxFileBytes files larger than this are rejected before parsing
 * @param maxAliasesForCollections SnakeYAML's limit on aliases to collections (defence in depth:
 *     the reader rejects every anchor and alias anyway)
 * @param maxNestingDepth deepest nesting of mappings and sequences; real corpus files need 4
 */
public record YamlLimits(long maxFileBytes, int maxAliasesForCollections, int maxNestingDepth) {

  /** One MiB per file, ten aliases, twenty levels: generous for hand-written corpus files. */
  public static final YamlLimits DEFAULTS = new YamlLimits(1024 * 1024, 10, 20);

  public YamlLimits {
    if (maxFileBytes < 1 || maxAliasesForCollections < 0 || maxNestingDepth < 1) {
      throw new IllegalArgumentException("YAML limits must be positive");
    }
  }
}
