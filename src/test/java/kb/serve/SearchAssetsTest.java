package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.site.SearchAssets;
import kb.site.SearchAssets.Entry;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;

/** The search files the build writes: the static title index above all. */
class SearchAssetsTest {

    private static final SiteConfig CONFIG = new SiteConfig("KnowledgeBase Archive",
            "An Archive of Early Microsoft KnowledgeBase Articles", "http://kb.example.org", "/kbarchive",
            List.of(), List.of(), "date", Map.of());

    /** Reads the static index as search.js does, into entries. */
    static List<Entry> decode(String text) throws Exception {
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("format").asText()).isEqualTo("kb-title-index/1");
        String alphabet = json.get("alphabet").asText();
        int terminals = json.get("terminals").asInt();
        List<String> words = List.of(json.get("words").asText().split(" ", -1));
        List<Long> deltas = numbers(json.get("ids").asText(), alphabet, terminals);
        String[] titles = json.get("titles").asText().split(" ", -1);
        List<Entry> out = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < deltas.size(); i++) {
            n += deltas.get(i);
            List<String> title = new ArrayList<>();
            for (long k : numbers(titles[i], alphabet, terminals)) {
                title.add(words.get((int) k));
            }
            String id = json.get("prefix").asText() + n;
            String group = String.format("%06d", n).substring(0, 3);
            out.add(new Entry(id, String.join(" ", title),
                    json.get("url").asText().replace("{id}", id).replace("{group}", group)));
        }
        json.get("other").forEach(o -> out.add(new Entry(o.get(0).asText(), o.get(1).asText(), o.get(2).asText())));
        return out;
    }

    /** The numbers a string of codes stands for. */
    private static List<Long> numbers(String codes, String alphabet, int terminals) {
        int continuations = alphabet.length() - terminals;
        List<Long> out = new ArrayList<>();
        long digits = 0;
        int length = 0;
        for (char c : codes.toCharArray()) {
            int v = alphabet.indexOf(c);
            assertThat(v).as("code character %s", c).isNotNegative();
            if (v >= terminals) {
                digits = digits * continuations + (v - terminals);
                length++;
                continue;
            }
            long first = 0;
            long count = terminals;
            for (int j = 0; j < length; j++) {
                first += count;
                count *= continuations;
            }
            out.add(first + digits * terminals + v);
            digits = 0;
            length = 0;
        }
        assertThat(length).as("a code left open").isZero();
        return out;
    }

    @Test
    void theStaticIndexGivesBackEveryArticle() throws Exception {
        List<Entry> articles = List.of(
                new Entry("Q319864", "SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization", "/kb/319/Q319864/"),
                new Entry("Q10022", "Q10022: Title  with two spaces ", "/kb/010/Q10022/"),
                new Entry("Q99", "Ünïcödé & <markup> \"quoted\" \\ back", "/kb/000/Q99/"),
                new Entry("Q1234567", "", "/kb/123/Q1234567/"),
                new Entry("Q200000", "Elsewhere", "/odd/place/"),
                new Entry("KB-7", "Not numbered", "/kb/x/KB-7/"));
        String json = new SearchAssets(CONFIG).staticIndexJson(articles);
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("url").asText()).isEqualTo("/kb/{group}/{id}/");
        assertThat(node.get("prefix").asText()).isEqualTo("Q");
        assertThat(node.get("baseurl").asText()).isEqualTo("/kbarchive");
        assertThat(decode(json)).containsExactlyInAnyOrder(
                new Entry("Q319864", "SMS: Upgrade to SP4 Does Not Cause Inventory Resynchronization", "/kb/319/Q319864/"),
                new Entry("Q10022", "Title  with two spaces ", "/kb/010/Q10022/"),
                new Entry("Q99", "Ünïcödé & <markup> \"quoted\" \\ back", "/kb/000/Q99/"),
                new Entry("Q1234567", "", "/kb/123/Q1234567/"),
                new Entry("Q200000", "Elsewhere", "/odd/place/"),
                new Entry("KB-7", "Not numbered", "/kb/x/KB-7/"));
        assertThat(node.get("other")).hasSize(2);
    }

    @Test
    void manyWordsGetLongerCodesAndStillDecode() throws Exception {
        List<Entry> articles = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            articles.add(new Entry("Q" + (100000 + i), "common w" + i + " x" + (i % 97) + " common", "/kb/100/Q" + (100000 + i) + "/"));
        }
        String json = new SearchAssets(CONFIG).staticIndexJson(articles);
        assertThat(decode(json)).containsExactlyElementsOf(articles);
    }

    @Test
    void theStaticIndexIsCompact() {
        // 60,000 articles with ~54-character titles, most words shared: well under 2 MB.
        String[] vocabulary = ("Error Message When You Try to Open a File in Windows NT Server Setup Cannot Find "
                + "the Printer Driver How Use Excel Word Access Mail Merge Network Connection Fails with Registry "
                + "Key Is Not Available for Service Pack Update Causes Problem on Computer Using Macro").split(" ");
        java.util.Random random = new java.util.Random(42);
        List<Entry> articles = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; articles.size() < 60_000; i++) {
            long n = 10_000 + i * 5L + random.nextInt(5);
            if (seen.put("Q" + n, true) != null) {
                continue;
            }
            StringBuilder title = new StringBuilder("PROD" + random.nextInt(300) + ":");
            for (int w = 0; w < 7; w++) {
                title.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            title.append(' ').append("Term").append(random.nextInt(20_000));
            String id = "Q" + n;
            articles.add(new Entry(id, title.toString(), "/kb/" + String.format("%06d", n).substring(0, 3) + "/" + id + "/"));
        }
        int bytes = new SearchAssets(CONFIG).staticIndexJson(articles).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(2_000_000);
    }

    @Test
    void openSearchNamesTheSearchPage() {
        String xml = new SearchAssets(CONFIG).openSearchXml();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<ShortName>KnowledgeBase</ShortName>")
                .contains("<Description>An Archive of Early Microsoft KnowledgeBase Articles</Description>")
                .contains("<Url type=\"text/html\" method=\"get\" "
                        + "template=\"http://kb.example.org/kbarchive/search/?q={searchTerms}\"/>");
    }

    @Test
    void siteFactsHoldTheBaseUrlAndTitle() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new SearchAssets(CONFIG).siteJson());
        assertThat(Http.keys(json)).containsExactly("baseurl", "title", "search");
        assertThat(json.get("baseurl").asText()).isEqualTo("/kbarchive");
        assertThat(json.get("search").asText()).isEqualTo("/kbarchive/search/");
    }

    @Test
    void theNotFoundPageIsRenderedThroughTheTheme() {
        assertThat(new SearchAssets(CONFIG).notFoundPageVariables())
                .containsEntry("layout", SearchAssets.NOT_FOUND_TEMPLATE)
                .containsEntry("url", "/404.html");
        assertThat(SearchAssets.OUTPUTS).contains(SearchAssets.NOT_FOUND_PAGE, SearchAssets.ID_INDEX);
    }
}
