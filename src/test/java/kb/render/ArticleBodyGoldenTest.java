package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.extract.ArticleTexts;
import kb.model.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The body HTML of fixture articles in {@code src/test/resources/articles}, compared with reviewed
 * copies next to them ({@code <name>.html}). After an intended change, regenerate them with
 * {@code mvn test -Dtest=ArticleBodyGoldenTest -Dgolden.update=true} and review the diff.
 */
class ArticleBodyGoldenTest {

    /** The articles that are "in the site" for citation links. */
    private static final Map<String, String> SITE = Map.of("Q319864", "/kb/319/Q319864/",
            "Q812200", "/kb/812/Q812200/");

    private final ArticleBodyRenderer renderer =
            new ArticleBodyRenderer(new InlineText(id -> Optional.ofNullable(SITE.get(id))));

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"rich-article", "mspl-article"})
    void bodyMatchesGolden(String name) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Article article = ArticleTexts.extractPage(ArticleTexts.fixture(name + ".md"), diagnostics).article();
        assertThat(diagnostics.sorted()).isEmpty();

        String actual = renderer.render(article);
        Path golden = ArticleTexts.fixture(name + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }

        assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
