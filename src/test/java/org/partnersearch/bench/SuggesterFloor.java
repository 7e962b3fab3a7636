package org.partnersearch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.analysis.Analyzers;
import org.partnersearch.analysis.Chain;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexGenerations;
import org.partnersearch.search.QueryFactory;
import org.partnersearch.suggest.EntryIndexes;

/**
 * The floor of the suggester's build: every entry of a built generation's suggester, read back from
 * its own doc values and held in memory, added again into a fresh infix index in several ways (the
 * cheapest analysis Lucene offers up to the suggester as it is), each committed, each repeated in
 * one JVM, after a warm-up. Prints seconds (wall and the process's CPU), µs per entry, and each
 * way's share of a build whose main index took as long as the generation's own build report says:
 * {@code way ÷ (build − suggester + way)}.
 *
 * <p>Arguments: {@code indexRoot buildSeconds suggesterSeconds [rounds [way,way,...]]}, the two
 * times from the build's summary line ("indexed … in T s …; suggester … built in S s of it"). With
 * all ways (no list), it first prints the entries' mix and their tokens per entry.
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.partnersearch.bench.SuggesterFloor /tmp/15f-100k 76.5 19.8 3
 * </pre>
 */
public final class SuggesterFloor {
  /**
   * The infix suggester's fields, by their documented names: the entry's text (binary doc values),
   * its contexts (sorted set) and its weight (numeric).
   */
  private static final String TEXT = "text";

  private static final String CONTEXTS = "contexts";
  private static final String WEIGHT = "weight";

  /** Contexts that are no id (kind, language) start with a capital; ids with "id:". */
  private static final String ID_CONTEXT = "id:";

  /** Lucene's default: prefixes shorter than this are indexed as edge grams in a second field. */
  private static final int LUCENE_GRAMS = AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS;

  /** Each way first adds this many entries, uncounted, so the JIT compiles its code. */
  private static final int WARM_UP = 100_000;

  private SuggesterFloor() {}

  /** An entry as the built suggester holds it. */
  record Entry(BytesRef text, BytesRef[] contexts, long weight) {}

  /** One way of adding the entries: opens a fresh suggester over a directory. */
  record Way(String name, Opener opener, boolean withIds) {}

  @FunctionalInterface
  interface Opener {
    AnalyzingInfixSuggester open(Directory dir) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    double build = Double.parseDouble(args[1]);
    double suggester = Double.parseDouble(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Set<String> chosen = args.length > 4 ? Set.of(args[4].split(",")) : Set.of();
    Path generation = new IndexGenerations(root).current().orElseThrow();
    List<Entry> entries = read(generation.resolve("suggest").resolve("infix"));
    if (chosen.isEmpty()) {
      printMix(entries);
    }
    GermanDecompounder decompounder = new GermanDecompounder();
    try (Analyzers analyzers = new Analyzers(decompounder);
        Directory indexDir = FSDirectory.open(generation);
        DirectoryReader index = DirectoryReader.open(indexDir)) {
      QueryFactory words = new QueryFactory(analyzers, decompounder);
      Predicate<String> corpusWords = word -> words.isCorpusWord(index, word);
      if (chosen.isEmpty()) {
        printTokens(entries, analyzers, corpusWords);
      }
      List<Way> ways = new ArrayList<>();
      for (Way w : ways(analyzers, corpusWords)) {
        if (chosen.isEmpty() || chosen.contains(w.name())) {
          ways.add(w);
        }
      }
      Map<String, List<double[]>> runs = new LinkedHashMap<>();
      Path scratch = Files.createTempDirectory("suggester-floor");
      try {
        for (Way w : ways) {
          double[] run =
              time(
                  w,
                  entries.subList(0, Math.min(WARM_UP, entries.size())),
                  scratch.resolve(w.name() + "-warm-up"));
          System.out.printf(
              Locale.ROOT, "warm-up %-24s %7.2f s CPU   load %s%n", w.name(), run[1], load());
        }
        for (int round = 1; round <= rounds; round++) {
          // Alternated, so each way sees the JIT and the machine's load alike.
          List<Way> order = new ArrayList<>(ways);
          if (round % 2 == 0) {
            Collections.reverse(order);
          }
          for (Way w : order) {
            double[] run = time(w, entries, scratch.resolve(w.name() + "-" + round));
            runs.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(run);
            System.out.printf(
                Locale.ROOT,
                "round %d %-24s %7.2f s wall %7.2f s CPU   load %s%n",
                round,
                w.name(),
                run[0],
                run[1],
                load());
          }
        }
      } finally {
        IOUtils.rm(scratch);
      }
      printTable(runs, entries.size(), build - suggester, suggester);
    }
  }

