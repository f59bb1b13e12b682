package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the article text inside a Jekyll page body. */
class ArticleLocatorTest {

    private static final String BODY = "\n## Q812001: WIDGET: Title\n\n{% raw %}\n\n"
            + "\tArticle: Q812001\n\tProduct(s): Contoso Widget Server\n\t\n\tSUMMARY\n\t=======\n"
            + "\t\n\t\tIndented\tcode\n\n{% endraw %}\nAfter the article.\n";

    @Test
    void splitsTheBodyAroundTheRawBlockAndRemovesOneTab() {
        ArticleLocator.Located located = ArticleLocator.locate(BODY).orElseThrow();

        assertThat(located.before()).isEqualTo("\n## Q812001: WIDGET: Title\n\n");
        assertThat(located.articleText()).isEqualTo("\n\nArticle: Q812001\nProduct(s): Contoso Widget Server\n\n"
                + "SUMMARY\n=======\n\n\tIndented\tcode\n\n");
        assertThat(located.firstLine()).isEqualTo(3);
        assertThat(located.after()).isEqualTo("\nAfter the article.\n");
    }

    @Test
    void rawTagsWithWhitespaceControlAndExtraSpaces() {
        assertThat(ArticleLocator.locate("{%- raw -%}\nArticle: Q812001\n{%  endraw  %}"))
                .hasValueSatisfying(l -> {
                    assertThat(l.articleText()).isEqualTo("\nArticle: Q812001\n");
                    assertThat(l.firstLine()).isZero();
                    assertThat(l.before()).isEmpty();
                    assertThat(l.after()).isEmpty();
                });
    }

    @Test
    void crlfPageIsFound() {
        assertThat(ArticleLocator.locate("{% raw %}\r\n\r\n\tArticle: Q812001\r\n{% endraw %}")).isPresent();
    }

    @Test
    void bodiesWithoutAnArticleAreNotArticles() {
        assertThat(ArticleLocator.locate("Just a page.\n")).isEmpty();
        assertThat(ArticleLocator.locate("{% raw %}\n\tArticle: Q812001\n")).as("no endraw").isEmpty();
        assertThat(ArticleLocator.locate("{% raw %}\n{{ not liquid }}\n{% endraw %}")).as("no header").isEmpty();
        assertThat(ArticleLocator.locate("{% raw %}\nSome text\n\tArticle: Q812001\n{% endraw %}"))
                .as("header not first").isEmpty();
        assertThat(ArticleLocator.locate("{% raw %}\n\tArticle: none\n{% endraw %}")).as("no ID").isEmpty();
    }

    @Test
    void untabRemovesOnlyOneLeadingTabPerLine() {
        assertThat(ArticleLocator.untab("\tone\n\t\ttwo\nthree\n\t\n")).isEqualTo("one\n\ttwo\nthree\n\n");
        assertThat(ArticleLocator.untab("")).isEmpty();
    }

    @Test
    void shippedPageIsLocatedWithItsLineNumbers() {
        String page = ArticleTexts.read(Path.of("content/kb/319/Q319864/README.md"));
        String body = page.substring(page.indexOf("---\n", 4) + 4);

        Optional<ArticleLocator.Located> located = ArticleLocator.locate(body);

        assertThat(located).hasValueSatisfying(l -> {
            assertThat(l.before().strip()).isEqualTo(
                    "## Q319864: SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization");
            assertThat(l.articleText()).startsWith("\n\nArticle: Q319864\nProduct(s): Microsoft Systems Management Server\n");
            assertThat(l.articleText()).doesNotContain("\n\t");
            assertThat(l.firstLine()).isEqualTo(3);
        });
    }
}
