package org.partnersearch.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, per UTC day, which queries visitors search for, which find nothing or only relaxed
 * matches, and which suggestions they pick; in memory, saved to a small JSON file beside the index
 * by {@link #save()} and read back at start. Editors read it to decide which aliases or glossary
 * entries to add.
 *
 * <p>No personal data: no addresses, times or sessions are kept, only texts and day counts; e-mail
 * addresses and long numbers inside queries are replaced before counting.
 */
public final class SearchAnalytics {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAnalytics.class);

  /** Longer queries are cut: nobody needs the tail of a pasted paragraph to add an alias. */
  static final int MAX_TEXT = 100;

  /**
   * Distinct texts per list and day. Beyond it a new text makes room by dropping the least counted
   * ones, so a flood of one-off texts cannot lock out what real visitors keep asking for. It also
   * bounds the file: 30 days of four full lists of 100-character texts are about 14 MB.
   */
  static final int MAX_DISTINCT_PER_DAY = 1_000;

  /**
   * How many texts a full list drops at once: the least counted eighth, found with one sort. Making
   * room for one text at a time scanned the thousand for every new text, and on a day with more
   * distinct queries than that, nearly every search brings one (JFR at 13 partners, the benchmark's
   * 2,000 queries: 4 % of a search's CPU over HTTP).
   */
  static final int EVICTED_AT_ONCE = MAX_DISTINCT_PER_DAY / 8;

  /**
   * Format characters (bidi overrides, zero-width spaces and joiners): invisible, and they garble
   * reports.
   */
  private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

  /** Controls, C1 ones such as U+0085 (next line) included: read as spaces. */
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d /+-]{4,}\\d");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Clock clock;
  private final int keepDays;
  private final Optional<Path> file;
  private final ConcurrentSkipListMap<LocalDate, Day> days = new ConcurrentSkipListMap<>();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final ObjectMapper json = new ObjectMapper();

  /** Counts only in memory; for tests and tools. */
  public static SearchAnalytics inMemory(Clock clock, int keepDays) {
    return new SearchAnalytics(clock, keepDays, Optional.empty());
  }

  /**
   * Counts kept in {@code file}, read from it now if it exists; an unreadable file is logged and
   * set aside.
   */
  public static SearchAnalytics persistent(Path file, Clock clock, int keepDays) {
    SearchAnalytics analytics = new SearchAnalytics(clock, keepDays, Optional.of(file));
    analytics.load();
    return analytics;
  }

  private SearchAnalytics(Clock clock, int keepDays, Optional<Path> file) {
    this.clock = clock;
    this.keepDays = keepDays;
    this.file = file;
  }

  /**
   * One search as a visitor sent it (first page only: paging through the same query counts once).
   */
  public void searched(String query, long total, boolean relaxed) {
    Optional<String> text = normalise(query);
    if (text.isEmpty()) {
      return; // browsing without a query
    }
    Day day = today();
    day.searches.increment();
    count(day.queries, text.get());
    if (total == 0) {
      day.zeroHitSearches.increment();
      count(day.zeroHits, text.get());
    } else if (relaxed) {
      count(day.relaxed, text.get());
    }
  }

  /** A suggestion the visitor chose, as {@code kind:id} or {@code term:text}. */
  public void picked(String kind, String idOrText) {
    normalise(idOrText).ifPresent(t -> count(today().picks, kind + ":" + t));
  }

  /**
   * The counts of the last {@code window} days (at most the days kept), {@code top} texts per list.
   */
  public AnalyticsReport report(int window, int top) {
    int n = Math.max(1, Math.min(window, keepDays));
    LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = to.minusDays(n - 1L);
    Map<LocalDate, Day> inWindow = days.subMap(from, true, to, true);
    long searches = inWindow.values().stream().mapToLong(d -> d.searches.sum()).sum();
    long zero = inWindow.values().stream().mapToLong(d -> d.zeroHitSearches.sum()).sum();
    return new AnalyticsReport(
        n,
        from,
        to,
        searches,
        zero,
        top(inWindow, d -> d.queries, top),
        top(inWindow, d -> d.zeroHits, top),
        top(inWindow, d -> d.relaxed, top),
        top(inWindow, d -> d.picks, top));
  }

  private static List<AnalyticsReport.Count> top(
      Map<LocalDate, Day> inWindow, Function<Day, Map<String, LongAdder>> kind, int top) {
    Map<String, Long> sum = new HashMap<>();
    inWindow
        .values()
        .forEach(d -> kind.apply(d).forEach((text, c) -> sum.merge(text, c.sum(), Long::sum)));
    return sum.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .map(e -> new AnalyticsReport.Count(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * Writes the counts if they changed since the last save: atomically, so a crash leaves the old
   * file.
   */
  public synchronized void save() throws IOException {
    if (file.isEmpty() || !dirty.getAndSet(false)) {
      return;
    }
    dropOldDays();
    Map<String, DayFile> out = new TreeMap<>();
    days.forEach((date, d) -> out.put(date.toString(), d.toFile()));
    Path target = file.get();
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    json.writeValue(
        tmp.toFile(), out); // one line: a full file is megabytes, nobody reads it by eye
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void load() {
    Path f = file.orElseThrow();
    if (!Files.exists(f)) {
      return;
    }
    try {
      Map<String, DayFile> in =
          json.readValue(f.toFile(), new TypeReference<Map<String, DayFile>>() {});
      in.forEach(
          (date, d) -> days.put(LocalDate.parse(date), Day.of(d))); // Day.of keeps the per-day cap
      dropOldDays();
    } catch (IOException | RuntimeException e) {
      // NOTE: analytics are a convenience; a damaged file must not stop the service. It is kept for
      // a look.
      LOG.warn("cannot read search analytics from {} ({}); starting from zero", f, e.getMessage());
      days.clear();
      try {
        Files.move(
            f,
            f.resolveSibling(f.getFileName() + ".unreadable"),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        LOG.warn("cannot set {} aside: {}", f, moveFailed.getMessage());
      }
    }
  }

  private void dropOldDays() {
    LocalDate oldest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(keepDays - 1L);
    days.headMap(oldest).clear();
  }

  private Day today() {
    dirty.set(true);
    return days.computeIfAbsent(LocalDate.now(clock.withZone(ZoneOffset.UTC)), d -> new Day());
  }

  private static void count(Map<String, LongAdder> counts, String text) {
    LongAdder c = counts.get(text);
    if (c == null) {
      synchronized (counts) {
        if (!counts.containsKey(text) && counts.size() >= MAX_DISTINCT_PER_DAY) {
          evictLeastCounted(counts);
        }
        c = counts.computeIfAbsent(text, t -> new LongAdder());
      }
    }
    c.increment();
  }

  /**
   * Drops the {@link #EVICTED_AT_ONCE} texts counted least (of equals, the alphabetically first).
   */
  private static void evictLeastCounted(Map<String, LongAdder> counts) {
    record Counted(String text, long count) {}
    counts.entrySet().stream()
        .map(e -> new Counted(e.getKey(), e.getValue().sum()))
        .sorted(Comparator.comparingLong(Counted::count).thenComparing(Counted::text))
        .limit(EVICTED_AT_ONCE)
        .forEach(c -> counts.remove(c.text()));
  }

  /**
   * Lower case, NFC, no invisible characters, single spaces, no e-mail addresses or long numbers,
   * at most {@link #MAX_TEXT} characters.
   */
  static Optional<String> normalise(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String visible = CONTROL.matcher(FORMAT.matcher(text).replaceAll("")).replaceAll(" ");
    String t = Normalizer.normalize(visible, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    t = EMAIL.matcher(t).replaceAll("<email>");
    t = LONG_NUMBER.matcher(t).replaceAll("<number>");
    t = SPACES.matcher(t).replaceAll(" ").strip();
    if (t.length() > MAX_TEXT) {
      t = t.substring(0, MAX_TEXT).strip();
    }
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** One day's counts in memory. */
  private static final class Day {
    final LongAdder searches = new LongAdder();
    final LongAdder zeroHitSearches = new LongAdder();
    final Map<String, LongAdder> queries = new ConcurrentHashMap<>();
    final Map<String, LongAdder> zeroHits = new ConcurrentHashMap<>();
    final Map<String, LongAdder> relaxed = new ConcurrentHashMap<>();
    final Map<String, LongAdder> picks = new ConcurrentHashMap<>();

    static Day of(DayFile f) {
      Day d = new Day();
      d.searches.add(f.searches());
      d.zeroHitSearches.add(f.zeroHitSearches());
      fill(d.queries, f.queries());
      fill(d.zeroHits, f.zeroHits());
      fill(d.relaxed, f.relaxed());
      fill(d.picks, f.picks());
      return d;
    }

    /**
     * A file written by an older version may hold more texts a day than are kept now: the most
     * counted stay.
     */
    private static void fill(Map<String, LongAdder> into, Map<String, Long> from) {
      if (from != null) {
        from.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(MAX_DISTINCT_PER_DAY)
            .forEach(e -> into.computeIfAbsent(e.getKey(), t -> new LongAdder()).add(e.getValue()));
      }
    }

    DayFile toFile() {
      return new DayFile(
          searches.sum(),
          zeroHitSearches.sum(),
          sums(queries),
          sums(zeroHits),
          sums(relaxed),
          sums(picks));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counts) {
      Map<String, Long> out = new TreeMap<>(Comparator.naturalOrder());
      counts.forEach((text, c) -> out.put(text, c.sum()));
      return out;
    }
  }

  /** One day in the file. */
  record DayFile(
      long searches,
      long zeroHitSearches,
      Map<String, Long> queries,
      Map<String, Long> zeroHits,
      Map<String, Long> relaxed,
      Map<String, Long> picks) {}
}
