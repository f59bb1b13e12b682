package kb.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kb.diag.Diagnostics;
import kb.extract.ArticleTexts;
import kb.model.Article;
import org.junit.jupiter.api.Test;

/** The article metadata JSON embedded in pages and answered by the search API. */
class ArticleJsonTest {

    private static final Map<String, String> SITE = Map.of("Q319864", "/kb/319/Q319864/",
            "Q900101", "/kb/900/Q900101/");
    private static final Function<String, Optional<String>> HREF = id -> Optional.ofNullable(SITE.get(id));

    private final ArticleJson json = new ArticleJson();

    private static Article q319864() {
        Diagnostics diagnostics = new Diagnostics();
        Article a = ArticleTexts.extractPage(Path.of("content/kb/319/Q319864/README.md"), List.of("sms"), diagnostics)
                .article();
        assertThat(diagnostics.sorted()).isEmpty();
        return a;
    }

    @Test
    void shapeOfQ319864() {
        assertThat(json.toJson(q319864(), HREF)).isEqualTo("{\"id\":\"Q319864\","
                + "\"title\":\"SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization\","
                + "\"url\":\"/kb/319/Q319864/\","
                + "\"products\":[\"Microsoft Systems Management Server\"],"
                + "\"product_codes\":[\"sms\"],"
                + "\"applies_to\":[\"Microsoft Systems Management Server version 2.0\"],"
                + "\"versions\":\"2.0\","
                + "\"versions_by_platform\":{\"\":[\"2.0\"]},"
                + "\"operating_systems\":[],"
                + "\"keywords\":[\"kbsms200\"],"
                + "\"last_modified\":\"2002-05-13\","
                + "\"technology\":[\"kbSMSSearch\",\"kbSMS200\"],"
                + "\"issue_type\":[\"kbinfo\"],"
                + "\"sections\":[\"SUMMARY\",\"MORE INFORMATION\"],"
                + "\"fields\":{\"additional_query_words\":\"prodsms\",\"keywords\":\"kbsms200\","
                + "\"technology\":\"kbSMSSearch kbSMS200\",\"version\":\":2.0\",\"issue_type\":\"kbinfo\"},"
                + "\"references\":[]}");
    }

    @Test
    void keysInFixedOrderAndTheComparedOnesAmongThem() {
        Map<String, Object> map = json.toMap(q319864(), HREF);

        assertThat(map.keySet()).containsExactly("id", "title", "url", "products", "product_codes", "applies_to",
                "versions", "versions_by_platform", "operating_systems", "keywords", "last_modified", "technology",
                "issue_type", "sections", "fields", "references");
        assertThat(map.keySet()).containsAll(ArticleJson.COMPARED);
    }

    @Test
    void referencesCarryTheirUrlWhenTheArticleIsInTheSite() throws Exception {
        Article a = ArticleTexts.extractPage(Path.of("content/kb/900/Q900102/README.md"), new Diagnostics()).article();

        JsonNode refs = new ObjectMapper().readTree(json.toJson(a, HREF)).get("references");

        assertThat(refs.toString()).isEqualTo("[{\"id\":\"Q319864\",\"title\":\"\",\"url\":\"/kb/319/Q319864/\"},"
                + "{\"id\":\"Q900101\",\"title\":\"SMS: Hardware Inventory Omits Custom MOF Classes After SP4 Upgrade\","
                + "\"url\":\"/kb/900/Q900101/\"}]");
        assertThat(new ObjectMapper().readTree(json.toJson(a, id -> Optional.empty())).get("references")
                .get(0).get("url").isNull()).isTrue();
    }

    @Test
    void closingTagsAreEscapedForAScriptElement() throws Exception {
        Article a = ArticleTexts.extract("Q812001: Why </script> Ends the <b>Block</b>", ArticleTexts.withHeader("""
                Text.

                Additional query words: </script>
                """), Map.of(), List.of(), new Diagnostics()).article();

        String text = json.toJson(a, HREF);

        assertThat(text).doesNotContain("</")
                .contains("\"title\":\"Why <\\/script> Ends the <b>Block<\\/b>\"")
                .contains("\"additional_query_words\":\"<\\/script>\"");
        assertThat(new ObjectMapper().readTree(text).get("title").asText())
                .isEqualTo("Why </script> Ends the <b>Block</b>");
    }

    @Test
    void firstValueOfARepeatedFieldKeyWins() throws Exception {
        Article a = ArticleTexts.extract(ArticleTexts.withHeader("""
                Text.

                Component: setup
                KBCategory: kbusage

                ======================================================================
                Keywords          : kbusage
                Component         : spooler

                =============================================================================
                """)).article();

        JsonNode fields = new ObjectMapper().readTree(json.toJson(a, HREF)).get("fields");

        assertThat(fields.toString()).isEqualTo("{\"component\":\"setup\",\"kb_category\":\"kbusage\","
                + "\"keywords\":\"kbusage\"}");
    }
}
