package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnersearch.RealCorpus;
import org.partnersearch.SharedRealCorpus;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;

/**
 * Facet counts checked against a brute-force count over the corpus records: for each facet, the
 * partners that pass every other facet's filter (disjunctive faceting), grouped by value.
 */
@ExtendWith(SharedRealCorpus.class)
class FacetCountsTest {
  static RealCorpus fixture;
  static Corpus corpus;

  @BeforeAll
  static void index(RealCorpus shared) throws Exception {
    fixture = shared;
    corpus = fixture.app.loadCorpus(RealCorpus.CORPUS);
  }

  record Filters(List<String> areas, List<String> types, List<String> cities) {
    @Override
    public String toString() {
      return "area=" + areas + " type=" + types + " city=" + cities;
    }
  }

  static Stream<Filters> combinations() {
    return Stream.of(
        new Filters(List.of(), List.of(), List.of()),
        new Filters(List.of("cancer-research"), List.of(), List.of()),
        new Filters(List.of("cancer-research", "nuclear-safety"), List.of(), List.of()),
        new Filters(List.of(), List.of("university"), List.of()),
        new Filters(List.of(), List.of("university", "network"), List.of("Dresden")),
        new Filters(
            List.of("radiation-oncology"), List.of("hospital", "research-centre"), List.of()),
        new Filters(List.of("graduate-training"), List.of(), List.of("Rostock", "Dresden")),
        new Filters(List.of("health"), List.of(), List.of()),
        new Filters(List.of("energy", "materials-research"), List.of("network"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combinations")
  void countsMatchABruteForceCountOverTheCorpus(Filters f) {
    SearchResponse r =
        fixture.searcher.search(
            new SearchRequest("", 1, 50, f.areas(), f.types(), f.cities(), Lang.EN, false));

    Predicate<Partner> area =
        p -> f.areas().isEmpty() || f.areas().stream().anyMatch(a -> inArea(p, a));
    Predicate<Partner> type = p -> f.types().isEmpty() || f.types().contains(p.type());
    Predicate<Partner> city =
        p -> f.cities().isEmpty() || (p.city() != null && f.cities().contains(p.city()));

    assertEquals(
        corpus.partners().stream().filter(area.and(type).and(city)).count(), r.total(), "total");
    assertEquals(
        expected(type.and(city), p -> p.researchAreas().stream()),
        flatAreaCounts(r.facets().area()),
        "area");
    assertEquals(
        expected(area.and(city), p -> Stream.of(p.type())), counts(r.facets().type()), "type");
    assertEquals(
        expected(area.and(type), p -> Stream.ofNullable(p.city())),
        counts(r.facets().city()),
        "city");
  }

  private static boolean inArea(Partner p, String areaOrField) {
    return p.researchAreas().stream()
        .anyMatch(
            a ->
                a.equals(areaOrField)
                    || corpus
                        .taxonomy()
                        .area(a)
                        .map(x -> x.fieldId().equals(areaOrField))
                        .orElse(false));
  }

  private static Map<String, Integer> expected(
      Predicate<Partner> filter, Function<Partner, Stream<String>> values) {
    Map<String, Integer> counts = new TreeMap<>();
    corpus.partners().stream()
        .filter(filter)
        .flatMap(values)
        .forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  private static Map<String, Integer> counts(List<FacetResults.FacetValue> values) {
    Map<String, Integer> counts = new TreeMap<>();
    values.stream().filter(v -> v.count() > 0).forEach(v -> counts.put(v.value(), v.count()));
    return counts;
  }

  /**
   * Leaf counts only: the field level is the number of partners with any of its areas, checked
   * below.
   */
  private static Map<String, Integer> flatAreaCounts(List<FacetResults.FacetValue> fields) {
    Map<String, Integer> counts = new TreeMap<>();
    for (FacetResults.FacetValue field : fields) {
      field.children().stream()
          .filter(v -> v.count() > 0)
          .forEach(v -> counts.put(v.value(), v.count()));
      int partnersInField =
          (int)
              corpus.partners().stream()
                  .filter(
                      p ->
                          field.children().stream()
                              .anyMatch(c -> p.researchAreas().contains(c.value())))
                  .count();
      assertEquals(
          true,
          field.count() <= partnersInField,
          "field " + field.value() + " counts each partner once");
    }
    return counts;
  }
}
