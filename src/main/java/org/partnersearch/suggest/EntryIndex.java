package org.partnersearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The infix suggester over the entries, on disk in the generation folder. Each document's payload is
 * the whole entry ({@link EntryCodec}); of each hit only the payload is read, with one doc-values
 * iterator per segment in doc order instead of two new ones per hit as the superclass does. A hit's
 * value is its document number, which identifies the entry across the lookups of one request.
 */
final class EntryIndex extends AnalyzingInfixSuggester {
  private static final String PAYLOADS_FIELD = "payloads";

  EntryIndex(Directory dir, Analyzer indexAnalyzer, Analyzer queryAnalyzer, int minPrefixChars) throws IOException {
    super(dir, indexAnalyzer, queryAnalyzer, minPrefixChars, false, true, false, true);
  }

  /**
   * Adds an entry while the generation is built. Its key is its one context: the superclass indexes
   * contexts as exact terms, so {@link #hasKey} is a single term lookup.
   */
  void add(SuggestEntry entry) throws IOException {
    add(new BytesRef(entry.text()), Set.of(new BytesRef(entry.key())), entry.weight(), EntryCodec.encode(entry));
  }

  /** Whether some entry has exactly this key (folded words joined by blanks). */
  boolean hasKey(String key) throws IOException {
    SearcherManager manager;
    IndexSearcher searcher;
    searcherMgrLock.readLock().lock();
    try {
      manager = searcherMgr;
      searcher = manager.acquire();
    } finally {
      searcherMgrLock.readLock().unlock();
    }
    try {
      return searcher.getIndexReader().docFreq(new Term(CONTEXTS_FIELD_NAME, key)) > 0;
    } finally {
      manager.release(searcher);
    }
  }

  /** Commits what was added; without any entry an empty index is committed, which still opens. */
  void commitAll() throws IOException {
    if (writer == null) {
      build(InputIterator.EMPTY);
    } else {
      commit();
    }
  }

  /** Drops what a failed build added, instead of committing it on close. */
  void rollback() throws IOException {
    if (writer != null) {
      writer.rollback();
      writer = null;
    }
  }

  @Override
  protected List<LookupResult> createResults(IndexSearcher searcher, TopFieldDocs hits, int num, CharSequence key,
      boolean doHighlight, Set<String> matchedTokens, String prefixToken) throws IOException {
    ScoreDoc[] byDoc = hits.scoreDocs.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<LookupResult> results = new ArrayList<>(byDoc.length);
    int leafIndex = -1;
    BinaryDocValues payloads = null;
    for (ScoreDoc sd : byDoc) {
      int leaf = ReaderUtil.subIndex(sd.doc, leaves);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        payloads = leaves.get(leaf).reader().getBinaryDocValues(PAYLOADS_FIELD);
      }
      if (payloads != null && payloads.advanceExact(sd.doc - leaves.get(leaf).docBase)) {
        results.add(new LookupResult("", sd.doc, BytesRef.deepCopyOf(payloads.binaryValue())));
      }
    }
    return results;
  }
}
