package kb.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import kb.model.Article;
import kb.model.Block;
import kb.model.Reference;
import kb.model.Section;
import kb.search.Analyzers;
import kb.search.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What an article is about, as related-article lists compare it: the distinct terms of its
 * first {@value #TOKENS} analyzed tokens of {@code title + "\n" + title + "\n" + text}, with how
 * often each occurs. The title counts twice and the start of the text says what the article is
 * about; the same window MoreLikeThis used to read (English analysis of the body field, terms
 * shorter than {@value #MIN_TERM_LENGTH} characters dropped). Immutable; the arrays are copied in
 * and out (but for {@link #decoded}, which takes them over).
 */
public final class TermWindow {

    /** How many analyzed tokens of the title and text are read. */
    public static final int TOKENS = 300;
    /** Shorter terms ({@code 95}, {@code os}) are counted towards the window but not kept. */
    public static final int MIN_TERM_LENGTH = 3;

    /** A window with no terms. */
    public static final TermWindow EMPTY = new TermWindow(new String[0], new short[0]);

    /*
     * One analyzer for all windows: it is thread-safe and keeps its token chain per thread, which
     * would be rebuilt for every article if each call made its own.
     */
    private static final Analyzer ANALYZER = Analyzers.create();

    private final String[] terms;
    private final short[] freqs;
    /** The sum of the frequencies, which every related-list computation asks for, for every window. */
    private final int length;

    /**
     * Validates and copies: terms strictly ascending and non-null, frequencies positive.
     *
     * @param terms the distinct terms, in ascending {@link String#compareTo} order
     * @param freqs how often each term occurs in the window, at least 1, aligned with {@code terms}
     */
    public TermWindow(String[] terms, short[] freqs) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(freqs, "freqs");
        if (terms.length != freqs.length) {
            throw new IllegalArgumentException(terms.length + " terms but " + freqs.length + " frequencies");
        }
        this.terms = terms.clone();
        this.freqs = freqs.clone();
        terms = this.terms; // the copies are what is checked: the caller's arrays may change meanwhile
        freqs = this.freqs;
        int sum = 0;
        for (int i = 0; i < terms.length; i++) {
            Objects.requireNonNull(terms[i], "term");
            if (i > 0 && terms[i - 1].compareTo(terms[i]) >= 0) {
                throw new IllegalArgumentException("terms not strictly ascending at '" + terms[i] + "'");
            }
            if (freqs[i] < 1) {
                throw new IllegalArgumentException("frequency " + freqs[i] + " of '" + terms[i] + "'");
            }
            sum += freqs[i];
        }
        this.length = sum;
    }

    private TermWindow(String[] terms, short[] freqs, int length) {
        this.terms = terms;
        this.freqs = freqs;
        this.length = length;
    }

    /**
     * A window decoded from bytes that held one this class made (and checked), under a checksum:
     * the build state's. Takes the arrays over as they are, unchecked and uncopied: the caller
     * must keep no reference to them. Checking the order of 60,000 windows' terms again took a
     * few tenths of a second of CPU in every incremental build.
     *
     * @throws IllegalArgumentException when the arrays' lengths differ
     */
    public static TermWindow decoded(String[] terms, short[] freqs) {
        if (terms.length != freqs.length) {
            throw new IllegalArgumentException(terms.length + " terms but " + freqs.length + " frequencies");
        }
        // With assertions on (the tests), the checks a made window passes: a fault in the
        // state's encoding then fails a test rather than skewing related lists.
        assert new TermWindow(terms, freqs).length() >= 0;
        int sum = 0;
        for (short f : freqs) {
            sum += f;
        }
        return new TermWindow(terms, freqs, sum);
    }

    /** The window of an article with this title and readable text (as {@code Article.text()}). */
    public static TermWindow of(String title, String text) {
        return of(title, text, TOKENS);
    }

    /**
     * The window of an article without its citations: its title and text with every reference
     * list left out, every cited title taken out and every article ID dropped ({@code Q151261},
     * {@code q151261}, the {@code 151261} of a cited ID). What an article cites is one of its
     * citation links, which its own related list must not see, neither directly nor by sharing
     * a cited ID or title with an article that cites the same one.
     */
    public static TermWindow of(Article article) {
        StringBuilder text = new StringBuilder(4096);
        text.append(article.appliesToLead()).append('\n');
        article.appliesTo().forEach(a -> text.append(a.text()).append('\n'));
        for (Section s : article.sections()) {
            text.append(s.heading()).append('\n');
            for (Block b : s.blocks()) {
                if (!(b instanceof Block.ReferenceList)) {
                    text.append(b.text()).append('\n');
                }
            }
        }
        String words = text.toString();
        Set<String> dropped = new HashSet<>();
        for (Reference r : article.references()) {
            if (!r.title().isBlank()) {
                words = words.replace(r.title(), " ");
            }
            String digits = r.id().replaceFirst("^[Qq]", "");
            dropped.add(digits.toLowerCase(Locale.ROOT));
        }
        dropped.add(article.id().replaceFirst("^[Qq]", "").toLowerCase(Locale.ROOT));
        return window(new JoinedReader(article.title(), article.title(), words), TOKENS, dropped);
    }

    /** The window of the first {@code tokens} tokens (for measuring other sizes). */
    static TermWindow of(String title, String text, int tokens) {
        return window(new JoinedReader(title, title, text), tokens, Set.of());
    }

    /**
     * The distinct terms of a title, ascending, as a window counts them (English analysis, article
     * IDs dropped, terms shorter than {@value #MIN_TERM_LENGTH} characters left out): every one is
     * a term of the article's window too.
     */
    public static List<String> titleTerms(String title) {
        return List.of(window(new JoinedReader(title), TOKENS, Set.of()).terms);
    }

    static TermWindow ofOnce(String title, String text, int tokens) {
        return window(new JoinedReader(title, text), tokens, Set.of());
    }

    /** An article ID as a term: {@code q} and 3 to 8 digits, as the analyzer lower-cases it. */
    private static final Pattern ARTICLE_ID = Pattern.compile("q[0-9]{3,8}");

    /**
     * Reads from {@code words} only as far as the window goes: not a copy of the whole text.
     * Article IDs and the {@code dropped} terms (cited IDs' digits) are neither kept nor counted.
     */
    private static TermWindow window(java.io.Reader words, int tokens, Set<String> dropped) {
        Map<String, int[]> counts = new HashMap<>();
        String droppedFirsts = firsts(dropped);
        try (TokenStream ts = ANALYZER.tokenStream(IndexFields.BODY, words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            // Short terms count towards the window, as MoreLikeThis counted them.
            for (int read = 0; read < tokens && ts.incrementToken(); ) {
                if (isArticleId(term, dropped, droppedFirsts)) {
                    continue;
                }
                read++;
                if (term.length() >= MIN_TERM_LENGTH) {
                    counts.computeIfAbsent(term.toString(), k -> new int[1])[0]++;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze text in memory", e);
        }
        String[] terms = counts.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        short[] freqs = new short[terms.length];
        for (int i = 0; i < terms.length; i++) {
            freqs[i] = (short) counts.get(terms[i])[0];
        }
        return new TermWindow(terms, freqs);
    }

    private static boolean isArticleId(CharTermAttribute term, Set<String> dropped, String droppedFirsts) {
        // Character tests first: a term is rarely an ID, and a regex match or a copy of each costs.
        int length = term.length();
        if (length == 0) {
            return false;
        }
        char first = term.charAt(0);
        if (first == 'q' && length >= 4 && length <= 9 && ARTICLE_ID.matcher(term).matches()) {
            return true;
        }
        return droppedFirsts.indexOf(first) >= 0 && dropped.contains(term.toString());
    }

    /** The first characters of the dropped terms. */
    private static String firsts(Set<String> dropped) {
        StringBuilder firsts = new StringBuilder();
        for (String d : dropped) {
            if (!d.isEmpty() && firsts.indexOf(d.substring(0, 1)) < 0) {
                firsts.append(d.charAt(0));
            }
        }
        return firsts.toString();
    }

    /** The terms, in ascending order (a copy). */
    public String[] terms() {
        return terms.clone();
    }

    /** How often each term occurs (a copy). */
    public short[] freqs() {
        return freqs.clone();
    }

    /** How many distinct terms. */
    public int size() {
        return terms.length;
    }

    /** The {@code i}th term in ascending order. */
    public String term(int i) {
        return terms[i];
    }

    /** How often the {@code i}th term occurs. */
    public int freq(int i) {
        return freqs[i];
    }

    /** How many tokens the kept terms make: the sum of the frequencies. */
    public int length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermWindow w && Arrays.equals(terms, w.terms) && Arrays.equals(freqs, w.freqs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(freqs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TermWindow[");
        for (int i = 0; i < terms.length; i++) {
            sb.append(i == 0 ? "" : " ").append(terms[i]).append('=').append(freqs[i]);
        }
        return sb.append(']').toString();
    }
}
