package kb.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.extract.ArticleExtractor;
import kb.extract.ArticleLocator;
import kb.extract.ArticleSource;
import kb.parse.FrontMatter;
import kb.parse.FrontMatterParser;
import kb.parse.SourceText;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the TXT importer on raw bytes: decoding, parsing, checking and formatting a page never
 * throw, fail or hang, and every page it makes reads back as the build reads it — front matter
 * that parses without an error, an article the extractor finds, with the ID it was imported
 * under. Seeds in {@code TxtImportFuzzTestInputs}.
 */
class TxtImportFuzzTest {

    private final TxtDecoder decoder = new TxtDecoder();
    private final TxtArticleParser parser = new TxtArticleParser();
    private final ArticleChecker checker = new ArticleChecker();
    private final ArchivePageFormat format = new ArchivePageFormat();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final ArticleExtractor extractor = new ArticleExtractor();

    @FuzzTest(maxDuration = "4s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void importPage(byte[] input) {
        Diagnostics diagnostics = new Diagnostics();
        DecodedText text = decoder.decode(input, "fuzz/Q1.TXT", diagnostics);
        for (TxtArticle article : parser.parse(text, diagnostics)) {
            checker.check(article, diagnostics);
            ArchivePageFormat.pagePath(article);
            readBack(article, format.format(article));
        }
    }

    /** The page as a build reads it: split, YAML, the raw block, the article in it. */
    private void readBack(TxtArticle article, String page) {
        Diagnostics reading = new Diagnostics();
        Optional<SourceText> split = frontMatter.split(page, "page.md", reading);
        Optional<FrontMatter> fm = split.flatMap(s -> frontMatter.parse(s, "page.md", reading));
        assertThat(reading.sorted()).as("reading back the page of %s:%n%s", article.id(), page)
                .noneMatch(d -> d.severity() == Severity.ERROR);
        assertThat(fm).as(page).isPresent();
        Optional<ArticleLocator.Located> located = ArticleLocator.locate(split.get().body());
        assertThat(located).as("the raw block of%n%s", page).isPresent();
        Map<String, Object> values = fm.get().values();
        String id = extractor.extract(new ArticleSource("page.md", split.get().bodyLine(),
                fm.get().title().orElse(""), located.get().articleText(), values,
                String.valueOf(values.get("permalink")), List.of()), reading)
                .map(e -> e.article().id()).orElse("(none)");
        assertThat(id).as(page).isEqualTo(article.id());
        assertThat(reading.sorted()).extracting(Diagnostic::severity).doesNotContain(Severity.ERROR);
    }
}
