package kb.importer;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One article read from a KB text file: the header's fields as written (control characters
 * still in them) and the body lines, already cut, trimmed and shifted left by the one leading
 * space the archive's converter removed.
 *
 * @param file         the text file as shown in diagnostics
 * @param line         the line of the article's {@code DOCUMENT:} header
 * @param id           the article ID, {@code Q319864}
 * @param dateText     the header's date as written ({@code 13-MAY-2002}); empty if missing
 * @param date         that date, if it could be read
 * @param productCode  the {@code [sms]} code of the {@code DOCUMENT:} line; empty if missing
 * @param title        {@code TITLE   :}
 * @param product      {@code PRODUCT :}
 * @param versions     {@code PROD/VER:} without its first {@code :} if it had two
 * @param os           {@code OPER/SYS:}
 * @param keywords     {@code KEYWORDS:}
 * @param body         the body lines
 */
public record TxtArticle(String file, int line, String id, String dateText, Optional<LocalDate> date,
        String productCode, TxtLine title, TxtLine product, TxtLine versions, TxtLine os,
        TxtLine keywords, List<TxtLine> body) {

    public TxtArticle {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(keywords, "keywords");
        body = List.copyOf(body);
    }

    /** The article number, {@code 319864} for {@code Q319864}. */
    public long number() {
        return Long.parseLong(id.substring(1));
    }

    /** The keyword tokens of the header (split on whitespace). */
    public List<String> keywordList() {
        String all = keywords.text().strip();
        return all.isEmpty() ? List.of() : Arrays.asList(all.split("\\s+"));
    }

    /** The lines the page shows inside its raw block: the header fields after the title, the body. */
    public List<TxtLine> rawLines() {
        List<TxtLine> header = List.of(product, versions, os, keywords);
        return Stream.concat(header.stream(), body.stream()).toList();
    }
}
