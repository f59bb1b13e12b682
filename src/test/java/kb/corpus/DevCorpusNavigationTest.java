package kb.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import org.junit.jupiter.api.Test;

/**
 * The archive's articles without its hand-written home page and listing pages (only {@code kb/}
 * and {@code _config.yml}): the generated navigation alone must bring a reader to every article
 * from the home page within four clicks.
 */
class DevCorpusNavigationTest {

    private static final int MAX_CLICKS = 4;

    @Test
    void everyArticleIsWithinFourClicksOfTheGeneratedHomePage() throws IOException {
        Path sources = DevCorpus.sources();
        Path out = Path.of("target", "corpus-nohome");
        Path src = out.resolve("src");
        linkTree(sources.resolve("kb"), src.resolve("kb"));
        Files.copy(sources.resolve("_config.yml"), src.resolve("_config.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Diagnostics diagnostics = new Diagnostics();
        Path site = out.resolve("site");
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(src, site, out.resolve("index"), Optional.empty(),
                Optional.empty()), diagnostics);
        assertThat(diagnostics.sorted()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();

        Map<String, Integer> depths = ClickDepths.from(site, "/kbarchive");
        long articles;
        try (Stream<Path> files = Files.walk(site.resolve("kb"))) {
            articles = files.filter(p -> p.getFileName().toString().equals("index.html")).count();
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        depths.forEach((page, d) -> {
            if (page.startsWith("kb/")) {
                histogram.merge(d, 1, Integer::sum);
            }
        });
        int reached = histogram.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[kb] navigation without the archive's home and listing pages: %,d of %,d articles reached"
                + " from the home page; clicks -> articles %s%n", reached, articles, histogram);
        assertThat(articles).isGreaterThan(30_000);
        assertThat(reached).isEqualTo((int) articles);
        assertThat(histogram.keySet()).allMatch(d -> d <= MAX_CLICKS);
    }

    /** A copy of a tree made of hard links (fast, no extra space); a plain copy where links fail. */
    private static void linkTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(to)) {
            return;
        }
        Path partial = to.resolveSibling(to.getFileName() + ".partial");
        if (Files.exists(partial)) {
            try (Stream<Path> old = Files.walk(partial)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = partial.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    try {
                        Files.createLink(t, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, t);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(partial, to);
    }
}
