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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The infix suggester, answering with entry numbers only: the entry's text, words and weight are
 * already in memory, so of each hit only the payload (the entry number) is read, with one doc-values
 * iterator per segment in doc order instead of two new ones per hit as the superclass does.
 */
final class EntryIndex extends AnalyzingInfixSuggester {
  private static final String PAYLOADS_FIELD = "payloads";

  EntryIndex(Directory dir, Analyzer indexAnalyzer, Analyzer queryAnalyzer, int minPrefixChars) throws IOException {
    super(dir, indexAnalyzer, queryAnalyzer, minPrefixChars, false, true, false, true);
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
        results.add(new LookupResult("", 0, BytesRef.deepCopyOf(payloads.binaryValue())));
      }
    }
    return results;
  }
}
