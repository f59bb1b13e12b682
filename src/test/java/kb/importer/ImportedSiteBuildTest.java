package kb.importer;

import static kb.importer.TxtBytes.article;
import static kb.importer.TxtBytes.cp1252;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kb.site.BuildOptions;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;
import kb.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported pages go through {@code kb build} cleanly and show the article text unchanged. */
class ImportedSiteBuildTest {

    @TempDir
    Path tmp;

    @Test
    void importedPagesBuildAndShowTheirText() throws IOException {
        Files.copy(Path.of("src/test/resources/importer/golden/Q900501.TXT"), tmp.resolve("Q900501.TXT"));
        TxtBytes.write(tmp.resolve("Q900502.TXT"), cp1252(article("Q900502", "02-APR-2001",
                "WIDGET: {{Braces}} & \"Quotes\" in a *Title* [x]", "Text {% endraw %} and {%- endraw -%} stays.\n"
                        + "   {{ page.title }} {% comment %} x\n")));
        Path content = tmp.resolve("content");
        Diagnostics importProblems = new Diagnostics();
        ImportResult imported = new Importer().run(new ImportOptions(List.of(tmp), content, false), importProblems);
        assertThat(imported.created()).isEqualTo(2);

        Diagnostics buildProblems = new Diagnostics();
        new SiteBuilder(BuildProgress.NONE).build(new BuildOptions(content, tmp.resolve("site"),
                tmp.resolve("index"), Optional.empty(), Optional.empty()), buildProblems);

        assertThat(buildProblems.sorted()).isEmpty();
        Document golden = Jsoup.parse(tmp.resolve("site/kb/900/Q900501/index.html"));
        assertThat(golden.title()).startsWith("Q900501: WIDGET: Setup Fails If the Path Holds \"&\" or a __TEMP__ Folder");
        assertThat(golden.text()).contains("treats “&” as a separator. It doesn’t handle the case",
                "The café sample's settings are kept", "static int sizes[] = {{1, 2}, {3, 4}};");
        assertThat(golden.html()).contains("folder name&nbsp;__TEMP__ is reserved");
        Document liquid = Jsoup.parse(tmp.resolve("site/kb/900/Q900502/index.html"));
        assertThat(liquid.title()).startsWith("Q900502: WIDGET: { {Braces} } & \"Quotes\" in a *Title* [x]");
        assertThat(liquid.text()).contains("Text {% endraw %} and {%- endraw -%} stays.",
                "{{ page.title }} {% comment %} x");
    }
}
