package kb.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kb.config.SiteConfig;
import org.junit.jupiter.api.Test;

class RedirectPagesTest {

    @Test
    void frontMatterMayNameOnePathOrSeveral() {
        assertThat(RedirectPages.paths("/old/")).containsExactly("/old/");
        assertThat(RedirectPages.paths(List.of("/a/", " /b.html "))).containsExactly("/a/", "/b.html");
        assertThat(RedirectPages.paths(null)).isEmpty();
        assertThat(RedirectPages.paths(42)).isEmpty();
    }

    @Test
    void pathsBecomeFilesInsideTheSite() {
        assertThat(RedirectPages.outputPath("/old/")).contains("old/index.html");
        assertThat(RedirectPages.outputPath("/old")).contains("old/index.html");
        assertThat(RedirectPages.outputPath("/older.html")).contains("older.html");
        assertThat(RedirectPages.outputPath("/a/../../etc/passwd")).isEmpty();
    }

    @Test
    void thePageMovesTheReaderOnAndIsNotIndexed() {
        String html = new RedirectPages(SiteConfig.defaults().withBaseurl("/base")).page("old/index.html", "/new/").content();
        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"0; url=/base/new/\">")
                .contains("<link rel=\"canonical\" href=\"/base/new/\">")
                .contains("<meta name=\"robots\" content=\"noindex\">");
    }
}
