package kb.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Splits a decoded KB text file into its articles. An article starts at a {@code DOCUMENT:} line,
 * followed by the five labelled header lines ({@code TITLE}, {@code PRODUCT}, {@code PROD/VER},
 * {@code OPER/SYS}, {@code KEYWORDS}), blank lines and a rule of {@code =}; its body runs to the
 * next {@code DOCUMENT:} line or the end of the file, and is cut before the legal notice
 * (the block in capitals after the footer's closing {@code =} rule). An article without
 * that header shape, or marked {@code PRODUCT :DELETE ME}, is reported as an error and skipped.
 * Thread-safe.
 */
public final class TxtArticleParser {

    /** The first words of the legal notice the archive left out of its pages. */
    /** The footer's closing rule: the legal notice, if any, follows it. */
    private static final Pattern CLOSING_RULE = Pattern.compile("^ ?={60,}\\s*$");

    private static final String DOCUMENT = "DOCUMENT:";
    /** The digits of an article ID, as the build's extractor reads them ({@code Q10022}). */
    private static final int MIN_ID_DIGITS = 3;
    private static final int MAX_ID_DIGITS = 8;
    private static final Pattern DOCUMENT_LINE =
            Pattern.compile("DOCUMENT:(Q\\d{1,9})(?:\\s+([^\\s\\[]\\S*))?(?:\\s+\\[([^\\]]*)\\])?\\s*");
    private static final List<String> LABELS = List.of("TITLE", "PRODUCT", "PROD/VER", "OPER/SYS", "KEYWORDS");
    private static final int TITLE = 0;
    private static final int PRODUCT = 1;
    private static final int VERSIONS = 2;
    private static final int OS = 3;
    private static final int KEYWORDS = 4;

    /** The articles of {@code text}, in file order; errors and warnings go to {@code diagnostics}. */
    public List<TxtArticle> parse(DecodedText text, Diagnostics diagnostics) {
        List<String> lines = text.lines();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(DOCUMENT)) {
                starts.add(i);
            }
        }
        if (starts.isEmpty()) {
            diagnostics.error(SourcePosition.of(text.file()),
                    "no 'DOCUMENT:' header line: not a KB article file; skipped");
            return List.of();
        }
        for (int i = 0; i < starts.get(0); i++) {
            if (!isBlank(lines.get(i))) {
                diagnostics.warning(new SourcePosition(text.file(), i + 1, 1),
                        "text before the first 'DOCUMENT:' header line ignored");
                break;
            }
        }
        List<TxtArticle> articles = new ArrayList<>();
        for (int a = 0; a < starts.size(); a++) {
            int end = a + 1 < starts.size() ? starts.get(a + 1) : lines.size();
            article(text.file(), lines, starts.get(a), end, diagnostics).ifPresent(articles::add);
        }
        return articles;
    }

    /** Parses lines {@code [start, end)}; empty (and an error reported) when the header is wrong. */
    private Optional<TxtArticle> article(String file, List<String> lines, int start, int end,
            Diagnostics diagnostics) {
        Matcher document = DOCUMENT_LINE.matcher(lines.get(start));
        if (!document.matches()) {
            diagnostics.error(new SourcePosition(file, start + 1, DOCUMENT.length() + 1),
                    "malformed 'DOCUMENT:' line, expected 'DOCUMENT:Qnnnnnn  DD-MON-YYYY  [code]'; article skipped");
            return Optional.empty();
        }
        String id = document.group(1);
        if (id.length() - 1 < MIN_ID_DIGITS || id.length() - 1 > MAX_ID_DIGITS) {
            // The build's extractor reads only such IDs: a page made with another would be an
            // article without an ID.
            diagnostics.error(new SourcePosition(file, start + 1, DOCUMENT.length() + 1), "'" + id
                    + "' is not a KB article ID (Q and " + MIN_ID_DIGITS + " to " + MAX_ID_DIGITS
                    + " digits); article skipped");
            return Optional.empty();
        }
        List<TxtLine> fields = new ArrayList<>();
        for (int f = 0; f < LABELS.size(); f++) {
            int at = start + 1 + f;
            Optional<TxtLine> field = at < end ? field(lines.get(at), at + 1, LABELS.get(f)) : Optional.empty();
            if (field.isEmpty()) {
                diagnostics.error(new SourcePosition(file, Math.min(at, lines.size() - 1) + 1, 1),
                        "expected the '" + LABELS.get(f) + ":' header line of " + id + "; article skipped");
                return Optional.empty();
            }
            fields.add(field.get());
        }
        TxtLine product = fields.get(PRODUCT);
        if (product.text().strip().equalsIgnoreCase("DELETE ME")) {
            diagnostics.error(new SourcePosition(file, product.line(), product.column()),
                    id + " is marked 'PRODUCT :DELETE ME'; article skipped");
            return Optional.empty();
        }
        int rule = start + 1 + LABELS.size();
        while (rule < end && isBlank(lines.get(rule))) {
            rule++;
        }
        if (rule >= end || !isRule(lines.get(rule))) {
            int shown = Math.min(rule, end - 1) + 1;
            diagnostics.error(new SourcePosition(file, shown, 1), "no '=====' rule after the header of "
                    + id + " (the header must end with a blank line and a line of '='); article skipped");
            return Optional.empty();
        }
        String dateText = document.group(2) == null ? "" : document.group(2);
        Optional<LocalDate> date = ArticleDate.parse(dateText);
        if (date.isEmpty()) {
            int column = dateText.isEmpty() ? 1 : lines.get(start).indexOf(dateText, DOCUMENT.length()) + 1;
            diagnostics.warning(new SourcePosition(file, start + 1, column), (dateText.isEmpty()
                    ? "no date on the 'DOCUMENT:' line of " + id
                    : "date '" + dateText + "' of " + id + " is not a DD-MON-YYYY date")
                    + "; last_modified left out");
        }
        return Optional.of(new TxtArticle(file, start + 1, id, dateText, date,
                document.group(3) == null ? "" : document.group(3).strip(),
                fields.get(TITLE), product, withoutOneColon(fields.get(VERSIONS)), fields.get(OS),
                fields.get(KEYWORDS), body(lines, rule + 1, end)));
    }

    /** The value after {@code LABEL<spaces>:}, or empty if the line has another label. */
    private static Optional<TxtLine> field(String line, int lineNumber, String label) {
        if (!line.startsWith(label)) {
            return Optional.empty();
        }
        int colon = label.length();
        while (colon < line.length() && line.charAt(colon) == ' ') {
            colon++;
        }
        if (colon >= line.length() || line.charAt(colon) != ':') {
            return Optional.empty();
        }
        return Optional.of(new TxtLine(lineNumber, colon + 2, line.substring(colon + 1)));
    }

    /** {@code PROD/VER::2.0} means version {@code 2.0}: the archive dropped one leading colon. */
    private static TxtLine withoutOneColon(TxtLine versions) {
        return versions.text().startsWith(":")
                ? new TxtLine(versions.line(), versions.column() + 1, versions.text().substring(1))
                : versions;
    }

    /**
     * Body lines {@code [from, end)}: leading blank lines dropped, cut at the legal notice, one
     * leading space removed. As in the archive, the blank lines before the legal notice stay
     * (the archive's pages end with one empty line); without a notice, trailing blanks go.
     */
    private static List<TxtLine> body(List<String> lines, int from, int end) {
        int stop = end;
        boolean notice = false;
        int rule = lastClosingRule(lines, from, end);
        if (rule >= 0) {
            int next = rule + 1;
            while (next < end && isBlank(lines.get(next))) {
                next++;
            }
            if (next < end && isNoticeStart(lines.get(next))) {
                stop = next;
                notice = true;
            }
        }
        while (from < stop && isBlank(lines.get(from))) {
            from++;
        }
        while (!notice && stop > from && isBlank(lines.get(stop - 1))) {
            stop--;
        }
        List<TxtLine> body = new ArrayList<>(stop - from);
        for (int i = from; i < stop; i++) {
            String line = lines.get(i);
            body.add(line.startsWith(" ") ? new TxtLine(i + 1, 2, line.substring(1)) : new TxtLine(i + 1, 1, line));
        }
        return body;
    }

    /** The last rule of {@code =} that closes a footer, or -1. */
    private static int lastClosingRule(List<String> lines, int from, int end) {
        for (int i = end - 1; i >= from; i--) {
            if (CLOSING_RULE.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The legal notice that follows the footer opens with a line in capitals (letters, spaces
     * and punctuation, no lower case): what comes after it is not part of the article.
     */
    static boolean isNoticeStart(String line) {
        String t = line.strip();
        return t.length() >= 20 && t.chars().anyMatch(Character::isUpperCase)
                && t.chars().noneMatch(Character::isLowerCase);
    }

    private static boolean isRule(String line) {
        String s = line.stripTrailing();
        return s.length() >= 3 && s.chars().allMatch(c -> c == '=');
    }

    /** Only spaces and tabs: a line of control characters is not blank (they are reported). */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
