package org.partnersearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.corpus.Corpus;
import org.partnersearch.corpus.Partner;
import org.partnersearch.corpus.Vocabulary;

/**
 * Builds a complete new index generation from a validated corpus, verifies it and only then
 * publishes it. Whatever goes wrong before publishing, the served generation stays as it was.
 */
public final class IndexBuilder {
  private final IndexSchema schema;
  private final Analyzer indexAnalyzer;
  private final JsonCodec json;
  private final Clock clock;

  public IndexBuilder(IndexSchema schema, Analyzer indexAnalyzer, JsonCodec json, Clock clock) {
    this.schema = schema;
    this.indexAnalyzer = indexAnalyzer;
    this.json = json;
    this.clock = clock;
  }

  public BuildReport build(Corpus corpus, IndexGenerations generations) throws IOException {
    long start = System.nanoTime();
    Path generation = generations.create();
    boolean published = false;
    try {
      write(corpus, generation);
      long terms = verify(generation, corpus.partners().size());
      generations.publish(generation);
      published = true;
      generations.removeOld();
      return new BuildReport(generation, corpus.partners().size(), terms, sizeOf(generation),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      if (!published) {
        IOUtils.rm(generation);
      }
    }
  }

  private void write(Corpus corpus, Path generation) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false);
    try (Directory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config)) {
      for (Partner partner : corpus.partners()) {
        writer.addDocument(schema.facetsConfig().build(schema.toDocument(partner, corpus)));
      }
      writer.setLiveCommitData(Map.of(
          IndexSchema.META_BUILT_AT, clock.instant().toString(),
          IndexSchema.META_DOCUMENTS, Integer.toString(corpus.partners().size()),
          IndexSchema.META_SCHEMA, IndexSchema.SCHEMA_VERSION,
          IndexSchema.META_VOCABULARY, json.write(Vocabulary.of(corpus))).entrySet());
      writer.commit();
    }
  }

  /** Opens the new generation as a reader would, checks it, and counts its terms. */
  private static long verify(Path generation, int expectedDocuments) throws IOException {
    try (Directory dir = FSDirectory.open(generation)) {
      try (CheckIndex check = new CheckIndex(dir)) {
        CheckIndex.Status status = check.checkIndex();
        if (!status.clean) {
          throw new IndexVerificationException("CheckIndex found problems in " + generation);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.numDocs() != expectedDocuments) {
          throw new IndexVerificationException("expected " + expectedDocuments + " documents in "
              + generation + " but found " + reader.numDocs());
        }
        return countTerms(reader);
      }
    }
  }

  private static long countTerms(DirectoryReader reader) throws IOException {
    long terms = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo field : leaf.reader().getFieldInfos()) {
        Terms t = leaf.reader().terms(field.name);
        if (t != null && t.size() > 0) {
          terms += t.size();
        }
      }
    }
    return terms;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
