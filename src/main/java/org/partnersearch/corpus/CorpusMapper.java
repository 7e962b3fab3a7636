package org.partnersearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns validated trees into the corpus records, cleaning every text on the way. Runs only on trees
 * that passed their schema and checks, so it may rely on the shapes the schemas guarantee.
 */
final class CorpusMapper {

  /** The corpus of {@code partners}, each mapped by {@link #partner} as its file was read. */
  Corpus corpus(
      YamlDocument types,
      YamlDocument taxonomy,
      YamlDocument glossary,
      YamlDocument cities,
      List<Partner> partners) {
    return new Corpus(
        partners.stream().sorted(Comparator.comparing(Partner::id)).toList(),
        taxonomy(taxonomy.root()),
        types(types.root()),
        glossary(glossary.root()),
        cities(cities.root()));
  }

  Partner partner(JsonNode n) {
    List<Contact> contacts = new ArrayList<>();
    n.path("contacts")
        .forEach(c -> contacts.add(new Contact(text(c, "name"), optional(c, "role"))));
    return new Partner(
        text(n, "id"),
        text(n, "name"),
        text(n, "nameEn"),
        texts(n.path("aliases")),
        text(n, "type"),
        optional(n, "city"),
        texts(n.path("researchAreas")),
        texts(n.path("hzdrInstitutes")),
        contacts,
        optional(n, "website"),
        localized(n.path("description")));
  }

  private Taxonomy taxonomy(JsonNode root) {
    List<ResearchField> fields = new ArrayList<>();
    for (JsonNode f : root.path("fields")) {
      String fieldId = text(f, "id");
      List<ResearchArea> areas = new ArrayList<>();
      f.path("areas")
          .forEach(
              a -> areas.add(new ResearchArea(text(a, "id"), fieldId, localized(a.path("label")))));
      fields.add(new ResearchField(fieldId, localized(f.path("label")), areas));
    }
    return new Taxonomy(fields);
  }

  private List<PartnerType> types(JsonNode root) {
    List<PartnerType> types = new ArrayList<>();
    root.path("types")
        .forEach(t -> types.add(new PartnerType(text(t, "id"), localized(t.path("label")))));
    return types;
  }

  private List<GlossaryEntry> glossary(JsonNode root) {
    List<GlossaryEntry> entries = new ArrayList<>();
    root.path("terms").forEach(t -> entries.add(new GlossaryEntry(text(t, "de"), text(t, "en"))));
    return entries;
  }

  private List<City> cities(JsonNode root) {
    List<City> cities = new ArrayList<>();
    root.path("cities")
        .forEach(
            c ->
                cities.add(
                    new City(
                        localized(c.path("name")),
                        new Coordinates(
                            c.path("latitude").asDouble(), c.path("longitude").asDouble()))));
    return cities;
  }

  private static LocalizedText localized(JsonNode n) {
    return new LocalizedText(text(n, "en"), text(n, "de"));
  }

  private static String text(JsonNode n, String field) {
    return Text.clean(n.path(field).asText());
  }

  /** Null for an absent optional field, as the records document. */
  private static String optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? text(n, field) : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(Text.clean(item.asText())));
    return out;
  }
}
