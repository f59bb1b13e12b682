package kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kb.json.KbJson;
import org.junit.jupiter.api.Test;

class ClusterAnswersTest {

    @Test
    void theHighlightersEscapesAreUndone() {
        assertThat(ClusterAnswers.unescaped("C&#x2F;C++ &lt;dir&gt; &quot;Guide&#x27;s&quot; &amp;amp;"))
                .isEqualTo("C/C++ <dir> \"Guide's\" &amp;");
    }

    @Test
    void aHitWithoutTheQuerysWordsShowsTheStartOfItsText() {
        ObjectNode hit = hit("The information in this article applies to:\nMicrosoft C&#x2F;C++ for MS-DOS\n");

        assertThat(ClusterAnswers.hit(hit, 1, 2f).snippet())
                .isEqualTo(Snippets.lead("The information in this article applies to:\nMicrosoft C/C++ for MS-DOS\n"))
                .isEqualTo("The information in this article applies to: Microsoft C/C++ for MS-DOS");
    }

    @Test
    void aHitWithThemShowsThePassageMarked() {
        ObjectNode hit = hit("the <mark>printer</mark> share");

        assertThat(ClusterAnswers.hit(hit, 3, 2f)).satisfies(h -> {
            assertThat(h.snippet()).isEqualTo("the <mark>printer</mark> share");
            assertThat(h.rank()).isEqualTo(3);
            assertThat(h.title()).isEqualTo("Q123456: Printer share");
        });
    }

    private static ObjectNode hit(String fragment) {
        ObjectNode hit = KbJson.object();
        hit.putObject("_source").put(IndexFields.ID, "Q123456").put(IndexFields.TITLE, "Printer share")
                .put(IndexFields.KIND, "article").put(IndexFields.URL, "/kb/123/Q123456/");
        hit.putObject("highlight").putArray(IndexFields.BODY).add(fragment);
        return hit;
    }
}
