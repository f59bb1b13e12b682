package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ParsedQuery} into a Lucene query ranked for support staff: BM25 over title
 * (boosted), query words, section headings, applies-to and body; every word preferred (a bonus
 * when all are present) but none required; phrase and proximity boosts for words that stand
 * together (pasted error messages); fuzzy matching for words the index does not know; and an
 * article named by its ID first. Thread-safe.
 */
final class QueryBuilder {

    private static final float TITLE = 4f;
    private static final float QUERY_WORDS = 2f;
    private static final float SECTIONS = 1.2f;
    private static final float APPLIES_TO = 1f;
    private static final float BODY = 1f;
    private static final float ID_BOOST = 1000f;
    /**
     * Queries of at most this many words are typed (a title recalled); longer ones are pasted
     * (an error message): words standing together count for less in typed ones.
     */
    static final int TYPED_WORDS = 5;
    /** In queries of at most this many words even known words may be slips: they also match near title words. */
    private static final int FEW_WORDS = 4;
    /** Words in fewer documents than this may be misspelt: they also match near title words. */
    private static final int RARE = 3;

    /**
     * Words longer than this are never fuzzy: they are identifiers or pasted noise, not slips, and
     * the cost of matching near words grows with their length (a 255-letter word took 30 ms).
     */
    private static final int MAX_FUZZY_LENGTH = 32;
    /** A number or an article ID ({@code 10054}, {@code q319864}, {@code kb319864}): never fuzzy. */
    private static final Pattern NUMBER_OR_ID = Pattern.compile("(?:q|kb)?\\d+");

    private final Analyzer english = Analyzers.english();
    private final Analyzer phrases = Analyzers.englishPhrases();
    private final Analyzer plain = Analyzers.plain();
    /** Fuzzy expansions by reader and query: the words people type recur. */
    private final LruCache<Expansion, Query> expansions = new LruCache<>(16_384);

    /**
     * The query to rank by; the same set of documents without any scoring extras (for counting
     * and facets, where every match is visited); the words alone (for highlighting); and the
     * words' terms as the title and text fields index them (for {@link TitleRescorer}).
     */
    record Built(Query query, Query matches, Query highlight, Set<String> stems) {
    }

