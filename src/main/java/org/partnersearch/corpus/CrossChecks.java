package org.partnersearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a JSON Schema cannot express: references from partners to the vocabularies, ids that
 * must be unique across files, and texts that pass the schema but hold no words.
 *
 * <p>The checks read the trees defensively, so they can run on files that also failed the schema
 * and every problem is still reported in one run.
 */
final class CrossChecks {
  private static final String YAML = ".yaml";

  private final Problems problems;

  CrossChecks(Problems problems) {
    this.problems = problems;
  }

  void checkTypes(YamlDocument doc) {
    Map<String, String> seen = new HashMap<>();
    JsonNode types = doc.root().path("types");
    for (int i = 0; i < types.size(); i++) {
      requireUnique(doc.file(), types.get(i).path("id"), FieldPath.index("types", i) + ".id", seen);
    }
  }

  /** Field and area ids share one namespace, so an id always names exactly one node. */
  void checkTaxonomy(YamlDocument doc) {
    Map<String, String> seen = new HashMap<>();
    JsonNode fields = doc.root().path("fields");
    for (int i = 0; i < fields.size(); i++) {
      String field = FieldPath.index("fields", i);
      requireUnique(doc.file(), fields.get(i).path("id"), field + ".id", seen);
      JsonNode areas = fields.get(i).path("areas");
      for (int j = 0; j < areas.size(); j++) {
        String area = FieldPath.index(field + ".areas", j);
        requireUnique(doc.file(), areas.get(j).path("id"), area + ".id", seen);
      }
    }
  }

  void checkGlossary(YamlDocument doc) {
    Set<String> pairs = new HashSet<>();
    JsonNode terms = doc.root().path("terms");
    for (int i = 0; i < terms.size(); i++) {
      JsonNode term = terms.get(i);
      String field = FieldPath.index("terms", i);
      requireWords(
          doc.file(), term.path("de"), field + ".de", "write the German term or remove the pair");
      requireWords(
          doc.file(), term.path("en"), field + ".en", "write the English term or remove the pair");
      if (term.path("de").isTextual()
          && term.path("en").isTextual()
          && !pairs.add(
              Text.clean(term.get("de").asText()) + "\n" + Text.clean(term.get("en").asText()))) {
        problems.add(doc.file(), term, field, "this pair is already listed: remove the repetition");
      }
    }
  }

  /**
   * German names are what partner files write, English ones what English visitors read: both
   * unique.
   */
  void checkCities(YamlDocument doc) {
    Map<String, String> seenDe = new HashMap<>();
    Map<String, String> seenEn = new HashMap<>();
    JsonNode cities = doc.root().path("cities");
    for (int i = 0; i < cities.size(); i++) {
      String field = FieldPath.index("cities", i) + ".name";
      JsonNode name = cities.get(i).path("name");
      requireUniqueName(doc.file(), name.path("de"), field + ".de", seenDe);
      requireUniqueName(doc.file(), name.path("en"), field + ".en", seenEn);
    }
  }

  /**
   * The checks of each partner file, run as it is read so that its tree can be dropped right after.
   *
   * @param typeIds the known type ids, empty when partner-types.yaml is unusable (its own problems
   *     are reported; checking against a partial list would only add noise)
   * @param areaIds the known area ids, empty when research-areas.yaml is unusable
   * @param cityNames the cities' German names, empty when cities.yaml is unusable
   */
  PartnerChecks partners(
      Optional<List<String>> typeIds,
      Optional<List<String>> areaIds,
      Optional<List<String>> cityNames) {
    return new PartnerChecks(typeIds, areaIds, cityNames);
  }

  /**
   * Checks partner files one at a time. Of the files already checked it keeps only where each id
   * was first used, so a corpus of a million partners needs no more than that map.
   */
  final class PartnerChecks {
    private final Optional<List<String>> typeIds;
    private final Optional<List<String>> areaIds;
    private final Optional<List<String>> cityNames;

