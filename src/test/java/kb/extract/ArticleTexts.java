package kb.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.model.AppliesTo;
import kb.model.Article;
import kb.model.Block;
import kb.model.Section;
import kb.parse.FrontMatter;
import kb.parse.FrontMatterParser;
import kb.parse.SourceText;

/**
 * Small KB article texts for extractor and renderer tests, and the fixture pages under
 * {@code src/test/resources/articles}. Every text here is written for the tests (fictional
 * products, fictional article IDs).
 */
public final class ArticleTexts {

    /** The fixture pages. */
    public static final Path FIXTURES = Path.of("src/test/resources/articles");

    /** The shipped sample content. */
    public static final Path CONTENT_KB = Path.of("content/kb");

    /** The file name diagnostics are reported against. */
    public static final String FILE = "kb/812/Q812001/README.md";

    /** The line of the file where the article text starts in {@link #extract(String)}. */
    public static final int FIRST_LINE = 10;

    private ArticleTexts() {
    }

    /** Header lines for article Q812001 (ending in a blank line), ready to have a body appended. */
    public static String header() {
        return header("Q812001", "2.0", "", "kbwidget kbhowto", "13-MAY-2002");
    }

    /** The six header lines with these values, and the blank line after them. */
    public static String header(String id, String versions, String os, String keywords, String lastModified) {
        return "Article: " + id + "\n"
                + "Product(s): Contoso Widget Server\n"
                + "Version(s): " + versions + "\n"
                + "Operating System(s): " + os + "\n"
                + "Keyword(s): " + keywords + "\n"
                + "Last Modified: " + lastModified + "\n"
                + "\n";
    }

    /** The standard header followed by {@code body}. */
    public static String withHeader(String body) {
        return header() + body;
    }

    /** Extracts article text (header included) with no page title, front matter or listings. */
    public static Extraction extract(String text) {
        return extract("", text, Map.of(), List.of(), new Diagnostics());
    }

    /** Extracts article text (header included) with the given diagnostics. */
    public static Extraction extract(String text, Diagnostics diagnostics) {
        return extract("", text, Map.of(), List.of(), diagnostics);
    }

    /** Extracts article text as a page with this title, front matter and listing codes would give it. */
    public static Extraction extract(String title, String text, Map<String, Object> frontMatter,
            List<String> listedCodes, Diagnostics diagnostics) {
        return new ArticleExtractor().extract(new ArticleSource(FILE, FIRST_LINE, title, text, frontMatter,
                "/kb/812/Q812001/", listedCodes), diagnostics).orElseThrow(
                        () -> new AssertionError("no article extracted from:\n" + text));
    }

    /** The body of the standard article: its sections' blocks, in order. */
    public static List<Block> blocks(String body) {
        return extract(withHeader(body)).article().sections().stream()
                .flatMap(s -> s.blocks().stream()).toList();
    }

    /** The one block the body makes. */
    public static Block onlyBlock(String body) {
        List<Block> blocks = blocks(body);
        if (blocks.size() != 1) {
            throw new AssertionError("expected one block but got " + blocks);
        }
        return blocks.get(0);
    }

    /** A page file read and extracted as the build does it: front matter, {% raw %} block, TAB indent. */
    public static Extraction extractPage(Path page, Diagnostics diagnostics) {
        return extractPage(page, List.of(), diagnostics);
    }

    /** A page file read and extracted as the build does it, listed under these product codes. */
    public static Extraction extractPage(Path page, List<String> listedCodes, Diagnostics diagnostics) {
        String file = page.toString();
        String text = read(page);
        SourceText split = new FrontMatterParser().split(text, file, diagnostics)
                .orElseThrow(() -> new AssertionError("no front matter in " + page));
        FrontMatter fm = new FrontMatterParser().parse(split, file, diagnostics)
                .orElseThrow(() -> new AssertionError("bad front matter in " + page));
        ArticleLocator.Located located = ArticleLocator.locate(split.body())
                .orElseThrow(() -> new AssertionError("no article in " + page));
        String permalink = fm.permalink().orElse("");
        return new ArticleExtractor().extract(new ArticleSource(file, split.bodyLine() + located.firstLine(),
                fm.title().orElse(""), located.articleText(), fm.values(), permalink, listedCodes), diagnostics)
                .orElseThrow(() -> new AssertionError("no article extracted from " + page));
    }

    /** The fixture page {@code src/test/resources/articles/<name>}. */
    public static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    /** Every fixture page ({@code *.md}) under {@code src/test/resources/articles}. */
    public static List<Path> fixturePages() {
        return pagesUnder(FIXTURES, ".md");
    }

    /** Every article page of the shipped content ({@code content/kb/NNN/Qnnn/README.md}). */
    public static List<Path> contentPages() {
        return pagesUnder(CONTENT_KB, "README.md");
    }

    private static List<Path> pagesUnder(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a UTF-8 file. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The article's text as its blocks hold it, in order: the applies-to lead and items, then
     * for each section its heading and its blocks' texts.
     */
    public static String modelText(Article article) {
        List<String> parts = new ArrayList<>();
        parts.add(article.appliesToLead());
        article.appliesTo().stream().map(AppliesTo::text).forEach(parts::add);
        for (Section section : article.sections()) {
            parts.add(section.heading());
            section.blocks().stream().map(Block::text).forEach(parts::add);
        }
        return String.join("\n", parts);
    }

    /** The first block of type {@code type}, searching nested list items too. */
    public static <T extends Block> Optional<T> find(List<Block> blocks, Class<T> type) {
        for (Block b : blocks) {
            if (type.isInstance(b)) {
                return Optional.of(type.cast(b));
            }
            if (b instanceof Block.ListBlock list) {
                for (var item : list.items()) {
                    Optional<T> inner = find(item.blocks(), type);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