  /**
   * The ways, cheapest first: Lucene's own analysis with and without its edge grams, our
   * FOLDED_WORDS index chain in a stock suggester, our EntryIndex as it is; and what the id context
   * and the contexts cost. All but "-defaults" write as EntryIndex does (its RAM buffer, no commit
   * on close), so that they differ from it in analysis only.
   */
  private static List<Way> ways(Analyzers analyzers, Predicate<String> corpusWords) {
    return List.of(
        new Way("whitespace", dir -> stock(dir, whitespace(), 0, true), true),
        new Way("whitespace-no-id", dir -> stock(dir, whitespace(), 0, true), false),
        new Way("standard", dir -> stock(dir, standard(), 0, true), true),
        new Way("standard-grams", dir -> stock(dir, standard(), LUCENE_GRAMS, true), true),
        new Way(
            "standard-grams-defaults", dir -> stock(dir, standard(), LUCENE_GRAMS, false), true),
        new Way("folded", dir -> stock(dir, folded(analyzers, corpusWords), 0, true), true),
        new Way(
            "folded-grams",
            dir -> stock(dir, folded(analyzers, corpusWords), LUCENE_GRAMS, true),
            true),
        new Way("entryindex", dir -> EntryIndexes.open(dir, analyzers, corpusWords), true),
        new Way("entryindex-no-id", dir -> EntryIndexes.open(dir, analyzers, corpusWords), false));
  }

  /**
   * A stock infix suggester: Lucene's code; the subclass only closes the analyzer made for it and,
   * {@code asBuilt}, configures the writer as {@link EntryIndexes} does. With Lucene's defaults (a
   * 16 MB buffer, commit on close) many small segments are flushed and merged while entries are
   * added, and closing waits for the merges.
   */
  private static AnalyzingInfixSuggester stock(
      Directory dir, Analyzer analyzer, int grams, boolean asBuilt) throws IOException {
    return new AnalyzingInfixSuggester(dir, analyzer, analyzer, grams, false, true, false) {
      @Override
      protected IndexWriterConfig getIndexWriterConfig(
          Analyzer indexAnalyzer, IndexWriterConfig.OpenMode openMode) {
        IndexWriterConfig config = super.getIndexWriterConfig(indexAnalyzer, openMode);
        return asBuilt ? EntryIndexes.configure(config) : config;
      }

      @Override
      public void close() throws IOException {
        super.close();
        analyzer.close();
      }
    };
  }

  /** Adds every entry, commits and closes: {@code {wall s, process CPU s}}. */
  private static double[] time(Way way, List<Entry> entries, Path folder) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    try (AnalyzingInfixSuggester infix = way.opener().open(FSDirectory.open(folder))) {
      for (Entry e : entries) {
        infix.add(e.text(), contexts(e, way.withIds()), e.weight(), null);
      }
      infix.commit();
    }
    double[] run = {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    IOUtils.rm(folder);
    return run;
  }

  private static Set<BytesRef> contexts(Entry e, boolean withIds) {
    Set<BytesRef> set = new HashSet<>();
    for (BytesRef c : e.contexts()) {
      if (withIds || !c.utf8ToString().startsWith(ID_CONTEXT)) {
        set.add(c);
      }
    }
    return set;
  }

