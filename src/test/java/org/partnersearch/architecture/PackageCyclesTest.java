package org.partnersearch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependencies point down the data path only: no package of ours may reach itself again through the
 * others, so that the package tree can be read as the architecture (cli → service → web → search →
 * serving/index → suggest → analysis/corpus).
 */
class PackageCyclesTest {
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void theMainSourcesHaveNoPackageCycle() {
    PackageGraph graph = PackageGraph.read(MAIN);
    List<List<String>> cycles = graph.cycles();
    assertTrue(
        cycles.isEmpty(),
        () ->
            "package cycles in "
                + MAIN
                + ":\n"
                + cycles.stream()
                    .map(
                        group ->
                            String.join(", ", group.stream().map(PackageGraph::shortName).toList())
                                + graph.describe(group))
                    .collect(Collectors.joining("\n"))
                + "\n\nthe whole graph:\n"
                + graph.text());
  }

  @Test
  void aCycleIsFoundAndNamedWithTheFilesThatMakeIt(@TempDir Path src) throws IOException {
    write(
        src,
        "org/partnersearch/Service.java",
        """
        package org.partnersearch;
        import org.partnersearch.web.Api;
        class Service {}
        """);
    write(
        src,
        "org/partnersearch/web/Api.java",
        """
        package org.partnersearch.web;
        // org.partnersearch.search.Commented is no dependency
        class Api { org.partnersearch.config.Settings s; String t = "org.partnersearch.search.Quoted"; }
        """);
    write(
        src,
        "org/partnersearch/config/Settings.java",
        """
        package org.partnersearch.config;
        import static org.partnersearch.Service.start;
        class Settings {}
        """);
    write(
        src,
        "org/partnersearch/search/Leaf.java",
        """
        package org.partnersearch.search;
        class Leaf {}
        """);

    PackageGraph graph = PackageGraph.read(src);

    assertEquals(
        List.of(List.of("org.partnersearch", "org.partnersearch.config", "org.partnersearch.web")),
        graph.cycles());
    assertEquals(
        "\n  (root) -> web (org/partnersearch/Service.java uses Api)"
            + "\n  web -> config (org/partnersearch/web/Api.java uses Settings)"
            + "\n  config -> (root) (org/partnersearch/config/Settings.java uses Service)",
        graph.describe(graph.cycles().get(0)));
  }

  @Test
  void packagesThatOnlyPointDownHaveNoCycle(@TempDir Path src) throws IOException {
    write(
        src,
        "org/partnersearch/web/Api.java",
        """
        package org.partnersearch.web;
        import org.partnersearch.search.Leaf;
        class Api {}
        """);
    write(
        src,
        "org/partnersearch/search/Leaf.java",
        """
        package org.partnersearch.search;
        class Leaf {}
        """);

    PackageGraph graph = PackageGraph.read(src);

    assertEquals(List.of(), graph.cycles());
    assertEquals("web -> search\n", graph.text());
  }

  private static void write(Path root, String file, String code) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, code);
  }
}