    Built build(ParsedQuery q, IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        // Text clauses: at least one must match, however many filters stand beside them.
        BooleanQuery.Builder main = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        // What decides whether a document matches at all: the words, prefixes and IDs.
        BooleanQuery.Builder matching = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        boolean required = false;
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        boolean any = false;

        List<Query> wordQueries = new ArrayList<>();
        List<String> plainWords = new ArrayList<>();
        Set<String> wordStems = new HashSet<>();
        for (String word : q.words()) {
            List<String> stems = terms(english, word);
            wordStems.addAll(stems);
            List<String> plains = terms(plain, word);
            plainWords.addAll(plains);
            List<Query> alternatives = new ArrayList<>();
            for (String stem : stems) {
                alternatives.add(fieldsQuery(stem));
            }
            for (String p : plains) {
                if (p.length() < 3 || p.length() > MAX_FUZZY_LENGTH || NUMBER_OR_ID.matcher(p).matches()) {
                    continue; // a number one slip away is another number, not the one meant
                }
                int df = docFreq(reader, IndexFields.SPELL, p);
                boolean rare = df < RARE;
                if (!rare && q.words().size() > FEW_WORDS) {
                    continue; // a long query is pasted text, typed words are few: no slips to undo
                }
                // Perhaps misspelt: near title words, each scored with its own rarity (a rare title
                // word one slip away is most likely the word meant). A slip can make another real
                // word ("Hue" for "Huge"), so common words get this too, with less weight and, to
                // stay cheap, one edit after a fixed first letter.
                int edits = rare && p.length() > 5 ? 2 : 1;
                float weight = df == 0 ? 0.8f : rare ? 0.4f : 0.2f;
                alternatives.add(new BoostQuery(rewritten(searcher, new FuzzyQuery(new Term(IndexFields.TITLE_WORDS, p),
                        edits, rare ? 0 : 1, 8, true, new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(8))), TITLE * weight));
                if (df == 0 && p.length() >= 4) {
                    // Unknown: near words of the text too, first letter as typed (a slip there is
                    // still found among title words, above; the text has twelve times their
                    // vocabulary, and searching all of it cost a sixth of a misspelt query's time).
                    alternatives.add(new BoostQuery(rewritten(searcher, new FuzzyQuery(new Term(IndexFields.SPELL, p), edits, 1)),
                            0.8f));
                }
            }
            if (!alternatives.isEmpty()) {
                Query wq = alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0.1f);
                wordQueries.add(wq);
                main.add(wq, Occur.SHOULD);
                matching.add(wq, Occur.SHOULD);
                stems.forEach(stem -> highlight.add(fieldsQuery(stem), Occur.SHOULD));
                any = true;
            }
        }
        if (wordQueries.size() > 1) {
            // Prefer articles with every word: a bonus clause that only they match.
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            wordQueries.forEach(wq -> all.add(wq, Occur.MUST));
            main.add(new BoostQuery(new ConstantScoreQuery(all.build()), 2f), Occur.SHOULD);
        }
        if (!q.words().isEmpty()) {
            // Counted in analyzed terms: "error:10054" is two words standing together.
            List<Positioned> stems = positioned(String.join(" ", q.words()));
            if (stems.size() > 1) {
                // Every word in the title: what a person remembering an article types.
                BooleanQuery.Builder inTitle = new BooleanQuery.Builder();
                stems.forEach(st -> inTitle.add(new TermQuery(new Term(IndexFields.TITLE, st.term())), Occur.MUST));
                main.add(new BoostQuery(new ConstantScoreQuery(inTitle.build()), 6f), Occur.SHOULD);
                // ... as written ("Using", not "Used"), the more so the more of the title they make.
                BooleanQuery.Builder asWritten = new BooleanQuery.Builder();
                plainWords.forEach(w -> asWritten.add(new TermQuery(new Term(IndexFields.TITLE_WORDS, w)), Occur.MUST));
                main.add(new BoostQuery(FunctionScoreQuery.boostByValue(new ConstantScoreQuery(asWritten.build()),
                        new TitleCoverage(stems.size())), 6f), Occur.SHOULD);
                // Words together, in the title or in the text. In the text they mark a pasted error
                // message; the longer, the surer. Up to five words side by side are as likely a
                // common expression ("Windows 3.0 386 enhanced mode") as a message, and must not
                // outweigh them in a title; nor, as the body mostly repeats its title, count twice.
                int n = stems.size();
                Query inTitleTogether = new BoostQuery(phrase(IndexFields.TITLE, stems, 2), 6f);
                if (n > TYPED_WORDS) {
                    main.add(inTitleTogether, Occur.SHOULD);
                    main.add(new BoostQuery(phrase(IndexFields.BODY, stems, 1), 4f + n), Occur.SHOULD);
                } else {
                    main.add(new DisjunctionMaxQuery(List.of(inTitleTogether,
                            new BoostQuery(phrase(IndexFields.BODY, stems, 1), 0.3f * (4 + n))), 0f), Occur.SHOULD);
                }
                // ... and best of all as a line the article quotes on its own.
                main.add(new BoostQuery(phrase(IndexFields.MESSAGES, stems, 1), n > 3 ? 4f + n : (4f + n) / 2), Occur.SHOULD);
                main.add(new BoostQuery(phrase(IndexFields.BODY, stems, 12), 1.5f), Occur.SHOULD);
            }
        }
        for (String phrase : q.phrases()) {
            List<Positioned> stems = positioned(phrase);
            if (stems.isEmpty()) {
                continue;
            }
            Query pq = new DisjunctionMaxQuery(List.of(
                    new BoostQuery(phrase(IndexFields.TITLE, stems, 0), TITLE),
                    phrase(IndexFields.BODY, stems, 0),
                    phrase(IndexFields.QUERY_WORDS, stems, 0)), 0.1f);
            outer.add(pq, Occur.MUST);
            required = true;
            highlight.add(pq, Occur.SHOULD);
            any = true;
        }
        for (String prefix : q.prefixes()) {
            Query pq = new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new PrefixQuery(new Term(IndexFields.TITLE, prefix)), TITLE),
                    new PrefixQuery(new Term(IndexFields.SPELL, prefix))), 0.1f);
            main.add(pq, Occur.SHOULD);
            matching.add(pq, Occur.SHOULD);
            highlight.add(new PrefixQuery(new Term(IndexFields.BODY, prefix)), Occur.SHOULD);
            any = true;
        }
        for (String id : q.ids()) {
            main.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.ID_FORMS, id))), ID_BOOST),
                    Occur.SHOULD);
            matching.add(new TermQuery(new Term(IndexFields.ID_FORMS, id)), Occur.SHOULD);
            any = true;
        }
        for (String out : q.excluded()) {
            List<Positioned> stems = positioned(out);
            if (stems.size() == 1) {
                outer.add(fieldsQuery(stems.get(0).term()), Occur.MUST_NOT);
            } else if (stems.size() > 1) {
                outer.add(new DisjunctionMaxQuery(List.of(phrase(IndexFields.TITLE, stems, 0),
                        phrase(IndexFields.BODY, stems, 0)), 0f), Occur.MUST_NOT);
            }
        }
        BooleanQuery text = main.build();
        BooleanQuery matchText = matching.build();
        BooleanQuery.Builder counted = new BooleanQuery.Builder();
        if (!text.clauses().isEmpty()) {
            outer.add(text, required ? Occur.SHOULD : Occur.MUST);
            if (!required && !matchText.clauses().isEmpty()) {
                counted.add(matchText, Occur.MUST);
            }
        } else if (!required) {
            outer.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
            counted.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
        }
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            for (String value : f.getValue()) {
                outer.add(filter(f.getKey(), value), Occur.FILTER);
            }
        }
        for (Map.Entry<String, List<String>> f : q.excludedFilters().entrySet()) {
            for (String value : f.getValue()) {
                outer.add(filter(f.getKey(), value), Occur.MUST_NOT);
            }
        }
        Query all = outer.build();
        // The same documents: required phrases, exclusions and filters as in the ranked query.
        for (var clause : all.equals(MatchAllDocsQuery.INSTANCE) ? List.<org.apache.lucene.search.BooleanClause>of()
                : ((BooleanQuery) all).clauses()) {
            if (clause.occur() != Occur.SHOULD && !(clause.occur() == Occur.MUST && clause.query() == text)
                    && clause.query() != MatchAllDocsQuery.INSTANCE) {
                counted.add(clause);
            }
        }
        if (required) {
            // With a required phrase the words only add to the score.
            counted.add(MatchAllDocsQuery.INSTANCE, Occur.SHOULD);
        }
        Query h = highlight.build();
        return new Built(all, new ConstantScoreQuery(counted.build()), h.toString().isEmpty() ? all : h, Set.copyOf(wordStems));
    }

    /**
     * A fuzzy query expanded into its terms once: the same expansion then serves ranking and
     * counting, and later queries with the same word (expanding costs more than searching).
     */
    private Query rewritten(IndexSearcher searcher, Query query) {
        IndexReader reader = searcher.getIndexReader();
        Expansion key = new Expansion(reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey(),
                query);
        Query known = expansions.get(key);
        if (known != null) {
            return known;
        }
        try {
            Query expanded = searcher.rewrite(query);
            expansions.put(key, expanded);
            return expanded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query's expansion on one index reader. */
    private record Expansion(Object reader, Query query) {
    }

    /** A filter on one field; {@code product} takes a code or a whole product name. */
    static Query filter(String field, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (field.equals(IndexFields.PRODUCT)) {
            return new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.PRODUCT_CODE, lower)), Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.PRODUCT, lower)), Occur.SHOULD)
                    .build();
        }
        return new TermQuery(new Term(field, lower));
    }

    private static Query fieldsQuery(String stem) {
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(new TermQuery(new Term(IndexFields.TITLE, stem)), TITLE),
                new BoostQuery(new TermQuery(new Term(IndexFields.QUERY_WORDS, stem)), QUERY_WORDS),
                new BoostQuery(new TermQuery(new Term(IndexFields.SECTIONS, stem)), SECTIONS),
                new BoostQuery(new TermQuery(new Term(IndexFields.APPLIES_TO, stem)), APPLIES_TO),
                new BoostQuery(new TermQuery(new Term(IndexFields.BODY, stem)), BODY)), 0f);
    }

    /** A term and its position, as the analyzer placed it (stop words leave gaps). */
    record Positioned(String term, int position) {
    }

    private static Query phrase(String field, List<Positioned> terms, int slop) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
        terms.forEach(t -> b.add(new Term(field, t.term()), t.position()));
        return b.build();
    }

    /** The terms of a text with their positions. */
    private List<Positioned> positioned(String text) {
        List<Positioned> out = new ArrayList<>();
        try (TokenStream ts = phrases.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute inc =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Positioned(term.toString(), pos));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int docFreq(IndexReader reader, String field, String term) {
        try {
            return reader.docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many search terms a word makes (the most that either analyzer makes): what {@link QueryLimit} counts. */
    int termCount(String word) {
        return Math.max(terms(english, word).size(), terms(plain, word).size());
    }

    /** The terms an analyzer makes of a text. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
