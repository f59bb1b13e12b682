package kb.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class BaseUrlLinksTest {

    private static Element body(String html) {
        Document doc = Parser.parseBodyFragment(html, "");
        doc.outputSettings().prettyPrint(false);
        return doc.body();
    }

    @Test
    void prefixesRootRelativeLinks() {
        Element content = body("<p><a href=\"/kb/319/Q319864/\">Q319864</a></p>");

        boolean changed = new BaseUrlLinks("/base").apply(content);

        assertThat(changed).isTrue();
        assertThat(content.html()).isEqualTo("<p><a href=\"/base/kb/319/Q319864/\">Q319864</a></p>");
    }

    @Test
    void prefixesEveryKindOfLinkingElement() {
        Element content = body("""
                <img src="/i.png"><link href="/s.css"><script src="/a.js"></script>\
                <video><source src="/v.mp4"></video>""");

        boolean changed = new BaseUrlLinks("/base").apply(content);

        assertThat(changed).isTrue();
        assertThat(content.html()).isEqualTo("""
                <img src="/base/i.png"><link href="/base/s.css"><script src="/base/a.js"></script>\
                <video><source src="/base/v.mp4"></video>""");
    }

    @Test
    void leavesRelativeProtocolRelativeAndAbsoluteLinksAlone() {
        String html = "<a href=\"x/\">a</a><a href=\"//host/x\">b</a><a href=\"https://e.com/x\">c</a>"
                + "<a href=\"#top\">d</a><a href=\"mailto:a@b.c\">e</a>";
        Element content = body(html);

        boolean changed = new BaseUrlLinks("/base").apply(content);

        assertThat(changed).isFalse();
        assertThat(content.html()).isEqualTo(html);
    }

    @Test
    void leavesLinksThatAlreadyCarryTheBaseurlAlone() {
        String html = "<a href=\"/base\">a</a><a href=\"/base/x/\">b</a><a href=\"/base?q=1\">c</a>"
                + "<a href=\"/base#top\">d</a>";
        Element content = body(html);

        boolean changed = new BaseUrlLinks("/base").apply(content);

        assertThat(changed).isFalse();
        assertThat(content.html()).isEqualTo(html);
    }

    @Test
    void aPathThatOnlyStartsLikeTheBaseurlIsPrefixed() {
        Element content = body("<a href=\"/basement/\">a</a>");

        new BaseUrlLinks("/base").apply(content);

        assertThat(content.html()).isEqualTo("<a href=\"/base/basement/\">a</a>");
    }

    @Test
    void emptyBaseurlChangesNothing() {
        String html = "<a href=\"/kb/x/\">x</a>";
        Element content = body(html);

        boolean changed = new BaseUrlLinks("").apply(content);

        assertThat(changed).isFalse();
        assertThat(content.html()).isEqualTo(html);
    }
}
