package kb.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FixtureProbeTest {
    @Test
    void probe() throws Exception {
        MarkdownRenderer r = new MarkdownRenderer();
        String[][] pages = {{"account/two-factor.md", "account/two-factor.html"}, {"troubleshooting/logs.md", "troubleshooting/logs.html"},
                {"getting-started/first-sync.md", "getting-started/first-sync.html"}, {"_guides/migrating-from-v4.md", "guides/migrating-from-v4/index.html"},
                {"getting-started/index.md", "getting-started/index.html"}, {"reference/config-file.md", "reference/config-file.html"},
                {"_guides/offline-mode.md", "guides/offline-mode/index.html"}, {"reference/cli.md", "reference/cli.html"},
                {"account/plans.md", "account/plans.html"}, {"about.md", "about.html"}, {"_guides/sharing-folders.md", "guides/sharing-folders/index.html"}};
        for (String[] p : pages) {
            String md = Files.readString(Path.of("/work/main/src/test/resources/sites/jekyll-full/" + p[0])).replaceFirst("(?s)^---\n.*?\n---\n", "");
            String ref = Files.readString(Path.of("/work/main/target/jekyll-full-reference/" + p[1]));
            int a = ref.indexOf("<main id=\"main_content\">") + 24;
            int b = ref.indexOf("</main>");
            String name = p[0].replace('/', '_');
            Files.writeString(Path.of("/tmp/kcmp/" + name + ".kb"), KramdownSyntaxTest.comparable(r.render(md)).replace("><", ">\n<"));
            Files.writeString(Path.of("/tmp/kcmp/" + name + ".jk"), KramdownSyntaxTest.comparable(ref.substring(a, b)).replace("><", ">\n<"));
        }
    }
}
