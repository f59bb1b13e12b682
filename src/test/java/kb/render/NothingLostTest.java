package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.extract.ArticleTexts;
import kb.extract.Extraction;
import kb.model.AppliesTo;
import kb.model.Article;
import kb.verify.Words;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariant "nothing lost": every word of an article's body reaches its page, in order, and
 * every word of the body lands in exactly one block. Checked on the fixture pages and on every
 * article of the shipped content.
 */
class NothingLostTest {

    private final ArticleBodyRenderer renderer = new ArticleBodyRenderer(new InlineText(id -> Optional.empty()));

    static Stream<Path> pages() {
        return Stream.concat(ArticleTexts.fixturePages().stream(), ArticleTexts.contentPages().stream());
    }

    @Test
    void thereArePagesToCheck() {
        assertThat(ArticleTexts.fixturePages()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ArticleTexts.contentPages()).hasSizeGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void everyBodyWordIsOnThePageInOrder(Path page) {
        Extraction extraction = ArticleTexts.extractPage(page, new Diagnostics());
        Article article = extraction.article();
        List<String> pageWords = new ArrayList<>(Words.of(article.appliesToLead()));
        article.appliesTo().stream().map(AppliesTo::text).forEach(t -> pageWords.addAll(Words.of(t)));
        pageWords.addAll(Words.of(Jsoup.parse(renderer.render(article)).text()));
        List<String> bodyWords = Words.of(extraction.bodyText());

        int[] upTo = {0};
        int missing = Words.firstUnmatched(bodyWords, pageWords, upTo);

        assertThat(missing).as(() -> "first body word not on the page: "
                + bodyWords.subList(missing, Math.min(bodyWords.size(), missing + 8)) + " (after page word "
                + upTo[0] + ")").isEqualTo(-1);
        assertThat(bodyWords).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void blocksHoldEveryBodyWordExactlyOnceInOrder(Path page) {
        Extraction extraction = ArticleTexts.extractPage(page, new Diagnostics());

        assertThat(Words.of(ArticleTexts.modelText(extraction.article())))
                .isEqualTo(Words.of(extraction.bodyText()));
    }

    @Test
    void bodyTextIsTheTextBetweenHeaderAndFooterWithMetadataLinesTakenOut() {
        Extraction extraction = ArticleTexts.extractPage(Path.of("content/kb/319/Q319864/README.md"), new Diagnostics());

        assertThat(extraction.bodyText())
                .startsWith("-------------------------------------------------------------------------------\n"
                        + "The information in this article applies to:\n")
                .contains("SUMMARY\n=======\n")
                .endsWith("Service Pack 4 Installation Release Notes\" document.\n\n\n")
                .doesNotContain("Additional query words").doesNotContain("Keywords          :")
                .doesNotContain("Last Modified:");
    }
}
