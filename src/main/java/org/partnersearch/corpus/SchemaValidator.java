package org.partnersearch.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates corpus files against the JSON Schemas in {@code corpus/schema/}, the same files the
 * editors' YAML language server uses, and words each violation as a located {@link CorpusProblem}.
 */
final class SchemaValidator {
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // Draft 2020-12 treats "format" as an annotation unless told to assert it.
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER)
          .build();
  private final Path schemaDir;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Optional<JsonSchema>> schemas = new HashMap<>();

  SchemaValidator(Path schemaDir) {
    this.schemaDir = schemaDir;
  }

  /** Adds a problem per violation; true when the document satisfies its schema. */
  boolean validate(YamlDocument doc, String schemaName, Problems problems) {
    Optional<JsonSchema> schema = schemas.computeIfAbsent(schemaName, n -> loadSchema(n, problems));
    if (schema.isEmpty()) {
      return false;
    }
    List<CorpusProblem> found =
        schema.get().validate(doc.root()).stream()
            .map(m -> toProblem(doc.file(), m, schemaName))
            .distinct()
            .sorted(
                Comparator.comparingInt(CorpusProblem::line).thenComparing(CorpusProblem::field))
            .toList();
    problems.addAll(found);
    return found.isEmpty();
  }

  private Optional<JsonSchema> loadSchema(String name, Problems problems) {
    Path file = schemaDir.resolve(name);
    try {
      return Optional.of(factory.getSchema(json.readTree(file.toFile()), config));
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(file, line, "", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add(
          file,
          0,
          "",
          "the schema cannot be read (" + e.getMessage() + "): restore it from version control");
    } catch (RuntimeException e) {
      // networknt reports an unusable schema (bad $ref, bad regex) as an unchecked exception.
      problems.add(file, 0, "", "is not a usable JSON Schema: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static CorpusProblem toProblem(Path file, ValidationMessage m, String schemaName) {
    String path = FieldPath.of(m.getInstanceLocation());
    JsonNode node = m.getInstanceNode();
    String property = m.getProperty();
    return switch (m.getType()) {
      case "required" ->
          new CorpusProblem(
              file,
              Problems.lineOf(node),
              FieldPath.child(path, property),
              "the required field '" + property + "' is missing: add it");
      case "additionalProperties" ->
          new CorpusProblem(
              file,
              Problems.lineOf(node.get(property)),
              FieldPath.child(path, property),
              "unknown field '"
                  + property
                  + "': remove it or fix its spelling ("
                  + schemaName
                  + " lists the fields)");
      default -> new CorpusProblem(file, Problems.lineOf(node), path, explain(m, node, path));
    };
  }

  /** Rewords the violations an editor is likely to make; networknt's wording for the rest. */
  private static String explain(ValidationMessage m, JsonNode node, String path) {
    Object arg =
        m.getArguments() == null || m.getArguments().length == 0 ? "" : m.getArguments()[0];
    String value = node != null && node.isValueNode() ? node.asText() : "";
    return switch (m.getType()) {
      case "minLength", "pattern" -> {
        if ("1".equals(String.valueOf(arg)) || "\\S".equals(String.valueOf(arg))) {
          yield "must not be empty or blank: write the text";
        }
        if (String.valueOf(arg).startsWith("^https?")) {
          yield "'" + value + "' is not a web address: write it like https://www.example.org";
        }
        if (String.valueOf(arg).startsWith("^[a-z0-9-]")) {
          yield "'"
              + value
              + "' is not a valid id: use 1 to 64 lower-case letters, digits and hyphens";
        }
        yield "'" + value + "' does not have the expected form " + arg;
      }
      case "maxLength" -> "is longer than " + arg + " characters: shorten it";
      // Only the cities' coordinates have bounds: Europe's, so a swapped or mistyped one stands
      // out.
      case "minimum", "maximum" ->
          value
              + " lies outside Europe ("
              + path.substring(path.lastIndexOf('.') + 1)
              + " must be "
              + ("minimum".equals(m.getType()) ? "at least " : "at most ")
              + arg
              + "): check the number and that latitude and longitude are not swapped";
      case "minItems" ->
          "needs at least " + arg + " entr" + ("1".equals(String.valueOf(arg)) ? "y" : "ies");
      case "uniqueItems" -> "lists the same value twice: remove the repetition";
      // Same wording as the https pattern, so the two violations of one bad URL merge into one.
      case "format" ->
          "'" + value + "' is not a web address: write it like https://www.example.org";
      case "type" -> "must be " + kind(m.getArguments()[1]) + ", not " + kind(m.getArguments()[0]);
      default -> m.getError();
    };
  }

  /** JSON Schema's type names in the words of a YAML file. */
  private static String kind(Object jsonType) {
    return switch (String.valueOf(jsonType)) {
      case "object" -> "a mapping of 'key: value' lines";
      case "array" -> "a list like [a, b]";
      case "string" -> "a text";
      default -> "a " + jsonType;
    };
  }
}
