package org.partnersearch.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.corpus.Contact;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.CorpusLoader;
import org.partnersearch.corpus.LocalizedText;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.PartnerType;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.Vocabulary;

/**
 * A deterministic synthetic corpus of any size, drawn from the real corpus's vocabulary: the words
 * of the real German and English descriptions ranked by frequency and drawn with a Zipf
 * distribution (s = 1), German compounds (the real ones and new ones joined from two real nouns),
 * names built from the words of real names, and the real taxonomy, partner types, cities and
 * institutes.
 *
 * <p>Partner {@code i} depends only on the seed and {@code i}, so a corpus can be streamed into the
 * indexer without holding it in memory, and two runs with the same seed index the same documents.
 */
public final class SyntheticCorpus {
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern EDGE_PUNCTUATION =
      Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
  private static final List<String> FIRST_NAMES =
      List.of(
          "Anna",
          "Jörg",
          "Mechthild",
          "Thomas",
          "Katrin",
          "Ulrich",
          "Sabine",
          "Stefan",
          "Jürgen",
          "Claudia",
          "Michael",
          "Petra");

  private final long seed;
  private final Vocabulary vocabulary;
  private final Zipf germanWords;
  private final Zipf englishWords;
  private final Zipf germanNameWords;
  private final Zipf englishNameWords;
  private final List<String> compounds;
  private final List<String> cities;
  private final List<String> institutes;
  private final List<String> surnames;
  private final List<String> areaIds;
  private final List<String> typeIds;

  public SyntheticCorpus(Corpus real, GermanDecompounder decompounder, long seed) {
    this.seed = seed;
    this.vocabulary = Vocabulary.of(real);
    List<Partner> partners = real.partners();
    this.germanWords = Zipf.ranked(words(partners.stream().map(p -> p.description().de())));
    this.englishWords = Zipf.ranked(words(partners.stream().map(p -> p.description().en())));
    this.germanNameWords =
        Zipf.ranked(
            words(
                partners.stream()
                    .flatMap(p -> Stream.concat(Stream.of(p.name()), p.aliases().stream()))));
    this.englishNameWords = Zipf.ranked(words(partners.stream().map(Partner::nameEn)));
    this.compounds = compounds(germanWords.words, decompounder);
    // The partners' cities first (the most frequent under Zipf), then every other city of
    // cities.yaml,
    // which lists more than the real partners use, so the city facet has a realistic long tail.
    Set<String> citySet = new LinkedHashSet<>();
    partners.stream().map(Partner::city).filter(c -> c != null).forEach(citySet::add);
    real.cities().forEach(c -> citySet.add(c.key()));
    this.cities = List.copyOf(citySet);
    this.institutes =
        partners.stream().flatMap(p -> p.hzdrInstitutes().stream()).distinct().sorted().toList();
    this.surnames =
        partners.stream()
            .flatMap(p -> p.contacts().stream())
            .map(c -> c.name().substring(c.name().lastIndexOf(' ') + 1))
            .distinct()
            .sorted()
            .toList();
    this.areaIds =
        real.taxonomy().fields().stream()
            .flatMap(f -> f.areas().stream())
            .map(ResearchArea::id)
            .toList();
    this.typeIds = real.types().stream().map(PartnerType::id).toList();
  }

  /** The real corpus in {@code corpus/} as the source of the vocabulary. */
  public static SyntheticCorpus fromRealCorpus(Path corpusDir, long seed) throws Exception {
    return new SyntheticCorpus(new CorpusLoader().load(corpusDir), new GermanDecompounder(), seed);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** German compounds the descriptions use: the real ones first, then the joined ones. */
  List<String> compounds() {
    return compounds;
  }

  Zipf germanWords() {
    return germanWords;
  }

  Zipf englishWords() {
    return englishWords;
  }

  /** Partners {@code 0..count-1}, generated one at a time as they are iterated. */
  public Iterable<Partner> partners(int count) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < count;
          }

