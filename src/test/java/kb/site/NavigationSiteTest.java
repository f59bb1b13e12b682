package kb.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kb.TestSites;
import kb.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated navigation of small inline sites: a home page, redirects, links between articles. */
class NavigationSiteTest {

    /** An article page in the archive's format. */
    static String article(String id, String product, String date, String issueType, String body) {
        return """
                ---
                layout: page
                title: "%1$s: %2$s article %1$s"
                permalink: /kb/%1$s/
                %6$s---

                ## %1$s: %2$s article %1$s

                {%% raw %%}

                \tArticle: %1$s
                \tProduct(s): %2$s
                \tVersion(s): 1.0
                \tOperating System(s):\s
                \tKeyword(s): kbtest
                \tLast Modified: %3$s
                \t
                \tSUMMARY
                \t=======
                \t
                %5$s
                \t
                \t======================================================================
                \tKeywords          : kbtest
                \tIssue type        : %4$s
                \t======================================================================

                {%% endraw %%}
                """.formatted(id, product, date, issueType, body.lines().map(l -> "\t" + l).reduce((a, b) -> a + "\n" + b).orElse(""),
                "");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Diagnostics build(Path source, Path out) {
        Diagnostics diagnostics = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(source, out.resolve("site"), out.resolve("index"),
                Optional.empty(), Optional.empty()), diagnostics);
        return diagnostics;
    }

    @Test
    void aSiteWithoutAHomePageGetsTheHubAsItsHomePage(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        write(src, "_config.yml", "title: Contoso KB\nurl: https://kb.example.org\n");
        write(src, "kb/Q1001/README.md", article("Q1001", "Contoso Widget", "13-MAY-2002", "kbbug",
                "The widget stops when the gear slips. See Q1002 for the fix."));
        write(src, "kb/Q1002/README.md", article("Q1002", "Contoso Widget", "14-MAY-2002", "kbhowto",
                "How to tighten the gear of a widget."));
        assertThat(build(src, tmp).sorted()).isEmpty();
        Path site = tmp.resolve("site");
        Document home = Jsoup.parse(TestSites.read(site.resolve("index.html")));
        assertThat(home.select("h1").text()).isEqualTo("Browse the knowledge base");
        assertThat(home.select("a[href=/browse/product/contoso-widget/]").text()).isEqualTo("Contoso Widget");
        assertThat(home.select("a[href=/browse/kind/kbbug/]").text()).isEqualTo("Bug");

        Document listing = Jsoup.parse(TestSites.read(site.resolve("browse/product/contoso-widget/index.html")));
        assertThat(listing.select("ol.kb-entries > li > a")).extracting(e -> e.attr("href"))
                .containsExactly("/kb/Q1001/", "/kb/Q1002/");
        assertThat(listing.select("ol.kb-entries > li p").first().text()).startsWith("The widget stops");

        Document cited = Jsoup.parse(TestSites.read(site.resolve("kb/Q1002/index.html")));
        assertThat(cited.select("meta[name=description]").attr("content")).isEqualTo("How to tighten the gear of a widget.");
        assertThat(cited.select("link[rel=canonical]").attr("href")).isEqualTo("https://kb.example.org/kb/Q1002/");
        assertThat(cited.select("script[type=application/ld+json]").html()).contains("\"@type\":\"TechArticle\"")
                .contains("\"dateModified\":\"2002-05-14\"");
        assertThat(cited.select("a[href=/browse/]")).isNotEmpty();
    }

    @Test
    void redirectFromWritesAPageThatMovesOnAndAClashIsAWarning(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        write(src, "_config.yml", "title: Contoso KB\n");
        write(src, "index.md", "---\ntitle: Home\nredirect_from: [/start/, /home.html, /about/]\n---\nHello.\n");
        write(src, "about.md", "---\ntitle: About\npermalink: /about/\n---\nAbout us.\n");
        Diagnostics diagnostics = build(src, tmp);
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.toString())
                .contains("index.md:3:38").contains("redirect_from '/about/'"));
        Path site = tmp.resolve("site");
        assertThat(TestSites.read(site.resolve("start/index.html"))).contains("url=/\"");
        assertThat(TestSites.read(site.resolve("home.html"))).contains("Redirecting");
        assertThat(TestSites.read(site.resolve("about/index.html"))).contains("About us.");
        assertThat(TestSites.read(site.resolve("index.html"))).contains("Hello.");
    }
}
