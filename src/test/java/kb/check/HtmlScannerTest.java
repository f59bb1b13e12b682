package kb.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tag scanner: HTML in, links and ids out. */
class HtmlScannerTest {

    private final HtmlScanner scanner = new HtmlScanner();

    private java.util.List<String> links(String html) {
        return scanner.scan(html).links().stream().map(FoundLink::url).toList();
    }

    @Test
    void findsHrefSrcAndLinkElementsInOrder() {
        String html = """
                <!DOCTYPE html>
                <html><head><link rel="stylesheet" href="/kb/assets/kb.css">
                <script src="/kb/assets/search.js" defer></script></head>
                <body><a class="x" href='guide/#install'>Guide</a>
                <img alt="" src=logo.svg><video poster="p.png"></video>
                <form method="get" action="/kb/search/"><input name="q"></form></body></html>
                """;
        assertThat(links(html)).containsExactly("/kb/assets/kb.css", "/kb/assets/search.js",
                "guide/#install", "logo.svg", "p.png", "/kb/search/");
    }

    @Test
    void offsetPointsAtTheValueAsWritten() {
        String html = "<p>x</p>\n<a href=\"a.html?x=1&amp;y=2\">a</a>";
        FoundLink link = scanner.scan(html).links().getFirst();
        assertThat(link.url()).isEqualTo("a.html?x=1&y=2");
        assertThat(html.substring(link.offset(), link.offset() + link.length())).isEqualTo("a.html?x=1&amp;y=2");
    }

    @Test
    void idsOfEveryElementAndNamesOfAnchorsOnly() {
        ScannedPage page = scanner.scan("""
                <h2 id="install">Install</h2><a name="legacy"></a><input name="q">
                <div ID="Upper"></div><p id="">empty</p><span id="caf&eacute;"></span>
                """);
        assertThat(page.ids()).containsExactlyInAnyOrder("install", "legacy", "Upper", "café");
    }

    @Test
    void skipsScriptsStylesCommentsAndRawText() {
        String html = """
                <script>document.write('<a href="/in-script/">x</a>');</script>
                <SCRIPT type="module">if (a < b) { x = '<img src="/in-module.png">'; }</SCRIPT>
                <style>a[href="/in-style/"] { color: red }</style>
                <!-- <a href="/in-comment/"> -->
                <textarea><a href="/in-textarea/"></textarea>
                <title>a <a href="/in-title/"></title>
                <p>1 < 2 and <a href="/real/">real</a></p>
                """;
        assertThat(links(html)).containsExactly("/real/");
    }

    @Test
    void srcsetGivesEachCandidate() {
        assertThat(links("<img srcset=\"a.png 1x, b.png 2x\" src=\"a.png\">"))
                .containsExactly("a.png", "b.png", "a.png");
    }

    @Test
    void attributesWithoutValuesAndSelfClosingTagsAreFine() {
        assertThat(links("<input disabled><br/><a hidden href=x.html/>")).containsExactly("x.html/");
        assertThat(links("<a href=\"x\" data-a='1'>")).containsExactly("x");
    }

    @Test
    void brokenHtmlEndsTheScanWithoutError() {
        assertThat(links("<a href=\"never closed>text")).isEmpty();
        assertThat(links("<!-- never closed <a href=\"x\">")).isEmpty();
        assertThat(links("text <")).isEmpty();
        assertThat(links("<a href")).isEmpty();
    }

    @Test
    void endTagsAndDoctypeHoldNoLinks() {
        assertThat(links("<!DOCTYPE html></a href=\"x\"><?xml href=\"y\"?><a href=\"z\">")).containsExactly("z");
    }
}
