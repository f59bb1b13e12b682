package kb.verify;

import kb.diag.Diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteVerifierTest {

    private static final String DISCLAIMER = "#main_content > div > p";

    private static final String REFERENCE_PAGE = """
            <!DOCTYPE html>
            <html><head><title>A | S</title></head>
            <body>
            <header><h1>S</h1><p>Site header words</p></header>
            <section id="main_content"><div>
            <h2>A</h2>
            <pre>x y</pre>
            <p>DISCLAIMER</p>
            </div></section>
            </body></html>
            """;

    private static final String OUR_PAGE = """
            <!DOCTYPE html>
            <html><head><title>A | S</title></head>
            <body>
            <nav>Home Search</nav>
            <main><h2 id="a">A</h2>
            <pre><code>x y</code></pre></main>
            <footer>Footer</footer>
            </body></html>
            """;

    @TempDir
    Path site;

    @TempDir
    Path reference;

    private static void write(Path root, String relative, String html) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
    }

    private static String page(String title, String content) {
        return "<html><head><title>" + title + "</title></head><body><section id=\"main_content\"><div>"
                + content + "</div></section></body></html>";
    }

    private VerifyReport verify(List<String> ignore) {
        return new SiteVerifier("#main_content", ignore).verify(site, reference, new Diagnostics());
    }

    @Test
    void samePageWithExtraWordsAroundPasses() throws IOException {
        write(reference, "kb/1/Q1/index.html", REFERENCE_PAGE);
        write(site, "kb/1/Q1/index.html", OUR_PAGE);

        VerifyReport report = verify(List.of(DISCLAIMER));

        assertThat(report).isEqualTo(new VerifyReport(1, 0, List.of(), List.of(), List.of()));
        assertThat(report.passed()).isTrue();
        assertThat(report.present()).isEqualTo(1);
    }

    @Test
    void withoutTheIgnoreTheDisclaimerIsMissing() throws IOException {
        write(reference, "kb/1/Q1/index.html", REFERENCE_PAGE);
        write(site, "kb/1/Q1/index.html", OUR_PAGE);

        VerifyReport report = verify(List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.missing()).isEmpty();
        assertThat(report.titleMismatches()).isEmpty();
        assertThat(report.textMismatches()).containsExactly(
                new VerifyReport.Mismatch("/kb/1/Q1/", "DISCLAIMER", "Footer"));
    }

    @Test
    void missingPageIsReportedByUrl() throws IOException {
        write(reference, "kb/1/Q1/index.html", REFERENCE_PAGE);
        write(reference, "kb/2/Q2/index.html", REFERENCE_PAGE);
        write(site, "kb/1/Q1/index.html", OUR_PAGE);

        VerifyReport report = verify(List.of(DISCLAIMER));

        assertThat(report.pagesChecked()).isEqualTo(2);
        assertThat(report.present()).isEqualTo(1);
        assertThat(report.missing()).containsExactly("/kb/2/Q2/");
        assertThat(report.titleMismatches()).isEmpty();
        assertThat(report.textMismatches()).isEmpty();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void otherSpellingOfTheSameUrlCounts() throws IOException {
        write(reference, "kb/a/index.html", REFERENCE_PAGE);
        write(reference, "about.html", REFERENCE_PAGE);
        write(site, "kb/a.html", OUR_PAGE);
        write(site, "about/index.html", OUR_PAGE);

        VerifyReport report = verify(List.of(DISCLAIMER));

        assertThat(report).isEqualTo(new VerifyReport(2, 0, List.of(), List.of(), List.of()));
    }

    @Test
    void titleDifferenceIsReported() throws IOException {
        write(reference, "index.html", page("Q1: Title | KB", "<p>w</p>"));
        write(site, "index.html", page("Q1: Other Title | KB", "<p>w</p>"));

        VerifyReport report = verify(List.of());

        assertThat(report.titleMismatches()).containsExactly(
                new VerifyReport.Mismatch("/", "Q1: Title | KB", "Q1: Other Title | KB"));
        assertThat(report.textMismatches()).isEmpty();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void titlesAreComparedAsWords() throws IOException {
        write(reference, "index.html", page("Don't Panic | KB", "<p>w</p>"));
        write(site, "index.html", page("Don\u2019t  Panic \u2013 KB", "<p>w</p>"));

        assertThat(verify(List.of()).passed()).isTrue();
    }

    @Test
    void droppedWordIsReportedWithTheFirstDifferingWords() throws IOException {
        write(reference, "kb/q/index.html", page("T", """
                <p>The quick brown fox jumps over the lazy dog and runs far away into the woods</p>"""));
        write(site, "kb/q/index.html", page("T", """
                <p>The quick brown fox jumps over the dog and runs far away into the woods</p>"""));

        VerifyReport report = verify(List.of());

        assertThat(report.titleMismatches()).isEmpty();
        assertThat(report.textMismatches()).containsExactly(new VerifyReport.Mismatch("/kb/q/",
                "lazy dog and runs far away into the",
                "dog and runs far away into the woods"));
    }

    @Test
    void referenceWithoutTheContentAreaIsAMismatch() throws IOException {
        write(reference, "x.html", "<html><head><title>X</title></head><body><p>no area</p></body></html>");
        write(site, "x.html", "<html><head><title>X</title></head><body><p>no area</p></body></html>");

        VerifyReport report = verify(List.of());

        assertThat(report.textMismatches()).containsExactly(new VerifyReport.Mismatch("/x.html",
                "(reference has no element matching #main_content)", ""));
    }

    @Test
    void onlyHtmlFilesOfTheReferenceAreChecked() throws IOException {
        write(reference, "assets/kb.css", "body {}");
        write(reference, "feed.xml", "<feed/>");
        write(reference, "index.html", page("T", "<p>w</p>"));
        write(site, "index.html", page("T", "<p>w</p>"));

        VerifyReport report = verify(List.of());

        assertThat(report).isEqualTo(new VerifyReport(1, 0, List.of(), List.of(), List.of()));
    }

    @Test
    void resultsAreSortedByUrl() throws IOException {
        for (String p : List.of("c/index.html", "a/index.html", "b/index.html")) {
            write(reference, p, page("T", "<p>w</p>"));
            write(site, p, page("U", "<p>w</p>"));
        }
        write(reference, "z/index.html", page("T", "<p>w</p>"));
        write(reference, "m/index.html", page("T", "<p>w</p>"));

        VerifyReport report = verify(List.of());

        assertThat(report.missing()).containsExactly("/m/", "/z/");
        assertThat(report.titleMismatches()).extracting(VerifyReport.Mismatch::url).containsExactly("/a/", "/b/", "/c/");
    }

    @Test
    void urlOfReferenceFiles() {
        assertThat(SiteVerifier.urlOf("index.html")).isEqualTo("/");
        assertThat(SiteVerifier.urlOf("kb/010/Q10834/index.html")).isEqualTo("/kb/010/Q10834/");
        assertThat(SiteVerifier.urlOf("404.html")).isEqualTo("/404.html");
        assertThat(SiteVerifier.urlOf("kb/x.html")).isEqualTo("/kb/x.html");
    }

    @Test
    void emptyReferencePasses() {
        VerifyReport report = verify(List.of());

        assertThat(report).isEqualTo(new VerifyReport(0, 0, List.of(), List.of(), List.of()));
        assertThat(report.passed()).isTrue();
    }
}
