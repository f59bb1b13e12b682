package kb.importer;

import java.util.List;
import java.util.Locale;

/**
 * Writes an article as a Jekyll page in the archive's layout ({@code kb/NNN/QNNNNNN/README.md}):
 * front matter with the archive's {@code layout}, {@code title} and {@code permalink} plus
 * structured fields ({@code id}, {@code product}, {@code product_code}, {@code versions},
 * {@code os}, {@code keywords}, {@code last_modified}) and the {@link ImportDigest} line; then the
 * {@code ## } heading and, inside {@code {% raw %}}, the six header lines and the body, each line
 * indented by one TAB. Article text is written as read except that control characters become
 * {@code <XX>} and {@code {% endraw} is defused ({@link RawBlockGuard}). Pure and thread-safe.
 */
public final class ArchivePageFormat {

    /** The page's path below the content folder: {@code kb/319/Q319864/README.md}. */
    public static String pagePath(TxtArticle article) {
        return folder(article) + "README.md";
    }

    /** The page's URL: {@code /kb/319/Q319864/}. */
    public static String permalink(TxtArticle article) {
        return "/" + folder(article);
    }

    private static String folder(TxtArticle article) {
        return String.format(Locale.ROOT, "kb/%03d/%s/", article.number() / 1000, article.id());
    }

    /** The complete page text, LF line ends, ending with a line end. */
    public String format(TxtArticle article) {
        String title = article.id() + ": " + TitleEntities.escape(article.title().text());
        StringBuilder head = new StringBuilder(512)
                .append("---\n")
                .append("layout: page\n")
                .append("title: ").append(YamlScalars.quoted(title)).append('\n')
                .append("permalink: ").append(permalink(article)).append('\n')
                .append("id: ").append(article.id()).append('\n')
                .append("product: ").append(YamlScalars.quoted(value(article.product()))).append('\n')
                .append("product_code: ").append(YamlScalars.word(article.productCode())).append('\n')
                .append("versions: ").append(YamlScalars.quoted(value(article.versions()))).append('\n')
                .append("os: ").append(YamlScalars.quoted(value(article.os()))).append('\n')
                .append("keywords: ").append(YamlScalars.flowList(
                        article.keywordList().stream().map(ControlCharacters::escape).toList())).append('\n');
        article.date().ifPresent(d -> head.append("last_modified: ").append(d).append('\n'));
        String rest = "---\n\n## " + title + "\n\n{% raw %}\n\n" + rawText(article) + "\n{% endraw %}\n";
        String before = head.toString();
        return before + ImportDigest.line(before, rest) + rest;
    }

    /** A header value for the front matter: control characters escaped, outer spaces removed. */
    private static String value(TxtLine field) {
        return ControlCharacters.escape(field.text()).strip();
    }

    /** The content of the raw block: header lines and body, each line TAB-indented. */
    private static String rawText(TxtArticle article) {
        List<String> header = List.of(
                "Article: " + article.id(),
                "Product(s): " + article.product().text(),
                "Version(s): " + article.versions().text(),
                "Operating System(s): " + article.os().text(),
                "Keyword(s): " + article.keywords().text(),
                "Last Modified: " + article.dateText(),
                "");
        StringBuilder raw = new StringBuilder(256 + article.body().size() * 72);
        for (String line : header) {
            raw.append('\t').append(ControlCharacters.escape(line)).append('\n');
        }
        for (TxtLine line : article.body()) {
            raw.append('\t').append(ControlCharacters.escape(line.text())).append('\n');
        }
        return RawBlockGuard.protect(raw.toString());
    }
}