    /**
     * Each partner id's first file and line ("p1.yaml:1"), for the duplicate check across files.
     */
    private final Map<String, String> seen = new HashMap<>();

    private PartnerChecks(
        Optional<List<String>> typeIds,
        Optional<List<String>> areaIds,
        Optional<List<String>> cityNames) {
      this.typeIds = typeIds;
      this.areaIds = areaIds;
      this.cityNames = cityNames;
    }

    void check(YamlDocument doc) {
      JsonNode root = doc.root();
      checkIdMatchesFileName(doc);
      requireUnique(doc.file(), root.path("id"), "id", seen);
      typeIds.ifPresent(
          known -> requireKnown(doc.file(), root.path("type"), "type", "type", known));
      cityNames.ifPresent(
          known -> requireKnown(doc.file(), root.path("city"), "city", "city", known));
      JsonNode areas = root.path("researchAreas");
      for (int i = 0; i < areas.size(); i++) {
        String field = FieldPath.index("researchAreas", i);
        JsonNode area = areas.get(i);
        areaIds.ifPresent(known -> requireKnown(doc.file(), area, field, "research area", known));
      }
      requireWords(
          doc.file(),
          root.path("description").path("en"),
          "description.en",
          "write the English description");
      requireWords(
          doc.file(),
          root.path("description").path("de"),
          "description.de",
          "write the German description");
    }
  }

  private void checkIdMatchesFileName(YamlDocument doc) {
    JsonNode id = doc.root().path("id");
    String fileName = doc.file().getFileName().toString();
    String expected =
        fileName.endsWith(YAML)
            ? fileName.substring(0, fileName.length() - YAML.length())
            : fileName;
    if (id.isTextual() && !Text.clean(id.asText()).equals(expected)) {
      String actual = Text.clean(id.asText());
      problems.add(
          doc.file(),
          id,
          "id",
          "the id '"
              + actual
              + "' does not match the file name '"
              + fileName
              + "': change the id to '"
              + expected
              + "' or rename the file to '"
              + actual
              + YAML
              + "'");
    }
  }

  /** {@code seen} maps each id to where it was first used, for the message. */
  private void requireUnique(Path file, JsonNode id, String field, Map<String, String> seen) {
    if (!id.isTextual()) {
      return;
    }
    String value = Text.clean(id.asText());
    String where = file.getFileName() + ":" + Problems.lineOf(id);
    String first = seen.putIfAbsent(value, where);
    if (first != null) {
      problems.add(
          file,
          id,
          field,
          "the id '" + value + "' is already used at " + first + ": give each one its own id");
    }
  }

  private void requireUniqueName(Path file, JsonNode name, String field, Map<String, String> seen) {
    if (!name.isTextual()) {
      return;
    }
    String value = Text.clean(name.asText());
    String first = seen.putIfAbsent(value, file.getFileName() + ":" + Problems.lineOf(name));
    if (first != null) {
      problems.add(
          file,
          name,
          field,
          "the city '" + value + "' is already listed at " + first + ": remove the repetition");
    }
  }

  private void requireKnown(
      Path file, JsonNode ref, String field, String what, List<String> known) {
    // A malformed id already has its schema problem; "unknown" would say the same twice.
    if (ref.isTextual()
        && !known.contains(Text.clean(ref.asText()))
        && !problems.has(file, field)) {
      problems.add(
          file,
          ref,
          field,
          "unknown "
              + what
              + " '"
              + Text.clean(ref.asText())
              + "': use one of "
              + String.join(", ", known));
    }
  }

  /** Catches what the schema's non-blank pattern lets through, such as no-break spaces or "-". */
  private void requireWords(Path file, JsonNode text, String field, String fix) {
    if (text.isTextual() && Text.hasNoWords(text.asText()) && !problems.has(file, field)) {
      problems.add(file, text, field, "has no words: " + fix);
    }
  }
}
