package org.partnersearch.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one corpus YAML file into a tree whose nodes know their line, turning every way a file can
 * be unreadable (too big, not UTF-8, not YAML, unsafe YAML) into a problem.
 */
final class YamlReader {
  private final YAMLFactory factory;
  private final ObjectMapper mapper;
  private final YamlLimits limits;

  YamlReader(YamlLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    // NOTE: Jackson reads SnakeYAML events, not composed nodes, so it never expands aliases and
    // SnakeYAML's alias limit does not fire; these limits are defence in depth. The real guard is
    // firstUnsafeConstruct(), which rejects every anchor, alias and tag.
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    this.factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build())
            // A repeated key would otherwise silently overwrite the first one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** The parsed file, or empty after adding the reason it cannot be used to {@code problems}. */
  Optional<YamlDocument> read(Path file, Problems problems) {
    Optional<String> text = readText(file, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<CorpusProblem> unsafe = firstUnsafeConstruct(file, text.get());
      if (unsafe.isPresent()) {
        problems.add(unsafe.get());
        return Optional.empty();
      }
      JsonNode root = readTree(text.get());
      if (root == null || root.isMissingNode() || root.isNull()) {
        problems.add(file, 0, "", "the file is empty: fill in the fields its schema asks for");
        return Optional.empty();
      }
      return Optional.of(new YamlDocument(file, root));
    } catch (JacksonException e) {
      problems.add(file, lineOf(e), "", "is not valid YAML: " + describe(e));
    } catch (IOException e) {
      problems.add(file, 0, "", "cannot be read: " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<String> readText(Path file, Problems problems) {
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(file, 0, "", "the file is missing: restore it (see corpus/README.md)");
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        problems.add(
            file,
            0,
            "",
            "the file has "
                + size
                + " bytes, more than the limit of "
                + limits.maxFileBytes()
                + ": shorten it");
        return Optional.empty();
      }
      // Strict decoding: a file saved as Latin-1 must fail loudly, not load with garbled umlauts.
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problems.add(file, 0, "", "is not valid UTF-8: save it with UTF-8 encoding");
    } catch (IOException e) {
      problems.add(file, 0, "", "cannot be read: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Scans the token stream for anchors, aliases and tags. The corpus needs none of them, and
   * refusing them outright rules out alias bombs and type tags whatever the parser would make of
   * them.
   */
  private Optional<CorpusProblem> firstUnsafeConstruct(Path file, String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      try {
        return firstUnsafeToken(file, (YAMLParser) parser);
      } catch (StreamConstraintsException e) {
        // The depth limit's exception carries no location; the parser still knows where it is.
        return Optional.of(
            new CorpusProblem(
                file,
                parser.currentLocation().getLineNr(),
                "",
                "nested deeper than "
                    + limits.maxNestingDepth()
                    + " levels: flatten the structure"));
      }
    }
  }

  private static Optional<CorpusProblem> firstUnsafeToken(Path file, YAMLParser parser)
      throws IOException {
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      int line = parser.currentTokenLocation().getLineNr();
      if (parser.isCurrentAlias()) {
        return Optional.of(
            new CorpusProblem(
                file,
                line,
                "",
                "uses the YAML alias '*"
                    + parser.getText()
                    + "': aliases and anchors are not allowed, write the value out"));
      }
      if (parser.getObjectId() != null) {
        return Optional.of(
            new CorpusProblem(
                file,
                line,
                "",
                "uses the YAML anchor '&"
                    + parser.getObjectId()
                    + "': anchors and aliases are not allowed, write the value out"));
      }
      if (parser.getTypeId() != null) {
        return Optional.of(
            new CorpusProblem(
                file,
                line,
                "",
                "uses the YAML tag '" + parser.getTypeId() + "': tags are not allowed, remove it"));
      }
    }
    return Optional.empty();
  }

  private JsonNode readTree(String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      // networknt's factory records each node's token location, which the checks report as lines.
      return mapper
          .reader(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser))
          .readTree(parser);
    }
  }

  /** SnakeYAML's problem mark is more precise than Jackson's location, which may be the context. */
  private static int lineOf(JacksonException e) {
    Optional<Mark> mark =
        snakeYamlCause(e)
            .map(m -> m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark());
    if (mark.isPresent()) {
      return mark.get().getLine() + 1;
    }
    return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
  }

  private static String describe(JacksonException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Duplicate field")) {
      return original.replace("Duplicate field", "the key") + " appears twice: keep one of them";
    }
    return snakeYamlCause(e).map(YamlReader::describe).orElse(original);
  }

  /** "while parsing a flow sequence started on line 10: expected ',' or ']', but got ':'". */
  private static String describe(MarkedYAMLException m) {
    if (m.getContext() == null) {
      return m.getProblem();
    }
    String started =
        m.getContextMark() == null ? "" : " started on line " + (m.getContextMark().getLine() + 1);
    return m.getContext() + started + ": " + m.getProblem();
  }

  private static Optional<MarkedYAMLException> snakeYamlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        return Optional.of(marked);
      }
    }
    return Optional.empty();
  }
}
