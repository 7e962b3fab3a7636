package org.partnersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldDocValuesFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.IOUtils;

/**
 * Where an index generation's bytes go: per file type (compound files opened), for the main index
 * and the suggester's, and per field for postings and doc values. The per-field figures come from
 * copying the index with {@code addIndexes} into a codec that gives every field its own postings
 * and doc-values files, so they are the same encodings, only split.
 *
 * <p>Arguments: {@code generationDir} (the folder with {@code segments_N}, e.g. {@code
 * index/gen-000001}).
 */
public final class IndexSizes {
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("tim", "term dictionary"),
          Map.entry("tip", "term index"),
          Map.entry("tmd", "term metadata"),
          Map.entry("doc", "postings: documents, frequencies"),
          Map.entry("pos", "postings: positions"),
          Map.entry("pay", "postings: offsets, payloads"),
          Map.entry("psm", "postings metadata"),
          Map.entry("nvd", "norms"),
          Map.entry("nvm", "norms metadata"),
          Map.entry("fdt", "stored fields"),
          Map.entry("fdx", "stored fields index"),
          Map.entry("fdm", "stored fields metadata"),
          Map.entry("dvd", "doc values"),
          Map.entry("dvm", "doc values metadata"),
          Map.entry("fnm", "field infos"),
          Map.entry("si", "segment info"));

  private IndexSizes() {}

  public static void main(String[] args) throws IOException {
    Path generation = Path.of(args[0]);
    try (Directory dir = FSDirectory.open(generation)) {
      long docs;
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        docs = reader.maxDoc();
      }
      System.out.printf(Locale.ROOT, "%,d documents%n%n", docs);
      long main = printByExtension("main index", dir, docs);
      long suggest = 0;
      Path suggestDir = generation.resolve("suggest");
      if (Files.isDirectory(suggestDir)) {
        suggest = folderBytes(suggestDir);
        System.out.printf(
            Locale.ROOT,
            "suggest/ (whole folder): %,d bytes, %,.0f a document%n%n",
            suggest,
            suggest / (double) docs);
      }
      System.out.printf(
          Locale.ROOT,
          "generation: %,d bytes, %,.0f a document (main %.0f %%, suggest/ %.0f %%)%n%n",
          main + suggest,
          (main + suggest) / (double) docs,
          100.0 * main / (main + suggest),
          100.0 * suggest / (main + suggest));
      printPerField(dir, docs);
    }
  }

  /** Bytes per extension over every segment, inside compound files too; returns the total. */
  private static long printByExtension(String title, Directory dir, long docs) throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    for (SegmentCommitInfo info : infos) {
      Directory files =
          info.info.getUseCompoundFile()
              ? info.info
                  .getCodec()
                  .compoundFormat()
                  .getCompoundReader(dir, info.info, IOContext.READONCE)
              : dir;
      try {
        for (String file : files.listAll()) {
          if (info.info.getUseCompoundFile()
              || file.startsWith(info.info.name + "_")
              || file.startsWith(info.info.name + ".")) {
            bytes.merge(extension(file), files.fileLength(file), Long::sum);
          }
        }
      } finally {
        if (files != dir) {
          files.close();
        }
      }
    }
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        Locale.ROOT, "%s: %,d bytes, %,.0f a document%n", title, total, total / (double) docs);
    System.out.println("| file | what | bytes | a document | share |");
    System.out.println("|---|---|---:|---:|---:|");
    bytes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "| .%s | %s | %,d | %,.0f | %.1f %% |%n",
                    e.getKey(),
                    EXTENSIONS.getOrDefault(e.getKey(), ""),
                    e.getValue(),
                    e.getValue() / (double) docs,
                    100.0 * e.getValue() / total));
    System.out.println();
    return total;
  }

  /**
   * Copies the index into one segment whose every field has postings and doc values files of its
   * own.
   */
  private static void printPerField(Directory source, long docs) throws IOException {
    Path copy = Files.createTempDirectory("index-sizes");
    try (Directory target = FSDirectory.open(copy)) {
      IndexWriterConfig config =
          new IndexWriterConfig().setCodec(perFieldCodec()).setUseCompoundFile(false);
      try (IndexWriter writer = new IndexWriter(target, config);
          DirectoryReader reader = DirectoryReader.open(source)) {
        List<CodecReader> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          leaves.add((CodecReader) leaf.reader());
        }
        writer.addIndexes(leaves.toArray(CodecReader[]::new));
        writer.forceMerge(1);
        writer.commit();
      }
      Map<String, Map<String, Long>> perField = new TreeMap<>();
      try (DirectoryReader reader = DirectoryReader.open(target)) {
        SegmentReader segment = (SegmentReader) reader.leaves().get(0).reader();
        List<String> files = List.of(target.listAll());
        for (FieldInfo field : segment.getFieldInfos()) {
          for (String kind : List.of("postings", "docvalues")) {
            String formatKey =
                kind.equals("postings")
                    ? PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY
                    : PerFieldDocValuesFormat.PER_FIELD_FORMAT_KEY;
            String suffixKey =
                kind.equals("postings")
                    ? PerFieldPostingsFormat.PER_FIELD_SUFFIX_KEY
                    : PerFieldDocValuesFormat.PER_FIELD_SUFFIX_KEY;
            String format = field.getAttribute(formatKey);
            String suffix = field.getAttribute(suffixKey);
            if (format == null || suffix == null) {
              continue;
            }
            String infix = "_" + format + "_" + suffix + ".";
            for (String file : files) {
              if (file.contains(infix)) {
                perField
                    .computeIfAbsent(field.name, f -> new TreeMap<>())
                    .merge(extension(file), target.fileLength(file), Long::sum);
              }
            }
          }
        }
      }
      System.out.println(
          "per field (postings: tim+tip+tmd terms, doc, pos, pay; doc values: dvd+dvm), bytes a document:");
      System.out.println("| field | terms | doc | pos | pay (offsets) | doc values | total |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      perField.entrySet().stream()
          .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
          .forEach(
              e -> {
                Map<String, Long> m = e.getValue();
                long terms =
                    m.getOrDefault("tim", 0L)
                        + m.getOrDefault("tip", 0L)
                        + m.getOrDefault("tmd", 0L);
                long dv = m.getOrDefault("dvd", 0L) + m.getOrDefault("dvm", 0L);
                System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
                    e.getKey(),
                    terms / (double) docs,
                    m.getOrDefault("doc", 0L) / (double) docs,
                    m.getOrDefault("pos", 0L) / (double) docs,
                    m.getOrDefault("pay", 0L) / (double) docs,
                    dv / (double) docs,
                    sum(m) / (double) docs);
              });
    } finally {
      IOUtils.rm(copy);
    }
  }

  private static long sum(Map<String, Long> bytes) {
    return bytes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Lucene's default codec, but a new postings and doc-values format instance per field. */
  private static Codec perFieldCodec() {
    return new Lucene912Codec() {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        return new Lucene912PostingsFormat();
      }

      @Override
      public DocValuesFormat getDocValuesFormatForField(String field) {
        return new Lucene90DocValuesFormat();
      }
    };
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(dot + 1);
  }

  private static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
