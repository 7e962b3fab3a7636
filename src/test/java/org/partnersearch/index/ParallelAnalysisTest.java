package org.partnersearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnersearch.PartnerSearch;
import org.partnersearch.RealCorpus;
import org.partnersearch.bench.SyntheticCorpus;
import org.partnersearch.corpus.Lang;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;

/**
 * A build that analyses on several threads ahead of the writer gives the index a build on one
 * thread gives: every posting with its positions and offsets, stored record and doc value at the
 * same docID, hence the same hits in the same order (ties included) and the same suggestions (whose
 * first spellings follow the corpus order). The corpus is synthetic, drawn from few words, so that
 * ties are common.
 */
class ParallelAnalysisTest {
  private static final int PARTNERS = 700;
  private static final Duration UNHURRIED = Duration.ofMinutes(5);

  @TempDir static Path oneThread;
  @TempDir static Path threeThreads;
  static Built serial;
  static Built parallel;

  record Built(PartnerSearch app, LiveIndex index, PartnerSearcher searcher, Path generation) {}

  @BeforeAll
  static void build() throws Exception {
    SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(RealCorpus.CORPUS, 7);
    serial = build(corpus, 0, oneThread);
    parallel = build(corpus, 3, threeThreads);
  }

  private static Built build(SyntheticCorpus corpus, int threads, Path dir) throws IOException {
    PartnerSearch app = new PartnerSearch(threads);
    BuildReport report =
        app.index(
            corpus.vocabulary(), corpus.partners(PARTNERS), PARTNERS, dir, BuildProgress.NONE);
    LiveIndex index = app.openIndex(dir);
    // A budget no search here comes near: under a loaded machine the default one cut explanations
    // short on one side only, and this test is about the builds, not the budget.
    return new Built(app, index, app.searcher(index, UNHURRIED), report.generation());
  }

  @AfterAll
  static void close() throws IOException {
    for (Built built : List.of(serial, parallel)) {
      built.index().close();
      built.app().close();
    }
  }

  @Test
  void everyFieldHoldsTheSamePostingsStoredRecordsAndDocValues() throws IOException {
    Map<String, String> expected = fingerprints(serial.generation());
    assertTrue(expected.size() > 10, "fields fingerprinted: " + expected.keySet());
    assertEquals(expected, fingerprints(parallel.generation()));
  }

  @Test
  void searchesFindTheSameHitsInTheSameOrderWithTiesAndExplanations() {
    int tied = 0;
    for (String q :
        List.of(
            "Forschung",
            "Dresden",
            "research",
            "Krebsforschung",
            "HZDR",
            "Universität",
            "Kerntechnik",
            "hospital",
            "Strahlenforschung Dresden")) {
      SearchRequest request =
          new SearchRequest(q, 1, 20, List.of(), List.of(), List.of(), Lang.EN, true);
      SearchResponse one = serial.searcher().search(request);
      SearchResponse three = parallel.searcher().search(request);
      assertFalse(one.hits().isEmpty(), q);
      assertEquals(one.total(), three.total(), q);
      assertEquals(one.hits(), three.hits(), q);
      assertEquals(one.facets(), three.facets(), q);
      assertEquals(one.didYouMean(), three.didYouMean(), q);
      for (int i = 1; i < one.hits().size(); i++) {
        if (one.hits().get(i).score() == one.hits().get(i - 1).score()) {
          tied++;
        }
      }
    }
    assertTrue(tied > 0, "the queries meet tied scores, whose order the docIDs decide");
  }

  @Test
  void suggestionsAreTheSame() {
    for (String typed : List.of("for", "kreb", "dres", "hz", "uni", "strahl", "Kompetenz")) {
      assertEquals(
          serial.searcher().suggest(SuggestRequest.of(typed)),
          parallel.searcher().suggest(SuggestRequest.of(typed)),
          typed);
    }
  }

  /** Per field a digest of its terms with their postings, and of its doc values; and of records. */
  private static Map<String, String> fingerprints(Path generation) throws IOException {
    Map<String, MessageDigest> digests = new TreeMap<>();
    try (FSDirectory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        for (FieldInfo field : r.getFieldInfos()) {
          MessageDigest digest = digests.computeIfAbsent(field.name, f -> sha256());
          Terms terms = r.terms(field.name);
          if (terms != null) {
            postings(terms, leaf.docBase, digest);
          }
          if (field.getDocValuesType() != DocValuesType.NONE) {
            docValues(r, field, leaf.docBase, digest);
          }
        }
        StoredFields stored = r.storedFields();
        MessageDigest records =
            digests.computeIfAbsent("stored " + IndexSchema.SOURCE, f -> sha256());
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          update(records, (leaf.docBase + doc) + stored.document(doc).get(IndexSchema.SOURCE));
        }
      }
    }
    Map<String, String> hex = new TreeMap<>();
    digests.forEach((field, digest) -> hex.put(field, HexFormat.of().formatHex(digest.digest())));
    return hex;
  }

  private static void postings(Terms terms, int docBase, MessageDigest digest) throws IOException {
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      update(digest, term.utf8ToString());
      postings = te.postings(postings, PostingsEnum.ALL);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        int freq = postings.freq();
        StringBuilder line = new StringBuilder().append(docBase + doc).append(':').append(freq);
        for (int i = 0; i < freq; i++) {
          line.append(' ')
              .append(postings.nextPosition())
              .append('@')
              .append(postings.startOffset())
              .append('-')
              .append(postings.endOffset());
        }
        update(digest, line.toString());
      }
    }
  }

  private static void docValues(LeafReader r, FieldInfo field, int docBase, MessageDigest digest)
      throws IOException {
    switch (field.getDocValuesType()) {
      case SORTED -> {
        SortedDocValues values = DocValues.getSorted(r, field.name);
        while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          update(
              digest,
              (docBase + values.docID()) + values.lookupOrd(values.ordValue()).utf8ToString());
        }
      }
      case SORTED_SET -> {
        SortedSetDocValues values = DocValues.getSortedSet(r, field.name);
        while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          StringBuilder line = new StringBuilder().append(docBase + values.docID());
          for (int i = 0; i < values.docValueCount(); i++) {
            line.append(' ').append(values.lookupOrd(values.nextOrd()).utf8ToString());
          }
          update(digest, line.toString());
        }
      }
      case BINARY -> {
        BinaryDocValues values = DocValues.getBinary(r, field.name);
        while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          update(digest, (docBase + values.docID()) + values.binaryValue().utf8ToString());
        }
      }
      default -> throw new AssertionError("doc values not compared: " + field.getDocValuesType());
    }
  }

  private static void update(MessageDigest digest, String line) {
    digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
