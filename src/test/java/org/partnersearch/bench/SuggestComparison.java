package org.partnersearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.RealCorpus;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.GlossaryEntry;
import org.partnersearch.corpus.Lang;
import org.partnersearch.corpus.Partner;
import org.partnersearch.suggest.SuggestRequest;
import org.partnersearch.suggest.Suggestion;

/**
 * The A/B guard of a suggester change on the real corpus: the same typed texts (every 2–9-letter
 * prefix of every word of the partners' texts, one-letter typos of the longer words, a word
 * followed by the prefix of the next, the glossary's terms), in both languages, asked of another
 * version's server (its jar, its own index) and of this build in process, 20 suggestions each.
 * Prints the share of identical top-1 suggestions and identical top-8 lists, and every changed
 * top-1 for a person to judge.
 *
 * <pre>
 * git worktree add --detach ../old main &amp;&amp; (cd ../old &amp;&amp; mvn -q -B package -DskipTests)
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.partnersearch.bench.SuggestComparison -Dexec.args="../old/target/partner-search.jar"
 * </pre>
 */
public final class SuggestComparison {
  private static final int TOP = 8;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path oldJar = Path.of(args.length > 0 ? args[0] : "../wt-15-old/target/partner-search.jar");
    Path work = Files.createTempDirectory("suggest-ab");
    try (RealCorpus now = RealCorpus.indexInto(work.resolve("index-new"))) {
      List<String> texts = texts(now.app.loadCorpus(RealCorpus.CORPUS));
      try (JvmProcess index =
          JvmProcess.startJar(
              work,
              "index-old",
              List.of("-Xmx1g"),
              oldJar,
              "index",
              "--corpus",
              RealCorpus.CORPUS.toString(),
              "--index",
              work.resolve("index-old").toString())) {
        if (index.waitFor(600) != 0) {
          throw new IllegalStateException("indexing failed:\n" + index.output());
        }
      }
      int port = LoadBenchmark.freePort();
      try (JvmProcess old =
          JvmProcess.startJar(
              work,
              "serve-old",
              List.of("-Xmx1g"),
              oldJar,
              JvmProcess.serveArgs(work.resolve("index-old"), RealCorpus.CORPUS, port))) {
        new SuggestComparison().compare(texts, port, old, now);
      }
    } finally {
      IOUtils.rm(work);
    }
  }

  private void compare(List<String> texts, int port, JvmProcess old, RealCorpus now)
      throws Exception {
    untilUp(port, old);
    int asked = 0;
    int top1 = 0;
    int top8 = 0;
    StringBuilder changed = new StringBuilder();
    for (String text : texts) {
      for (Lang lang : Lang.values()) {
        List<String> before = oldSuggestions(port, text, lang);
        List<String> after =
            now
                .searcher
                .suggest(new SuggestRequest(text, SuggestRequest.MAX_SIZE, lang))
                .suggestions()
                .stream()
                .map(SuggestComparison::shown)
                .toList();
        asked++;
        boolean sameFirst = first(before).equals(first(after));
        top1 += sameFirst ? 1 : 0;
        top8 += top(before).equals(top(after)) ? 1 : 0;
        if (!sameFirst) {
          changed.append(
              String.format(
                  Locale.ROOT,
                  "- `%s` (%s): %s → %s (old %s; new %s)%n",
                  text,
                  lang.code(),
                  first(before),
                  first(after),
                  top(before),
                  top(after)));
        }
      }
    }
    System.out.print(changed);
    System.out.printf(
        Locale.ROOT,
        "%,d typed texts × 2 languages = %,d lookups: top-1 identical %.1f %%, top-%d lists "
            + "identical %.1f %%%n",
        texts.size(),
        asked,
        100.0 * top1 / asked,
        TOP,
        100.0 * top8 / asked);
  }

  /** A suggestion as compared: kind, and id or text. */
  private static String shown(Suggestion s) {
    return s.kind().code() + ":" + (s.id() != null ? s.id() : s.text());
  }

  private List<String> oldSuggestions(int port, String text, Lang lang) throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/suggest?size="
                + SuggestRequest.MAX_SIZE
                + "&lang="
                + lang.code()
                + "&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
    JsonNode answer =
        json.readTree(
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    List<String> shown = new ArrayList<>();
    for (JsonNode s : answer.path("suggestions")) {
      shown.add(
          s.get("kind").asText()
              + ":"
              + (s.get("id").isNull() ? s.get("text").asText() : s.get("id").asText()));
    }
    return shown;
  }

  /** The typed texts: prefixes, typos, word pairs and glossary terms of the corpus, sorted. */
  static List<String> texts(Corpus corpus) {
    Set<String> texts = new TreeSet<>();
    for (Partner p : corpus.partners()) {
      List<String> values =
          new ArrayList<>(
              List.of(p.name(), p.nameEn(), p.description().de(), p.description().en()));
      values.addAll(p.aliases());
      for (String value : values) {
        String[] words = value.split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i < words.length; i++) {
          String w = words[i];
          for (int n = 2; n <= Math.min(9, w.length()); n++) {
            texts.add(w.substring(0, n));
          }
          if (w.length() >= 6) {
            texts.add(w.substring(0, 2) + w.substring(3)); // a letter left out
            texts.add(
                w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4)); // two swapped
          }
          if (i + 1 < words.length && w.length() >= 2 && words[i + 1].length() >= 3) {
            texts.add(w + " " + words[i + 1].substring(0, 3));
          }
        }
      }
    }
    for (GlossaryEntry g : corpus.glossary()) {
      texts.add(g.de());
      texts.add(g.en());
    }
    return List.copyOf(texts);
  }

  private static String first(List<String> shown) {
    return shown.isEmpty() ? "(none)" : shown.get(0);
  }

  private static List<String> top(List<String> shown) {
    return shown.subList(0, Math.min(TOP, shown.size()));
  }

  private void untilUp(int port, JvmProcess process) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/suggest?q=ab");
    for (int waited = 0; waited < 600_000; waited += 100) {
      try {
        if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the old server ended:\n" + process.output());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the old server did not start");
  }
}
