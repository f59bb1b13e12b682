package kb.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import kb.model.Article;
import kb.model.Block;
import kb.model.Section;

/**
 * One line that says what an article is about, for listings, feeds and the meta description: the
 * first paragraph of its SUMMARY (or SYMPTOMS, ...) section, else its first paragraph, cut at a
 * word near {@value #MAX} characters.
 */
public final class Summaries {

    /** The longest summary, in characters (search engines show about 160). */
    static final int MAX = 200;

    /** Sections whose first paragraph says what the article is about, best first. */
    private static final List<String> LEADING = List.of("SUMMARY", "SYMPTOMS", "SYMPTOM", "PROBLEM", "QUESTION",
            "INTRODUCTION", "OVERVIEW", "DESCRIPTION");
    private static final Set<String> SKIPPED = Set.of("REFERENCES", "KEYWORDS", "STATUS", "RESOLUTION", "WORKAROUND");

    private Summaries() {
    }

    /** The article's summary line, or "" when it has no prose at all. */
    public static String of(Article article) {
        for (String name : LEADING) {
            for (Section s : article.sections()) {
                if (s.heading().strip().toUpperCase(Locale.ROOT).equals(name)) {
                    String p = firstProse(s);
                    if (!p.isEmpty()) {
                        return cut(p);
                    }
                }
            }
        }
        for (Section s : article.sections()) {
            if (!SKIPPED.contains(s.heading().strip().toUpperCase(Locale.ROOT))) {
                String p = firstProse(s);
                if (!p.isEmpty()) {
                    return cut(p);
                }
            }
        }
        return "";
    }

    private static String firstProse(Section section) {
        for (Block b : section.blocks()) {
            if (b instanceof Block.Paragraph || b instanceof Block.Quote) {
                String text = b.text().replaceAll("\\s+", " ").strip();
                if (text.length() >= 20) {
                    return text;
                }
            }
        }
        return "";
    }

    /** {@code text} cut at a word boundary near {@link #MAX} characters, with an ellipsis when cut. */
    static String cut(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        int end = text.lastIndexOf(' ', MAX - 1);
        if (end < MAX / 2) {
            end = MAX - 1;
        }
        String head = text.substring(0, end);
        while (!head.isEmpty() && ",;:-(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1);
        }
        return head.strip() + "…";
    }
}