  /** Every entry of a built suggester, from its doc values; contexts shared between entries. */
  static List<Entry> read(Path infix) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<BytesRef, BytesRef> shared = new HashMap<>();
    try (Directory dir = FSDirectory.open(infix);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        BinaryDocValues texts = leaf.reader().getBinaryDocValues(TEXT);
        SortedSetDocValues contexts = leaf.reader().getSortedSetDocValues(CONTEXTS);
        NumericDocValues weights = leaf.reader().getNumericDocValues(WEIGHT);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          texts.advanceExact(doc);
          weights.advanceExact(doc);
          BytesRef[] cs = new BytesRef[0];
          if (contexts.advanceExact(doc)) {
            cs = new BytesRef[contexts.docValueCount()];
            for (int c = 0; c < cs.length; c++) {
              BytesRef value = BytesRef.deepCopyOf(contexts.lookupOrd(contexts.nextOrd()));
              cs[c] = shared.computeIfAbsent(value, v -> v);
            }
          }
          entries.add(new Entry(BytesRef.deepCopyOf(texts.binaryValue()), cs, weights.longValue()));
        }
      }
    }
    return entries;
  }

  /**
   * The entries by kind and language, and those whose text another entry of the same partner or
   * area already has (a name equal to its English name or an alias).
   */
  private static void printMix(List<Entry> entries) {
    Map<String, Integer> mix = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    int repeated = 0;
    long chars = 0;
    for (Entry e : entries) {
      String id = "";
      List<String> named = new ArrayList<>();
      for (BytesRef c : e.contexts()) {
        String s = c.utf8ToString();
        if (s.startsWith(ID_CONTEXT)) {
          id = s;
        } else {
          named.add(s);
        }
      }
      named.sort(null);
      mix.merge(String.join("+", named), 1, Integer::sum);
      String text = e.text().utf8ToString();
      chars += text.length();
      if (!id.isEmpty()
          && seen.merge(id + "\u0000" + text.toLowerCase(Locale.ROOT), 1, Integer::sum) > 1) {
        repeated++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d entries, %.1f chars each; by contexts (kind+language):%n",
        entries.size(),
        chars / (double) entries.size());
    mix.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-12s %,10d%n", k, v));
    System.out.printf(
        Locale.ROOT,
        "  %,d entries repeat (case aside) the text of an earlier entry with the same id%n",
        repeated);
  }

  /** Tokens per entry in the whitespace and the FOLDED_WORDS index chains. */
  private static void printTokens(
      List<Entry> entries, Analyzers analyzers, Predicate<String> corpusWords) throws IOException {
    try (Analyzer ws = whitespace();
        Analyzer folded = folded(analyzers, corpusWords)) {
      long start = System.nanoTime();
      long wsTokens = count(ws, entries);
      double wsSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      long foldedTokens = count(folded, entries);
      double foldedSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "tokens per entry: whitespace %.2f (%.2f s to analyse all), FOLDED_WORDS %.2f (%.2f s)%n",
          wsTokens / (double) entries.size(),
          wsSeconds,
          foldedTokens / (double) entries.size(),
          foldedSeconds);
    }
  }

  private static long count(Analyzer analyzer, List<Entry> entries) throws IOException {
    long n = 0;
    for (Entry e : entries) {
      try (TokenStream ts = analyzer.tokenStream(TEXT, e.text().utf8ToString())) {
        ts.reset();
        while (ts.incrementToken()) {
          n++;
        }
        ts.end();
      }
    }
    return n;
  }

  private static void printTable(
      Map<String, List<double[]>> runs, int entries, double mainIndex, double suggester) {
    System.out.printf(
        Locale.ROOT,
        "%nbuild's main index %.1f s, its suggester %.1f s (%.0f %% of the build); %,d entries%n",
        mainIndex,
        suggester,
        100 * suggester / (mainIndex + suggester),
        entries);
    System.out.printf(
        Locale.ROOT,
        "%-24s %10s %10s %10s %10s %8s%n",
        "way",
        "wall s",
        "CPU s",
        "µs/entry",
        "CPU µs/e",
        "share");
    runs.forEach(
        (name, list) -> {
          double wall = median(list, 0);
          double cpu = median(list, 1);
          System.out.printf(
              Locale.ROOT,
              "%-24s %10.2f %10.2f %10.1f %10.1f %7.1f %%%n",
              name,
              wall,
              cpu,
              wall * 1e6 / entries,
              cpu * 1e6 / entries,
              100 * wall / (mainIndex + wall));
        });
  }

  private static double median(List<double[]> runs, int column) {
    double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values.length % 2 == 1
        ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  private static String load() throws IOException {
    return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" "))
        .limit(3)
        .reduce((a, b) -> a + " " + b)
        .orElse("?");
  }

  private static Analyzer whitespace() {
    return lowerCased(WhitespaceTokenizer::new);
  }

  private static Analyzer standard() {
    return lowerCased(StandardTokenizer::new);
  }

  /** The tokenizer's words in lower case: Lucene's cheapest chains, for the floor. */
  private static Analyzer lowerCased(Supplier<Tokenizer> tokenizer) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer.get();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
  }

  /** Our FOLDED_WORDS index chain as the suggester builds it: compound parts by corpus words. */
  private static Analyzer folded(Analyzers analyzers, Predicate<String> corpusWords) {
    return analyzers.index(Chain.FOLDED_WORDS, corpusWords);
  }
}
