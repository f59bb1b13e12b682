package kb.importer;

import static kb.importer.TxtBytes.article;
import static kb.importer.TxtBytes.cp1252;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.config.YamlLoader;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.liquid.IncludeFile;
import kb.liquid.LiquidEngine;
import kb.liquid.LiquidSite;
import org.junit.jupiter.api.Test;

class ArchivePageFormatTest {

    private static final Path GOLDEN = Path.of("src/test/resources/importer/golden");
    private static final String FILE = "txt/Q900700.TXT";

    private final TxtDecoder decoder = new TxtDecoder();
    private final TxtArticleParser parser = new TxtArticleParser();
    private final ArticleChecker checker = new ArticleChecker();
    private final ArchivePageFormat format = new ArchivePageFormat();
    private final Diagnostics diagnostics = new Diagnostics();

    private TxtArticle parse(byte[] bytes) {
        List<TxtArticle> articles = parser.parse(decoder.decode(bytes, FILE, diagnostics), diagnostics);
        assertThat(articles).hasSize(1);
        checker.check(articles.get(0), diagnostics);
        return articles.get(0);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    /** The front matter of {@code page}, read back with SnakeYAML Engine as kb build reads it. */
    private static Map<String, Object> frontMatter(String page) {
        String yaml = page.substring(4, page.indexOf("\n---\n") + 1);
        Diagnostics yamlProblems = new Diagnostics();
        Map<String, Object> values = new YamlLoader().loadMapping(yaml, "page.md", 2, yamlProblems).orElseThrow();
        assertThat(yamlProblems.sorted()).isEmpty();
        return values;
    }

    /** What the raw block of {@code page} shows once Liquid has rendered it. */
    private static String rendered(String page) {
        String body = page.substring(page.indexOf("\n---\n") + 5);
        Diagnostics liquidProblems = new Diagnostics();
        String html = new LiquidEngine(NO_SITE).render(body, Map.of("site", Map.of(), "page", Map.of()),
                "page.md", 1, liquidProblems).orElseThrow();
        assertThat(liquidProblems.sorted()).isEmpty();
        return html;
    }

    /** A site with nothing to include or link: an imported page needs none of it. */
    private static final LiquidSite NO_SITE = new LiquidSite() {
        @Override
        public java.util.Optional<IncludeFile> include(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<IncludeFile> relativeInclude(String fromPath, String name) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> linkTarget(String path) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> postUrl(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public String markdownify(String markdown) {
            return markdown;
        }

        @Override
        public String baseurl() {
            return "";
        }

        @Override
        public String url() {
            return "";
        }

        @Override
        public java.time.ZoneId timeZone() {
            return java.time.ZoneOffset.UTC;
        }
    };

    /**
     * One fixture text file, converted to exactly the expected page. After an intended change,
     * regenerate with {@code -Dgolden.update=true} and review the diff.
     */
    @Test
    void goldenPage() throws IOException {
        byte[] txt = Files.readAllBytes(GOLDEN.resolve("Q900501.TXT"));
        String page = format.format(parse(txt));
        Path expected = GOLDEN.resolve("Q900501.README.md");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, page, StandardCharsets.UTF_8);
        }
        assertThat(page).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void pathAndPermalinkUseTheThousandsFolder() {
        TxtArticle small = parse(cp1252(article("Q10022", "07-SEP-2001", "T", "B\n")));
        TxtArticle large = parse(cp1252(article("Q319864", "13-MAY-2002", "T", "B\n")));

        assertThat(ArchivePageFormat.pagePath(small)).isEqualTo("kb/010/Q10022/README.md");
        assertThat(ArchivePageFormat.permalink(large)).isEqualTo("/kb/319/Q319864/");
    }

    @Test
    void frontMatterReadsBackAsTheIntendedStrings() {
        String title = "WIDGET: \"Quoted\" #1: C:\\TEMP\\*.* & [x] café ’ok’ {{y}}";
        byte[] txt = cp1252(article("Q900700", "05-OCT-1999", title, "Body.\n")
                .replace("PRODUCT :Contoso Widget Studio", "PRODUCT :Contoso \"Studio\" \\ #2: yes")
                .replace("PROD/VER::2.0", "PROD/VER::2.0 # beta")
                .replace("OPER/SYS:", "OPER/SYS:WINDOWS: 95, NT ")
                .replace("KEYWORDS:kbwidget kbhowto", "KEYWORDS:kbwidget yes 2.0 a,b [c] null #tag"));

        String page = format.format(parse(txt));
        Map<String, Object> values = frontMatter(page);

        assertThat(values.get("title")).isEqualTo("Q900700: WIDGET: &quot;Quoted&quot; #1: C:&#92;TEMP&#92;&#42;.&#42; "
                + "&amp; &#91;x&#93; café ’ok’ { {y} }");
        assertThat(page).contains("\n## Q900700: WIDGET: &quot;Quoted&quot; #1: C:&#92;TEMP&#92;&#42;.&#42; "
                + "&amp; &#91;x&#93; café ’ok’ { {y} }\n");
        assertThat(values).containsEntry("layout", "page")
                .containsEntry("permalink", "/kb/900/Q900700/")
                .containsEntry("id", "Q900700")
                .containsEntry("product", "Contoso \"Studio\" \\ #2: yes")
                .containsEntry("product_code", "widget")
                .containsEntry("versions", "2.0 # beta")
                .containsEntry("os", "WINDOWS: 95, NT")
                .containsEntry("keywords", List.of("kbwidget", "yes", "2.0", "a,b", "[c]", "null", "#tag"))
                .containsEntry("last_modified", "1999-10-05");
        assertThat(values.get("import_digest").toString()).matches("sha256:[0-9a-f]{64}");
        assertThat(page).contains("\tOperating System(s): WINDOWS: 95, NT \n");
    }

    @Test
    void unreadableDateLeavesLastModifiedOut() {
        String page = format.format(parse(cp1252(article("Q900700", "99-XXX-2001", "T", "B\n"))));

        assertThat(frontMatter(page)).doesNotContainKey("last_modified");
        assertThat(page).contains("\tLast Modified: 99-XXX-2001\n");
    }

    @Test
    void endrawInTheBodyIsDefusedAndTheBuiltPageShowsItUnchanged() {
        String body = "Liquid-looking text:\n"
                + "  {% endraw %} and {%- endraw -%} and {%endraw%}\n"
                + "  {{ page.title }} {% if x %} {%\n"
                + "endraw %}\n";
        String page = format.format(parse(cp1252(article("Q900700", "05-OCT-1999", "T", body))));

        assertThat(page).contains("\t {% endraw %}{{ '{%' }}{% raw %} endraw %} and "
                + "{% endraw %}{{ '{%' }}{% raw %}- endraw -%} and {% endraw %}{{ '{%' }}{% raw %}endraw%}\n");
        assertThat(rendered(page)).contains("\n\t {% endraw %} and {%- endraw -%} and {%endraw%}\n"
                + "\t {{ page.title }} {% if x %} {%\n\tendraw %}\n");
        assertThat(messages()).containsExactly(
                FILE + ":10:3: warning: text '{% endraw' would end the page's raw block: written as "
                        + "{% endraw %}{{ '{%' }}{% raw %} so that the page shows it unchanged",
                FILE + ":10:20: warning: text '{% endraw' would end the page's raw block: written as "
                        + "{% endraw %}{{ '{%' }}{% raw %} so that the page shows it unchanged",
                FILE + ":10:39: warning: text '{% endraw' would end the page's raw block: written as "
                        + "{% endraw %}{{ '{%' }}{% raw %} so that the page shows it unchanged",
                FILE + ":11:31: warning: text '{% endraw' would end the page's raw block: written as "
                        + "{% endraw %}{{ '{%' }}{% raw %} so that the page shows it unchanged");
    }

    @Test
    void pageWithoutEndrawRendersToItsRawTextUnchanged() {
        String page = format.format(parse(cp1252(article("Q900700", "05-OCT-1999", "T",
                " int a[] = {{1, 2}, {3}};\n {%INSTALLDIR%}\\x\n"))));

        assertThat(rendered(page)).contains("\n\tint a[] = {{1, 2}, {3}};\n\t{%INSTALLDIR%}\\x\n");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void controlCharactersAreWrittenAsHexAndReportedAtTheirColumn() {
        byte[] txt = TxtBytes.crlf(TxtBytes.header("Q900700", "05-OCT-1999", "T"),
                "Press", 0x1B, "&l1O then ", 0x7F, "\n  tab\there ", 0x81, 0x0C, "\n", TxtBytes.NOTICE);

        String page = format.format(parse(txt));

        assertThat(page).contains("\tPress<1B>&l1O then <7F>\n\t tab\there <81><0C>\n\t\n\t=============================================================================\n\t\n\n{% endraw %}\n");
        assertThat(messages()).containsExactly(
                FILE + ":9:6: warning: control character 0x1B written as <1B>",
                FILE + ":9:17: warning: control character 0x7F written as <7F>",
                FILE + ":10:12: warning: control character 0x81 written as <81>",
                FILE + ":10:13: warning: control character 0x0C written as <0C>");
    }

    @Test
    void controlCharacterInTheTitleIsReportedAndEscaped() {
        byte[] txt = TxtBytes.crlf("DOCUMENT:Q900700  05-OCT-1999  [widget]\nTITLE   :Shows a \"", 0x7F,
                "\"\nPRODUCT :Contoso\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n=====\nB\n");

        String page = format.format(parse(txt));

        assertThat(frontMatter(page)).containsEntry("title", "Q900700: Shows a &quot;&lt;7F&gt;&quot;");
        assertThat(messages()).containsExactly(FILE + ":2:19: warning: control character 0x7F written as <7F>");
    }
}
