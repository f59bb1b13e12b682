package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kb.diag.Diagnostics;
import kb.extract.ArticleTexts;
import kb.model.Article;
import kb.render.ArticleJson;

/**
 * The search fixture: thirteen KB articles written for these tests (fictional IDs and texts, under
 * {@code src/test/resources/search/articles/<product code>/<ID>.md}, in the archive's page format)
 * plus one ordinary page, extracted as the build does it and written to an index folder with
 * {@link SearchIndexer}, exactly as {@code kb build} writes it.
 *
 * <p>What the fixture holds, for the expectations of the tests:
 * <pre>
 * ID       code      product                               issue type     last modified  technology
 * Q730101  sms       Microsoft Systems Management Server   kbbug          2002-02-14     kbSMS200 kbSMSInventory
 * Q730102  sms       Microsoft Systems Management Server   kbbug          2002-05-02     kbSMS200 kbSMSInventory
 * Q730103  sms       Microsoft Systems Management Server   kbhowto        2001-10-09     kbSMS200 kbSMSSWDist
 * Q730104  sms       Microsoft Systems Management Server   kbprb          2000-06-20     kbSMS200 kbSMSInventory
 * Q730105  exchange  Microsoft Exchange Server             kbbug          1999-11-11     kbExchange550 kbXCLN
 * Q730106  exchange  Microsoft Exchange Server             kbhowto        2000-03-03     kbExchange550 kbXADM
 * Q730107  exchange  Microsoft Exchange Server             kbbug          2001-09-26     kbExchange550 kbXCLN
 * Q730108  exchange  Microsoft Exchange Server             kbprb          1999-12-15     kbExchange550 kbXCLN
 * Q730109  visualc   Microsoft Visual C++                  kbprb          2001-01-22     kbVC600
 * Q730110  visualc   Microsoft Visual C++                  kbhowto        2002-07-30     kbVC600 kbThread
 * Q10054   word97    Microsoft Word 97 for Windows         kbinfo         1999-04-05     kbWord97 kbPrinting
 * Q730112  word97    Microsoft Word 97 for Windows         kbBug          2000-08-17     kbWord97 kbPrinting
 * Q730113  winnt     Microsoft Windows NT Server           kbinfo kbprb   2001-05-28     kbWinNT400 kbNetwork
 * </pre>
 * Q730102 is a near-duplicate of Q730101. Operating System(s) is {@code winnt} for Q730110 and
 * Q730113 only. The page is {@link #PAGE_URL}.
 */
final class FixtureIndex {

    static final Path ARTICLES = Path.of("src/test/resources/search/articles");

    static final String PAGE_URL = "/about/";
    static final String PAGE_TITLE = "About This Knowledge Base";
    static final String PAGE_TEXT = """
            Type words to search every article. Put words in quotes to find them together, or narrow \
            the list to one product or year.
            """;

    private FixtureIndex() {
    }

    /** The fixture articles by ID, in file order. */
    static Map<String, Article> articles() {
        Map<String, Article> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ARTICLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String code = file.getParent().getFileName().toString();
                Diagnostics diagnostics = new Diagnostics();
                Article article = ArticleTexts.extractPage(file, List.of(code), diagnostics).article();
                if (diagnostics.errorCount() + diagnostics.warningCount() > 0) {
                    throw new AssertionError("fixture " + file + " has problems: " + diagnostics.sorted());
                }
                out.put(article.id(), article);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Writes the fixture index into {@code dir} and returns the articles it holds. */
    static Map<String, Article> write(Path dir) {
        Map<String, Article> articles = articles();
        IndexDocuments documents = new IndexDocuments();
        ArticleJson json = new ArticleJson();
        try (SearchIndexer indexer = new SearchIndexer(dir)) {
            for (Article a : articles.values()) {
                indexer.add(documents.article(a, a.permalink(), json.toJson(a, id -> Optional.empty())));
            }
            indexer.add(documents.page(PAGE_URL, PAGE_TITLE, PAGE_TEXT));
        }
        return articles;
    }
}
