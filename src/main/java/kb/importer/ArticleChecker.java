package kb.importer;

import java.util.List;
import kb.diag.Diagnostics;

/**
 * Reports what the page of an article writes differently from the text file: control characters
 * (written as {@code <XX>}) and text that would end the page's raw block (defused). Each warning
 * points at the character's line and column in the text file. Stateless and thread-safe.
 */
public final class ArticleChecker {

    /** Reports the warnings for {@code article}. */
    public void check(TxtArticle article, Diagnostics diagnostics) {
        ControlCharacters.report(article.file(), article.title(), diagnostics);
        List<TxtLine> lines = article.rawLines();
        for (int i = 0; i < lines.size(); i++) {
            TxtLine line = lines.get(i);
            ControlCharacters.report(article.file(), line, diagnostics);
            String next = i + 1 < lines.size() ? lines.get(i + 1).text() : "";
            RawBlockGuard.report(article.file(), line, next, diagnostics);
        }
    }
}
