package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Escaping, URL links and citation links in article text. */
class InlineTextTest {

    private static final Map<String, String> SITE = Map.of("Q319864", "/kb/319/Q319864/",
            "Q812200", "/kb/812/Q812200/");

    private final InlineText inline = new InlineText(id -> Optional.ofNullable(SITE.get(id)));

    @Test
    void escapesHtmlSpecialCharacters() {
        assertThat(inline.html("if (a < b && c > d) s = \"x\"; // 'q'"))
                .isEqualTo("if (a &lt; b &amp;&amp; c &gt; d) s = &quot;x&quot;; // 'q'");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(inline.html("The spooler stops.")).isEqualTo("The spooler stops.");
        assertThat(inline.html("")).isEmpty();
    }

    @Test
    void urlIsLinkedWithoutTheSentencesTrailingPeriod() {
        assertThat(inline.html("see http://support.microsoft.com/support/kb/articles/Q319/8/64.asp."))
                .isEqualTo("see <a href=\"http://support.microsoft.com/support/kb/articles/Q319/8/64.asp\">"
                        + "http://support.microsoft.com/support/kb/articles/Q319/8/64.asp</a>.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "http://www.contoso.com/widget/, then => http://www.contoso.com/widget/",
            "http://www.contoso.com/widget; next => http://www.contoso.com/widget",
            "http://www.contoso.com/widget?! => http://www.contoso.com/widget",
            "'http://www.contoso.com/widget' => http://www.contoso.com/widget",
            "(http://www.contoso.com/widget) => http://www.contoso.com/widget",
            "[http://www.contoso.com/widget] => http://www.contoso.com/widget",
            "http://www.contoso.com/wiki/Spooler_(Widget) and => http://www.contoso.com/wiki/Spooler_(Widget)",
            "http://www.contoso.com/wiki/Spooler_(Widget). => http://www.contoso.com/wiki/Spooler_(Widget)",
            "ftp://ftp.contoso.com/softlib/WIDGET.EXE => ftp://ftp.contoso.com/softlib/WIDGET.EXE",
            "https://www.contoso.com/a => https://www.contoso.com/a",
            "<http://www.contoso.com/widget> => http://www.contoso.com/widget",
    })
    void urlEndsBeforeTrailingPunctuationButKeepsABalancedParenthesis(String text, String url) {
        assertThat(inline.html(text)).contains("<a href=\"" + url + "\">" + url + "</a>");
    }

    @Test
    void closingParenthesisOfTheSentenceIsNotPartOfABalancedUrl() {
        assertThat(inline.html("(see http://www.contoso.com/wiki/Spooler_(Widget)).")).isEqualTo(
                "(see <a href=\"http://www.contoso.com/wiki/Spooler_(Widget)\">"
                        + "http://www.contoso.com/wiki/Spooler_(Widget)</a>).");
    }

    @Test
    void wwwAddressIsLinkedWithHttp() {
        assertThat(inline.html("visit www.contoso.com/downloads, then"))
                .isEqualTo("visit <a href=\"http://www.contoso.com/downloads\">www.contoso.com/downloads</a>, then");
    }

    @Test
    void ampersandInUrlIsEscapedInHrefAndText() {
        assertThat(inline.html("http://www.contoso.com/q?a=1&b=\"2\""))
                .isEqualTo("<a href=\"http://www.contoso.com/q?a=1&amp;b=\">http://www.contoso.com/q?a=1&amp;b=</a>"
                        + "&quot;2&quot;");
    }

    @Test
    void citationIsLinkedOnlyWhenTheArticleIsInTheSite() {
        assertThat(inline.html("See Q319864 and Q812999."))
                .isEqualTo("See <a class=\"kb-ref\" href=\"/kb/319/Q319864/\">Q319864</a> and Q812999.");
    }

    @Test
    void citationAtTheStartAndInAList() {
        assertThat(inline.html("Q812200, Q319864, Q812001"))
                .isEqualTo("<a class=\"kb-ref\" href=\"/kb/812/Q812200/\">Q812200</a>, "
                        + "<a class=\"kb-ref\" href=\"/kb/319/Q319864/\">Q319864</a>, Q812001");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
            "Q319864.TXT => Q319864.TXT",
            "the Q319864.EXE file => the Q319864.EXE file",
            "Q319864=QMS-PS => Q319864=QMS-PS",
            "\\\\SERVER\\Q319864 => \\\\SERVER\\Q319864",
            "/kb/Q319864 => /kb/Q319864",
            "Q319864-A => Q319864-A",
            "Q3198640 => Q3198640",
            "XQ319864 => XQ319864",
    })
    void qWordsThatAreNotCitationsAreNotLinked(String text, String html) {
        assertThat(inline.html(text)).isEqualTo(html);
    }

    @Test
    void citationInsideAUrlIsPartOfTheUrl() {
        assertThat(inline.html("http://support.contoso.com/?kbid=Q319864"))
                .isEqualTo("<a href=\"http://support.contoso.com/?kbid=Q319864\">http://support.contoso.com/?kbid=Q319864</a>");
    }

    @Test
    void citationLinkHrefIsEscaped() {
        InlineText odd = new InlineText(id -> Optional.of("/kb/?id=" + id + "&x=\"1\""));

        assertThat(odd.html("Q812001")).isEqualTo("<a class=\"kb-ref\" href=\"/kb/?id=Q812001&amp;x=&quot;1&quot;\">Q812001</a>");
    }

    @Test
    void escapeWritesARange() {
        StringBuilder out = new StringBuilder();
        InlineText.escape("x<a&b>y", 1, 6, out);

        assertThat(out).hasToString("&lt;a&amp;b&gt;");
    }
}
