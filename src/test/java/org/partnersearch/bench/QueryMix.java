package org.partnersearch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.partnersearch.analysis.StopWords;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Partner;

/**
 * The requests of the load run, drawn with a fixed seed from the synthetic corpus: search query
 * strings of every kind a visitor types (see {@link Kind}), a quarter with facet filters, and
 * prefixes of 2–8 letters for autocomplete.
 */
final class QueryMix {
  /** What a search query exercises. */
  enum Kind {
    COMMON,
    RARE,
    TWO_WORDS,
    PHRASE,
    COMPOUND,
    COMPOUND_PART,
    TYPO,
    CROSS_LANGUAGE
  }

  private static final Pattern WORD_CHARS = Pattern.compile("[\\p{L}-]+");

  private QueryMix() {}

  /** {@code count} query strings for {@code /api/search} ({@code q=…[&type=…]}), kinds in turn. */
  static List<String> searches(SyntheticCorpus corpus, int corpusSize, int count, long seed) {
    Random r = new Random(seed);
    List<String> de = contentWords(corpus.germanWords().words);
    List<String> en = contentWords(corpus.englishWords().words);
    List<String> out = new ArrayList<>(count);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < count; i++) {
      String q =
          switch (kinds[i % kinds.length]) {
            case COMMON -> pick(r, r.nextBoolean() ? de : en, 0, 30);
            case RARE -> pick(r, r.nextBoolean() ? de : en, 70, 100);
            case TWO_WORDS -> pick(r, en, 0, 60) + " " + pick(r, en, 0, 60);
            case PHRASE -> phrase(r, corpus.partner(r.nextInt(Math.max(1, corpusSize))));
            case COMPOUND ->
                corpus.compounds().get(SyntheticCorpus.zipfIndex(r, corpus.compounds().size()));
            case COMPOUND_PART -> part(r, corpus.compounds());
            case TYPO -> typo(r, pick(r, longWords(r.nextBoolean() ? de : en), 0, 100));
            case CROSS_LANGUAGE -> crossLanguage(r, corpus.vocabulary().glossary());
          };
      StringBuilder query =
          new StringBuilder("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      int filter = r.nextInt(8);
      if (filter == 0) {
        query.append("&type=").append(corpus.typeIds().get(r.nextInt(corpus.typeIds().size())));
      } else if (filter == 1) {
        query.append("&area=").append(corpus.areaIds().get(r.nextInt(corpus.areaIds().size())));
      }
      if (r.nextInt(3) == 0) {
        query.append("&lang=de");
      }
      out.add(query.toString());
    }
    return out;
  }

  /** {@code count} prefixes (2–8 letters) of words drawn by frequency, for {@code /api/suggest}. */
  static List<String> prefixes(SyntheticCorpus corpus, int count, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String w =
          switch (i % 3) {
            case 0 -> corpus.germanWords().draw(r);
            case 1 -> corpus.englishWords().draw(r);
            default ->
                corpus.compounds().get(SyntheticCorpus.zipfIndex(r, corpus.compounds().size()));
          };
      if (!WORD_CHARS.matcher(w).matches() || w.length() < 2) {
        w = "Forschung";
      }
      int n = 2 + r.nextInt(Math.min(8, w.length()) - 1);
      out.add("q=" + URLEncoder.encode(w.substring(0, n), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Letters-only words of at least three letters that are not stop words, by frequency rank. */
  private static List<String> contentWords(List<String> ranked) {
    return ranked.stream()
        .filter(
            w ->
                w.length() >= 3
                    && w.chars().allMatch(Character::isLetter)
                    && !StopWords.contains(w))
        .toList();
  }

  private static List<String> longWords(List<String> words) {
    List<String> longer = words.stream().filter(w -> w.length() >= 6).toList();
    return longer.isEmpty() ? words : longer;
  }

  /** A word between the {@code from} and {@code to} percentiles of the frequency ranking. */
  private static String pick(Random r, List<String> ranked, int from, int to) {
    int lo = ranked.size() * from / 100;
    int hi = Math.max(lo + 1, ranked.size() * to / 100);
    return ranked.get(Math.min(ranked.size() - 1, lo + r.nextInt(hi - lo)));
  }

  /** Two or three consecutive words of a description, quoted. */
  private static String phrase(Random r, Partner p) {
    String text = r.nextBoolean() ? p.description().en() : p.description().de();
    String[] words = text.replaceAll("[.,]", "").split(" ");
    int n = Math.min(words.length, 2 + r.nextInt(2));
    int start = r.nextInt(words.length - n + 1);
    return "\"" + String.join(" ", java.util.Arrays.copyOfRange(words, start, start + n)) + "\"";
  }

  /** The first or last part of a compound, written as a word of its own. */
  private static String part(Random r, List<String> compounds) {
    String c = compounds.get(r.nextInt(compounds.size()));
    int cut = Math.max(3, Math.min(c.length() - 3, c.length() / 2));
    String p = r.nextBoolean() ? c.substring(0, cut) : c.substring(cut);
    return p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1);
  }

  /** One letter replaced, dropped or two swapped, after the first letter. */
  static String typo(Random r, String w) {
    if (w.length() < 4) {
      return w;
    }
    int at = 1 + r.nextInt(w.length() - 2);
    char[] c = w.toCharArray();
    return switch (r.nextInt(3)) {
      case 0 -> {
        c[at] = (char) ('a' + r.nextInt(26));
        yield new String(c);
      }
      case 1 -> w.substring(0, at) + w.substring(at + 1);
      default -> {
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        yield new String(c);
      }
    };
  }

  /** A glossary term in one language: it should find texts in the other. */
  private static String crossLanguage(Random r, List<GlossaryEntry> glossary) {
    if (glossary.isEmpty()) {
      return "Hochschule";
    }
    GlossaryEntry g = glossary.get(r.nextInt(glossary.size()));
    return r.nextBoolean() ? g.de() : g.en();
  }
}
