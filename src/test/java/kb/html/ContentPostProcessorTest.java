package kb.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentPostProcessorTest {

    @Test
    void rewritesLinksAndReturnsTheNewHtml() {
        ContentPostProcessor processor = new ContentPostProcessor(List.of(new BaseUrlLinks("/base")));

        ProcessedContent result = processor.process("<p>See <a href=\"/kb/x/\">x</a> and <a href=\"y/\">y</a>.</p>\n");

        assertThat(result.html()).isEqualTo("<p>See <a href=\"/base/kb/x/\">x</a> and <a href=\"y/\">y</a>.</p>\n");
        assertThat(result.text()).isEqualTo("See x and y.");
        assertThat(result.links()).containsExactly("/base/kb/x/", "y/");
    }

    @Test
    void keepsTheInputBytesWhenNothingChanged() {
        // jsoup would write <br> and double quotes: the original must come back untouched.
        String html = "<p class='a'>one<br />two &amp; <a href='x/'>x</a></p>\n\n<pre><code>  a  b\n</code></pre>\n";
        ContentPostProcessor processor = new ContentPostProcessor(List.of(new BaseUrlLinks("/base")));

        ProcessedContent result = processor.process(html);

        assertThat(result.html()).isSameAs(html);
        assertThat(result.text()).isEqualTo("one two & x   a  b");
        assertThat(result.links()).containsExactly("x/");
    }

    @Test
    void textCollapsesWhitespaceOutsidePreformattedBlocks() {
        String html = "<p>one\n   two</p>\n<ul>\n<li>three</li>\n<li>four</li>\n</ul>\n<pre>  five\n  six</pre>";

        ProcessedContent result = new ContentPostProcessor(List.of()).process(html);

        // jsoup keeps the whitespace of <pre> as written.
        assertThat(result.text()).isEqualTo("one two three four   five\n  six");
    }

    @Test
    void withoutTransformsTheHtmlIsUnchanged() {
        String html = "<h2 id=\"a\">A</h2>\n<p>Text</p>\n";

        ProcessedContent result = new ContentPostProcessor(List.of()).process(html);

        assertThat(result.html()).isSameAs(html);
        assertThat(result.text()).isEqualTo("A Text");
        assertThat(result.links()).isEmpty();
    }

    @Test
    void transformsRunInOrder() {
        List<String> calls = new ArrayList<>();
        ContentTransform first = content -> {
            calls.add("first");
            content.appendElement("p").text("one");
            return true;
        };
        ContentTransform second = content -> {
            calls.add("second:" + content.select("p").size());
            return false;
        };

        ProcessedContent result = new ContentPostProcessor(List.of(first, second)).process("");

        assertThat(calls).containsExactly("first", "second:1");
        assertThat(result.html()).isEqualTo("<p>one</p>");
        assertThat(result.text()).isEqualTo("one");
    }

    @Test
    void collectsOnlyInternalLinks() {
        String html = """
                <a href="/kb/a/">a</a>
                <a href="b.html#s">b</a>
                <a href="http://example.com/">c</a>
                <a href="https://example.com/">d</a>
                <a href="mailto:x@example.com">e</a>
                <a href="#frag">f</a>
                <a href="//cdn.example.com/x">g</a>
                <a href="">h</a>
                <a name="anchor">i</a>
                <img src="/i.png">
                <img src="data:image/png;base64,AAAA">
                <link href="/s.css">
                <script src="/a.js"></script>
                <video><source src="v.mp4"></video>
                """;

        ProcessedContent result = new ContentPostProcessor(List.of()).process(html);

        assertThat(result.links()).containsExactly("/kb/a/", "b.html#s", "/i.png", "/s.css", "/a.js", "v.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/kb/a/", "a/b.html", "../x", "?q=1", "x.html#y", "C"})
    void internalLinks(String link) {
        assertThat(ContentPostProcessor.isInternal(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#top", "//host/x", "http://e.com", "https:", "mailto:a@b.c", "javascript:void(0)",
            "ftp://x", "tel:+1", "data:,x"})
    void externalLinks(String link) {
        assertThat(ContentPostProcessor.isInternal(link)).isFalse();
    }
}