          @Override
          public Partner next() {
            if (next >= count) {
              throw new NoSuchElementException();
            }
            return partner(next++);
          }
        };
  }

  /** Partner number {@code i}: a function of the seed and {@code i} only. */
  public Partner partner(int i) {
    Random r = random(i);
    String city = r.nextInt(10) < 8 ? cities.get(zipfIndex(r, cities.size())) : null;
    String type = typeIds.get(zipfIndex(r, typeIds.size()));
    String name = name(r, germanNameWords, city);
    String nameEn = name(r, englishNameWords, city);
    List<String> aliases = r.nextInt(10) < 6 ? List.of(acronym(name, i)) : List.of();
    Set<String> areas = new LinkedHashSet<>();
    int areaCount = 1 + r.nextInt(3);
    while (areas.size() < areaCount) {
      areas.add(areaIds.get(zipfIndex(r, areaIds.size())));
    }
    List<String> partnerInstitutes =
        institutes.isEmpty() || r.nextBoolean()
            ? List.of()
            : List.of(institutes.get(r.nextInt(institutes.size())));
    List<Contact> contacts =
        surnames.isEmpty() || r.nextInt(3) > 0
            ? List.of()
            : List.of(
                new Contact(
                    "Prof. "
                        + FIRST_NAMES.get(r.nextInt(FIRST_NAMES.size()))
                        + " "
                        + surnames.get(r.nextInt(surnames.size())),
                    null));
    int sentences = 2 + r.nextInt(5);
    String de = description(r, germanWords, sentences, true);
    String en = description(r, englishWords, sentences, false);
    String website = "https://p" + i + ".example.org";
    return new Partner(
        String.format(Locale.ROOT, "p%07d", i),
        name,
        nameEn,
        aliases,
        type,
        city,
        List.copyOf(areas),
        partnerInstitutes,
        contacts,
        website,
        new LocalizedText(en, de));
  }

  Random random(long i) {
    return new Random(seed * 0x9E3779B97F4A7C15L + i);
  }

  private String name(Random r, Zipf words, String city) {
    int n = 2 + r.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String w = words.draw(r);
      parts.add(k == 0 ? capitalize(w) : w);
    }
    if (r.nextInt(3) == 0) {
      parts.add(capitalize(compounds.get(zipfIndex(r, compounds.size()))));
    }
    if (city != null && r.nextBoolean()) {
      parts.add(city);
    }
    return String.join(" ", parts);
  }

  /** Upper-case initials of the name, made unique with the partner's number in base 36. */
  private static String acronym(String name, int i) {
    StringBuilder a = new StringBuilder();
    for (String w : BLANKS.split(name)) {
      if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
        a.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return a + "-" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
  }

  private String description(Random r, Zipf words, int sentences, boolean german) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      int length = 6 + r.nextInt(15);
      for (int k = 0; k < length; k++) {
        String w;
        if (german && r.nextInt(8) == 0) {
          w = capitalize(compounds.get(zipfIndex(r, compounds.size())));
        } else if (!german && r.nextInt(40) == 0) {
          w = germanWords.draw(r); // English descriptions name German institutions and terms
        } else {
          w = words.draw(r);
        }
        if (k == 0) {
          w = capitalize(w);
        }
        text.append(w).append(k == length - 1 ? ". " : r.nextInt(12) == 0 ? ", " : " ");
      }
    }
    return text.toString().strip();
  }

  /** An index in {@code 0..n-1}, low ones more often (Zipf, s = 1). */
  static int zipfIndex(Random r, int n) {
    double h = Math.log(n + 1);
    return Math.min(n - 1, (int) Math.floor(Math.exp(r.nextDouble() * h)) - 1);
  }

  private static String capitalize(String w) {
    return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

  /** Surface words with their counts, punctuation at the ends removed. */
  private static Map<String, Integer> words(Stream<String> texts) {
    Map<String, Integer> counts = new HashMap<>();
    texts.forEach(
        t -> {
          for (String raw : BLANKS.split(t)) {
            String w = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
            if (!w.isEmpty()) {
              counts.merge(w, 1, Integer::sum);
            }
          }
        });
    return counts;
  }

  /**
   * The real German compounds, then as many again joined from two real nouns ("Strahlen" +
   * "Zentrum").
   */
  private static List<String> compounds(List<String> germanWords, GermanDecompounder decompounder) {
    List<String> real =
        germanWords.stream()
            .filter(w -> decompounder.split(w.toLowerCase(Locale.ROOT)).size() >= 2)
            .toList();
    List<String> nouns =
        germanWords.stream()
            .filter(
                w ->
                    w.length() >= 5
                        && Character.isUpperCase(w.charAt(0))
                        && w.chars().allMatch(Character::isLetter))
            .toList();
    Set<String> all = new LinkedHashSet<>(real);
    Random r = new Random(17);
    for (int k = 0; k < real.size() && nouns.size() > 1; k++) {
      String a = nouns.get(r.nextInt(nouns.size()));
      String b = nouns.get(r.nextInt(nouns.size()));
      if (!a.equals(b)) {
        all.add(a + b.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(all);
  }

  /**
   * Writes partners {@code 0..count-1} as a corpus folder the {@code index} command reads: the real
   * vocabulary files and schemas, and one YAML file per partner.
   */
  public void writeTo(Path dir, Path realCorpusDir, int count) throws IOException {
    Path partnersDir = Files.createDirectories(dir.resolve(CorpusLoader.PARTNERS_DIR));
    Files.createDirectories(dir.resolve(CorpusLoader.SCHEMA_DIR));
    for (String file :
        List.of(
            CorpusLoader.TYPES_FILE,
            CorpusLoader.TAXONOMY_FILE,
            CorpusLoader.GLOSSARY_FILE,
            CorpusLoader.CITIES_FILE)) {
      Files.copy(
          realCorpusDir.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<Path> schemas = Files.list(realCorpusDir.resolve(CorpusLoader.SCHEMA_DIR))) {
      for (Path s : schemas.toList()) {
        Files.copy(
            s,
            dir.resolve(CorpusLoader.SCHEMA_DIR).resolve(s.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    for (Partner p : partners(count)) {
      try {
        yaml.writeValue(partnersDir.resolve(p.id() + ".yaml").toFile(), p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Area ids, for facet filters in the query mix. */
  List<String> areaIds() {
    return areaIds;
  }

  List<String> typeIds() {
    return typeIds;
  }

  List<String> cities() {
    return cities;
  }

  /** Words ranked by frequency, drawn with probability proportional to 1 / rank. */
  static final class Zipf {
    final List<String> words;

    private Zipf(List<String> words) {
      this.words = words;
    }

    static Zipf ranked(Map<String, Integer> counts) {
      String[] sorted = counts.keySet().toArray(String[]::new);
      Arrays.sort(sorted, Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
      return new Zipf(List.of(sorted));
    }

    String draw(Random r) {
      return words.get(zipfIndex(r, words.size()));
    }
  }
}
