package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.model.Article;
import kb.model.Block;
import kb.render.ArticleBodyRenderer;
import kb.render.ArticleJson;
import kb.render.InlineText;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A list nested thousands of levels deep: its lines kept, no stack overflow, no wait. */
class DeepListTest {

    /** {@code levels} list items, each indented one space more than the one before. */
    private static String nestedList(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aListNestedThreeThousandLevelsDeepKeepsItsLinesBelowTheDepthLimit() {
        // Before the limit, the parser recursed three frames per level and overflowed the stack
        // at about 1,500 levels; every stage that walks the blocks recursed as deeply again.
        Diagnostics diagnostics = new Diagnostics();
        String text = ArticleTexts.withHeader(nestedList(3_000));

        Article article = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ArticleTexts.extract(text, diagnostics).article());

        // The body starts on line 17 (the header's 7 lines after line 10); item 32 is the first
        // that would open level 33.
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.warning(new SourcePosition(ArticleTexts.FILE, 49, 1),
                "list nested more than 32 levels deep; its lines are kept as written"));
        assertThat(depth(article.sections().get(0).blocks().get(0))).isEqualTo(BlockParser.MAX_LIST_DEPTH);
        assertThat(article.text()).contains("item 0").contains("item 31").contains("item 32").contains("item 2999");

        // Everything that walks the blocks stays as shallow: the page, its JSON.
        String html = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new ArticleBodyRenderer(new InlineText(id -> Optional.empty())).render(article)
                        + new ArticleJson().toJson(article, id -> Optional.empty()));
        assertThat(html).contains("item 2999");
    }

    /** How deep lists nest in a block. */
    private static int depth(Block block) {
        int depth = 0;
        Block current = block;
        while (current instanceof Block.ListBlock list) {
            depth++;
            current = list.items().get(list.items().size() - 1).blocks().stream()
                    .filter(Block.ListBlock.class::isInstance).findFirst().orElse(null);
        }
        return depth;
    }
}
