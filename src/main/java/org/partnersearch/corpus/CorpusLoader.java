package org.partnersearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads and validates {@code corpus/}: the vocabularies, the glossary and every partner file.
 *
 * <p>Each file is checked against its JSON Schema in {@code corpus/schema/} (the same files
 * editors' YAML language server uses), then across files. All problems are collected and thrown
 * together, so one run tells an editor everything to fix.
 */
public final class CorpusLoader {
  public static final String TYPES_FILE = "partner-types.yaml";
  public static final String TAXONOMY_FILE = "research-areas.yaml";
  public static final String GLOSSARY_FILE = "glossary.yaml";
  public static final String CITIES_FILE = "cities.yaml";
  public static final String PARTNERS_DIR = "partners";
  public static final String SCHEMA_DIR = "schema";

  private static final String PARTNER_SCHEMA = "partner.schema.json";
  private static final String TYPES_SCHEMA = "partner-types.schema.json";
  private static final String TAXONOMY_SCHEMA = "research-areas.schema.json";
  private static final String GLOSSARY_SCHEMA = "glossary.schema.json";
  private static final String CITIES_SCHEMA = "cities.schema.json";

  private final YamlReader reader;
  private final CorpusMapper mapper = new CorpusMapper();

  /** A loader with {@link YamlLimits#DEFAULTS}. */
  public CorpusLoader() {
    this(YamlLimits.DEFAULTS);
  }

  public CorpusLoader(YamlLimits limits) {
    this.reader = new YamlReader(limits);
  }

  /**
   * Reads and validates the corpus in {@code corpusDir}.
   *
   * @throws CorpusException listing every problem found, each with file, line and field
   */
  public Corpus load(Path corpusDir) throws CorpusException {
    Problems problems = new Problems();
    SchemaValidator schemas = new SchemaValidator(corpusDir.resolve(SCHEMA_DIR));
    Optional<Checked> types = read(corpusDir.resolve(TYPES_FILE), TYPES_SCHEMA, schemas, problems);
    Optional<Checked> taxonomy =
        read(corpusDir.resolve(TAXONOMY_FILE), TAXONOMY_SCHEMA, schemas, problems);
    Optional<Checked> glossary =
        read(corpusDir.resolve(GLOSSARY_FILE), GLOSSARY_SCHEMA, schemas, problems);
    Optional<Checked> cities =
        read(corpusDir.resolve(CITIES_FILE), CITIES_SCHEMA, schemas, problems);

    CrossChecks checks = new CrossChecks(problems);
    types.ifPresent(c -> checks.checkTypes(c.doc()));
    taxonomy.ifPresent(c -> checks.checkTaxonomy(c.doc()));
    glossary.ifPresent(c -> checks.checkGlossary(c.doc()));
    cities.ifPresent(c -> checks.checkCities(c.doc()));
    CrossChecks.PartnerChecks partnerChecks =
        checks.partners(
            ids(types, root -> root.path("types").findValues("id")),
            ids(
                taxonomy,
                root ->
                    root.path("fields").findValues("areas").stream()
                        .flatMap(areas -> areas.findValues("id").stream())
                        .toList()),
            ids(cities, root -> root.path("cities").findValues("de")));
    // NOTE: each partner's tree (nodes with their source locations) is checked and mapped as its
    // file is read, then dropped: kept until the end, 100,000 of them did not fit in a 1 GB heap.
    List<Partner> partners = new ArrayList<>();
    for (Path file : partnerFiles(corpusDir.resolve(PARTNERS_DIR), problems)) {
      Optional<Checked> partner = read(file, PARTNER_SCHEMA, schemas, problems);
      partner.ifPresent(c -> partnerChecks.check(c.doc()));
      // Any problem means no corpus, so records are only worth making while there is none.
      if (partner.isPresent() && problems.isEmpty()) {
        partners.add(mapper.partner(partner.get().doc().root()));
      }
    }

    if (!problems.isEmpty()) {
      throw new CorpusException(
          problems.all().stream()
              .sorted(
                  Comparator.comparing((CorpusProblem p) -> p.file().toString())
                      .thenComparingInt(CorpusProblem::line))
              .toList());
    }
    // No problems means every file was read, so the optionals are present.
    return mapper.corpus(
        types.orElseThrow().doc(),
        taxonomy.orElseThrow().doc(),
        glossary.orElseThrow().doc(),
        cities.orElseThrow().doc(),
        partners);
  }

  /** A parsed file and whether it satisfied its schema. */
  private record Checked(YamlDocument doc, boolean valid) {}

  private Optional<Checked> read(
      Path file, String schema, SchemaValidator schemas, Problems problems) {
    return reader
        .read(file, problems)
        .map(doc -> new Checked(doc, schemas.validate(doc, schema, problems)));
  }

  /** Sorted by file name, so problems and partners come in a stable order on every system. */
  private static List<Path> partnerFiles(Path dir, Problems problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(
          dir, 0, "", "the partners folder is missing: create it with one file per partner");
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      // A partner saved as .yml or .txt would otherwise silently vanish from the search.
      all.stream()
          .filter(f -> !f.getFileName().toString().endsWith(".yaml"))
          .forEach(
              f ->
                  problems.add(
                      f,
                      0,
                      "",
                      "not a partner file: partner files end in .yaml, rename or remove it"));
      return all.stream().filter(f -> f.getFileName().toString().endsWith(".yaml")).toList();
    } catch (IOException e) {
      problems.add(dir, 0, "", "the partners folder cannot be listed: " + e.getMessage());
      return List.of();
    }
  }

  /** Ids of a vocabulary that passed its schema; empty otherwise, see CrossChecks#partners. */
  private static Optional<List<String>> ids(
      Optional<Checked> vocabulary, Function<JsonNode, List<JsonNode>> idNodes) {
    return vocabulary
        .filter(Checked::valid)
        .map(
            c ->
                idNodes.apply(c.doc().root()).stream()
                    .map(n -> Text.clean(n.asText()))
                    .distinct()
                    .toList());
  }
}
