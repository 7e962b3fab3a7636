package org.partnersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.corpus.Vocabulary;
import org.partnersearch.index.IndexSchema;

/**
 * Turns Lucene facet counts into {@link FacetResults} with labels in the requested language. A
 * value is listed when it has partners or is selected (so a selection never disappears), most
 * partners first.
 */
final class FacetCounter {
  private static final Comparator<FacetResults.FacetValue> BY_COUNT =
      Comparator.comparingInt(FacetResults.FacetValue::count)
          .reversed()
          .thenComparing(FacetResults.FacetValue::label, String.CASE_INSENSITIVE_ORDER);

  FacetResults count(
      Facets facets, Set<String> indexedDims, Vocabulary vocabulary, SearchRequest request)
      throws IOException {
    return count(facets, indexedDims, vocabulary, request, false);
  }

  /** With {@code everyValue}, values without partners are listed too (the whole taxonomy). */
  FacetResults count(
      Facets facets,
      Set<String> indexedDims,
      Vocabulary vocabulary,
      SearchRequest request,
      boolean everyValue)
      throws IOException {
    Lang lang = request.lang();
    List<FacetResults.FacetValue> areas = new ArrayList<>();
    Map<String, Integer> fieldCounts = counts(facets, indexedDims, IndexSchema.FACET_AREA);
    for (ResearchField field : vocabulary.taxonomy().fields()) {
      Map<String, Integer> areaCounts =
          counts(facets, indexedDims, IndexSchema.FACET_AREA, field.id());
      List<FacetResults.FacetValue> children = new ArrayList<>();
      for (ResearchArea area : field.areas()) {
        add(
            children,
            area.id(),
            area.label().get(lang),
            areaCounts,
            request.areas(),
            List.of(),
            everyValue);
      }
      if (!everyValue) {
        children.sort(BY_COUNT);
      }
      add(
          areas,
          field.id(),
          field.label().get(lang),
          fieldCounts,
          request.areas(),
          children,
          everyValue);
    }
    if (!everyValue) {
      areas.sort(BY_COUNT);
    }

    List<FacetResults.FacetValue> types = new ArrayList<>();
    Map<String, Integer> typeCounts = counts(facets, indexedDims, IndexSchema.FACET_TYPE);
    vocabulary
        .types()
        .forEach(
            t ->
                add(
                    types,
                    t.id(),
                    t.label().get(lang),
                    typeCounts,
                    request.types(),
                    List.of(),
                    everyValue));
    types.sort(BY_COUNT);

    List<FacetResults.FacetValue> cities = new ArrayList<>();
    Map<String, Integer> cityCounts = counts(facets, indexedDims, IndexSchema.FACET_CITY);
    Set<String> cityValues = new java.util.TreeSet<>(cityCounts.keySet());
    cityValues.addAll(request.cities());
    cityValues.forEach(
        c ->
            add(
                cities,
                c,
                vocabulary.city(c).map(known -> known.name().get(lang)).orElse(c),
                cityCounts,
                request.cities(),
                List.of(),
                everyValue));
    // Where each city is, for the map; a vocabulary built by hand (tests, benchmarks) may lack a
    // city.
    cities.replaceAll(
        v -> vocabulary.city(v.value()).map(known -> v.at(known.coordinates())).orElse(v));
    cities.sort(BY_COUNT);
    return new FacetResults(areas, types, cities);
  }

  private static void add(
      List<FacetResults.FacetValue> out,
      String value,
      String label,
      Map<String, Integer> counts,
      List<String> selected,
      List<FacetResults.FacetValue> children,
      boolean everyValue) {
    int count = counts.getOrDefault(value, 0);
    boolean isSelected = selected.contains(value);
    if (everyValue
        || count > 0
        || isSelected
        || children.stream().anyMatch(FacetResults.FacetValue::selected)) {
      out.add(new FacetResults.FacetValue(value, label, count, isSelected, children));
    }
  }

  private static Map<String, Integer> counts(
      Facets facets, Set<String> indexedDims, String dim, String... path) throws IOException {
    if (!indexedDims.contains(dim)) {
      return Map.of(); // Lucene refuses to count a dimension no document has
    }
    FacetResult result = facets.getAllChildren(dim, path);
    if (result == null) {
      return Map.of();
    }
    Map<String, Integer> counts = new HashMap<>();
    for (LabelAndValue lv : result.labelValues) {
      counts.put(lv.label, lv.value.intValue());
    }
    return counts;
  }
}
