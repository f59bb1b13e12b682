package kb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.model.Article;
import kb.model.Block;
import kb.model.Section;
import kb.model.Versions;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static Article article(Section... sections) {
        return new Article("Q1", "Title", "/q1/", List.of(), List.of(), "", List.of(), Versions.none(), List.of(), "",
                List.of(), "", "", List.of(sections), List.of(), List.of());
    }

    private static Section section(String heading, Block... blocks) {
        return new Section(heading, 1, heading.toLowerCase(), List.of(blocks));
    }

    @Test
    void theSummarySectionWinsOverEarlierSections() {
        Article a = article(section("SYMPTOMS", new Block.Paragraph("The server stops responding after the upgrade.")),
                section("SUMMARY", new Block.Paragraph("This article describes how   to force a full inventory.")));
        assertThat(Summaries.of(a)).isEqualTo("This article describes how to force a full inventory.");
    }

    @Test
    void withoutALeadingSectionTheFirstProseIsTaken() {
        Article a = article(section("", new Block.Preformatted("C:\\> DIR", Block.PreKind.CODE),
                new Block.Paragraph("Some of the C run-time functions seem to remember something.")));
        assertThat(Summaries.of(a)).isEqualTo("Some of the C run-time functions seem to remember something.");
        assertThat(Summaries.of(article())).isEmpty();
    }

    @Test
    void longTextIsCutAtAWordWithAnEllipsis() {
        String words = "word ".repeat(100).strip();
        String cut = Summaries.cut(words);
        assertThat(cut).endsWith("word…").hasSizeLessThanOrEqualTo(Summaries.MAX + 1);
    }
}
