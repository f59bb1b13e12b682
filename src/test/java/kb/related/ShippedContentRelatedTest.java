package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.serve.ServedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The related articles of the seed article on the shipped {@code content/}, as its page shows
 * them: the three other SMS inventory articles, and nothing of the unrelated articles beside
 * them (strtok, CONFIG.SYS, Word macros, Exchange's MTA, the NT redirector …). All three cite
 * Q319864, links its own list never sees: they are found by their words, product and title, and
 * vouch for each other through their links among themselves.
 */
class ShippedContentRelatedTest {

    @Test
    void theSeedArticleIsRelatedToTheOtherInventoryArticlesOnly(@TempDir Path tmp) throws IOException {
        ServedSite.build(tmp, "");

        String page = Files.readString(tmp.resolve("site/kb/319/Q319864/index.html"));
        var related = Jsoup.parse(page).select("section.kb-related li .kb-id").stream()
                .map(Element::text).toList();

        assertThat(related).containsExactly("Q900101:", "Q900102:", "Q901020:");
    }
}
