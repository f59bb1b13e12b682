package kb.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of search hits: the best passage of each hit's text with the query's words marked
 * ({@code <mark>}, HTML-escaped, Lucene's {@link UnifiedHighlighter} on the text's offsets), cut
 * to about {@link #SNIPPET_MAX} characters; the text's start for a hit with no passage to show.
 * Thread-safe.
 */
final class Snippets {

    static final int SNIPPET_MAX = 280;
    /** How much of a text's start {@link #lead} shows, at most. */
    static final int LEAD_MAX = 200;
    private static final SnippetScorer SCORER = new SnippetScorer();

    /** Only for a highlighter's builder: offsets come from the index, nothing is analysed. */
    private final Analyzer analyzer = Analyzers.create();

    /** One snippet per hit, in order; {@code null} where the text has no match to show. */
    String[] of(IndexSearcher searcher, Query highlight, ScoreDoc[] hits) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                // Offsets of the query's terms, not of whole-query matches: as good a snippet for
                // words and phrases alike, at a fraction of the cost.
                .withWeightMatches(false)
                .withScorer(SCORER)
                // No passage for a text without the query's words: its start is shown (lead), the
                // same from a cluster, whose highlighter gives the text's start too.
                .withMaxNoHighlightPassages(0)
                // Passages are runs of the text's lines, at least a snippet's worth, cut to length
                // afterwards: far cheaper than finding sentences, and a KB line is a unit of meaning.
                .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                        new CustomSeparatorBreakIterator('\n'), SNIPPET_MAX / 2, 0.3f))
                .build();
        TopDocs slice = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
        String[] snippets = highlighter.highlight(IndexFields.BODY, highlight, slice, 1);
        for (int i = 0; i < snippets.length; i++) {
            if (snippets[i] != null) {
                snippets[i] = shorten(snippets[i]);
            }
        }
        return snippets;
    }

    /** A long highlighted passage cut to about {@link #SNIPPET_MAX} characters around its first mark. */
    static String shorten(String html) {
        if (html.length() <= SNIPPET_MAX) {
            return html;
        }
        int mark = Math.max(0, html.indexOf("<mark>"));
        int start = Math.max(0, mark - SNIPPET_MAX / 3);
        while (start > 0 && !Character.isWhitespace(html.charAt(start))) {
            start--;
        }
        int end = Math.min(html.length(), start + SNIPPET_MAX);
        while (end < html.length() && !Character.isWhitespace(html.charAt(end))) {
            end++;
        }
        String cut = html.substring(start, end);
        // Never leave a tag or an entity broken, nor a <mark> open.
        int lt = cut.lastIndexOf('<');
        if (lt > cut.lastIndexOf('>')) {
            cut = cut.substring(0, lt);
        }
        int amp = cut.lastIndexOf('&');
        if (amp > cut.lastIndexOf(';')) {
            cut = cut.substring(0, amp);
        }
        int firstGt = cut.indexOf('>');
        int firstLt = cut.indexOf('<');
        if (firstGt >= 0 && (firstLt < 0 || firstGt < firstLt)) {
            cut = cut.substring(firstGt + 1);
        }
        if (cut.lastIndexOf("<mark>") > cut.lastIndexOf("</mark>")) {
            cut = cut + "</mark>";
        }
        if (cut.indexOf("</mark>") >= 0 && (cut.indexOf("<mark>") < 0 || cut.indexOf("</mark>") < cut.indexOf("<mark>"))) {
            cut = "<mark>" + cut;
        }
        return (start > 0 ? "… " : "") + cut.strip() + (end < html.length() ? " …" : "");
    }

    /** The start of a text, escaped, for a hit with no passage to show. */
    static String lead(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        int space = text.lastIndexOf(' ', LEAD_MAX);
        String cut = text.length() <= LEAD_MAX ? text : text.substring(0, space > 0 ? space : LEAD_MAX) + " …";
        StringBuilder sb = new StringBuilder();
        for (char c : cut.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
