package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import kb.search.QueryFactory.Clause;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * Turns a {@link ParsedQuery} into a Lucene query ranked for support staff: BM25 over title
 * (boosted), query words, section headings, applies-to and body; every word preferred (a bonus
 * when all are present) but none required; phrase and proximity boosts for words that stand
 * together (pasted error messages), and for a pasted passage held word for word; near title words
 * for slips in the words of short queries and for words the index does not know; and an article
 * named by its ID first. What each counts is a {@link RankingWeights}. Thread-safe.
 */
final class QueryBuilder {

    /**
     * Queries of at most this many words are typed (a title recalled); longer ones are pasted
     * (an error message): words standing together count for less in typed ones.
     */
    static final int TYPED_WORDS = 5;
    /**
     * Queries of at least this many words (small ones included) may be pasted passages: an
     * article holding them word for word, in order, scores {@link RankingWeights#passage}.
     */
    static final int PASSAGE_WORDS = 5;
    /** In queries of at most this many words even known words may be slips: they also match near title words. */
    private static final int FEW_WORDS = 4;
    /** Words in fewer documents than this may be misspelt: they also match near title words. */
    private static final int RARE = 3;
    /**
     * How far a near word may be: one edit, transpositions included, is every single slip (a
     * letter dropped, doubled, inserted, substituted, or two swapped). Two edits found no more
     * of the benchmark's slips, ranked fewer of them (98.9% against 99.2% on typos), and made
     * a misspelt query a third slower: Lucene builds a far larger automaton for them. A word
     * with two slips gets its correction from "Did you mean" ({@link SpellingSuggester}).
     */
    private static final int SLIP_EDITS = 1;

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
    private final Analyzer asWritten = Analyzers.plainWords();
    private final RankingWeights w;

    /** A builder ranking with {@link RankingWeights#DEFAULT}. */
    QueryBuilder() {
        this(RankingWeights.DEFAULT);
    }

    /** A builder ranking with other weights (tests set one to zero to see what it does). */
    QueryBuilder(RankingWeights weights) {
        this.w = weights;
    }

    /**
     * The query to rank by; the same set of documents without any scoring extras (for counting
     * and facets, where every match is visited); the words alone (for highlighting); and the
     * words' terms as the title and text fields index them (for {@link TitleRescorer}).
     *
     * @param <Q> the engine's query type
     */
    record Built<Q>(Q query, Q matches, Q highlight, Set<String> stems) {
    }

    /** The ranked query for a parsed query, made by {@code f} for its engine. */
    <Q> Built<Q> build(ParsedQuery q, QueryFactory<Q> f) {
        List<Clause<Q>> outer = new ArrayList<>();
        // Text clauses: at least one must match, however many filters stand beside them.
        List<Clause<Q>> main = new ArrayList<>();
        // What decides whether a document matches at all: the words, prefixes and IDs.
        List<Clause<Q>> matching = new ArrayList<>();
        boolean required = false;
        List<Clause<Q>> highlight = new ArrayList<>();

        List<Q> wordQueries = new ArrayList<>();
        // Per word as written: its title word, or a title word one slip away from it.
        List<Q> titleWords = new ArrayList<>();
        Set<String> wordStems = new HashSet<>();
        for (String word : q.words()) {
            List<String> stems = terms(english, word);
            wordStems.addAll(stems);
            List<String> plains = terms(plain, word);
            List<Q> alternatives = new ArrayList<>();
            for (String stem : stems) {
                alternatives.add(fieldsQuery(f, stem));
            }
            for (String p : plains) {
                Q asTyped = f.term(IndexFields.TITLE_WORDS, p);
                if (p.length() < 3 || p.length() > MAX_FUZZY_LENGTH || NUMBER_OR_ID.matcher(p).matches()) {
                    titleWords.add(asTyped);
                    continue; // a number one slip away is another number, not the one meant
                }
                int df = f.docFreq(IndexFields.SPELL, p);
                boolean rare = df < RARE;
                if (!rare && q.words().size() > FEW_WORDS) {
                    titleWords.add(asTyped);
                    continue; // a long query is pasted text, typed words are few: no slips to undo
                }
                // Perhaps misspelt: near title words, a slip anywhere in the word (the first
                // letters too), counted as often as the most frequent of them, so that a rare
                // neighbour of a word spelt right does not outscore it. A slip can make a known
                // word ("Hue" for "Huge", "rain" for "Train"), so known words get this too, with
                // less weight. A rare word is most likely a slip of a rare title word: its near
                // title words also count with their own rarity (the better of the two counts).
                float weight = df == 0 ? w.nearUnknownTitle() : rare ? w.nearRareTitle() : w.nearCommonTitle();
                Q near = f.fuzzy(IndexFields.TITLE_WORDS, p, SLIP_EDITS, 0, Optional.empty());
                alternatives.add(f.boost(near, w.title() * weight));
                if (rare) {
                    // The 8 nearest, each with its own rarity, the first letter as typed: most
                    // slips leave it, and a short word has dozens of neighbours one slip away, of
                    // which Lucene keeps the alphabetically first ("aor" … "tor" for "yor").
                    alternatives.add(f.boost(f.fuzzy(IndexFields.TITLE_WORDS, p, SLIP_EDITS, 1, Optional.of(8)), w.title() * weight));
                }
                titleWords.add(f.disMax(List.of(asTyped, near), 0f));
                if (df == 0 && p.length() >= 4) {
                    // Unknown: near words of the text too, first letter as typed (a slip there is
                    // still found among title words, above; the text has twelve times their
                    // vocabulary, and searching all of it cost a sixth of a misspelt query's time).
                    alternatives.add(f.boost(f.fuzzy(IndexFields.SPELL, p, SLIP_EDITS, 1, Optional.empty()), w.nearUnknownText()));
                }
            }
            if (!alternatives.isEmpty()) {
                Q wq = alternatives.size() == 1 ? alternatives.get(0) : f.disMax(alternatives, w.tieBreaker());
                wordQueries.add(wq);
                main.add(should(wq));
                matching.add(should(wq));
                stems.forEach(stem -> highlight.add(should(fieldsQuery(f, stem))));
            }
        }
        if (wordQueries.size() > 1) {
            // Prefer articles with every word: a bonus clause that only they match.
            main.add(should(f.boost(f.constantScore(f.bool(wordQueries.stream().map(QueryBuilder::must).toList(), 0)), w.allWords())));
        }
        if (!q.words().isEmpty()) {
            // Counted in analyzed terms: "error:10054" is two words standing together.
            String words = String.join(" ", q.words());
            List<Positioned> stems = positioned(words);
            if (stems.size() > 1) {
                // Every word in the title: what a person remembering an article types.
                Q inTitle = f.bool(stems.stream().map(st -> must(f.term(IndexFields.TITLE, st.term()))).toList(), 0);
                main.add(should(f.boost(f.constantScore(inTitle), w.allInTitle())));
                // ... as written ("Using", not "Used"), the more so the more of the title they make.
                Q asWritten = f.bool(titleWords.stream().map(QueryBuilder::must).toList(), 0);
                main.add(should(f.boost(f.titleCoverage(f.constantScore(asWritten), stems.size()), w.asWrittenInTitle())));
                // Words together, in the title or in the text. In the text they mark a pasted error
                // message; the longer, the surer. Up to five words side by side are as likely a
                // common expression ("Windows 3.0 386 enhanced mode") as a message, and must not
                // outweigh them in a title; nor, as the body mostly repeats its title, count twice.
                int n = stems.size();
                Q inTitleTogether = f.boost(f.phrase(IndexFields.TITLE, stems, words, 2), w.togetherInTitle());
                if (n > TYPED_WORDS) {
                    main.add(should(inTitleTogether));
                    main.add(should(f.boost(f.phrase(IndexFields.BODY, stems, words, 1), w.together(n))));
                } else {
                    main.add(should(f.disMax(List.of(inTitleTogether,
                            f.boost(f.phrase(IndexFields.BODY, stems, words, 1), w.typedTogether() * w.together(n))), 0f)));
                }
                // ... and best of all as a line the article quotes on its own.
                main.add(should(f.boost(f.phrase(IndexFields.MESSAGES, stems, words, 1),
                        n > 3 ? w.together(n) : w.shortMessage() * w.together(n))));
                main.add(should(f.boost(f.phrase(IndexFields.BODY, stems, words, 12), w.nearby())));
            }
            // A pasted passage, word for word: the English fields drop its small words ("is a note
            // on the" is one word there), the spelling field keeps every one.
            List<Positioned> passage = positioned(asWritten, words);
            if (!passage.isEmpty() && passage.get(passage.size() - 1).position() + 1 >= PASSAGE_WORDS) {
                main.add(should(f.boost(f.constantScore(f.phrase(IndexFields.SPELL, passage, words, 0)), w.passage())));
            }
        }
        for (String phrase : q.phrases()) {
            List<Positioned> stems = positioned(phrase);
            if (stems.isEmpty()) {
                continue;
            }
            Q pq = f.disMax(List.of(
                    f.boost(f.phrase(IndexFields.TITLE, stems, phrase, 0), w.title()),
                    f.phrase(IndexFields.BODY, stems, phrase, 0),
                    f.phrase(IndexFields.QUERY_WORDS, stems, phrase, 0)), w.tieBreaker());
            outer.add(must(pq));
            required = true;
            highlight.add(should(pq));
        }
        for (String prefix : q.prefixes()) {
            Q pq = f.disMax(List.of(
                    f.boost(f.prefix(IndexFields.TITLE, prefix), w.title()),
                    f.prefix(IndexFields.SPELL, prefix)), w.tieBreaker());
            main.add(should(pq));
            matching.add(should(pq));
            highlight.add(should(f.prefix(IndexFields.BODY, prefix)));
        }
        for (String id : q.ids()) {
            main.add(should(f.boost(f.constantScore(f.term(IndexFields.ID_FORMS, id)), w.id())));
            matching.add(should(f.term(IndexFields.ID_FORMS, id)));
        }
        for (String out : q.excluded()) {
            List<Positioned> stems = positioned(out);
            if (stems.size() == 1) {
                outer.add(new Clause<>(Occur.MUST_NOT, fieldsQuery(f, stems.get(0).term())));
            } else if (stems.size() > 1) {
                outer.add(new Clause<>(Occur.MUST_NOT, f.disMax(List.of(f.phrase(IndexFields.TITLE, stems, out, 0),
                        f.phrase(IndexFields.BODY, stems, out, 0)), 0f)));
            }
        }
        // The same documents as the ranked query, without its scoring extras: the words, prefixes
        // and IDs (or everything), then the required phrases, exclusions and filters.
        List<Clause<Q>> counted = new ArrayList<>();
        int textClause = -1;
        if (!main.isEmpty()) {
            textClause = outer.size();
            outer.add(new Clause<>(required ? Occur.SHOULD : Occur.MUST, f.bool(main, 1)));
            if (!required && !matching.isEmpty()) {
                counted.add(must(f.bool(matching, 1)));
            }
        } else if (!required) {
            textClause = outer.size();
            outer.add(must(f.matchAll()));
            counted.add(must(f.matchAll()));
        }
        for (Map.Entry<String, List<String>> filter : q.filters().entrySet()) {
            for (String value : filter.getValue()) {
                outer.add(new Clause<>(Occur.FILTER, filter(f, filter.getKey(), value)));
            }
        }
        for (Map.Entry<String, List<String>> filter : q.excludedFilters().entrySet()) {
            for (String value : filter.getValue()) {
                outer.add(new Clause<>(Occur.MUST_NOT, filter(f, filter.getKey(), value)));
            }
        }
        for (int i = 0; i < outer.size(); i++) {
            if (outer.get(i).occur() != Occur.SHOULD && i != textClause) {
                counted.add(outer.get(i));
            }
        }
        if (required) {
            // With a required phrase the words only add to the score.
            counted.add(should(f.matchAll()));
        }
        Q all = f.bool(outer, 0);
        return new Built<>(all, f.constantScore(f.bool(counted, 0)), highlight.isEmpty() ? all : f.bool(highlight, 0),
                Set.copyOf(wordStems));
    }

    /**
     * The {@link IndexFields#SPELL} terms whose document frequency {@link #build} may ask for:
     * every unstemmed term of the query's words (for an engine that fetches them first).
     */
    Set<String> spellTerms(ParsedQuery q) {
        Set<String> out = new java.util.LinkedHashSet<>();
        q.words().forEach(word -> out.addAll(terms(plain, word)));
        return out;
    }

    private static <Q> Clause<Q> should(Q query) {
        return new Clause<>(Occur.SHOULD, query);
    }

    private static <Q> Clause<Q> must(Q query) {
        return new Clause<>(Occur.MUST, query);
    }

    /** A filter on one field; {@code product} takes a code or a whole product name. */
    static <Q> Q filter(QueryFactory<Q> f, String field, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (field.equals(IndexFields.PRODUCT)) {
            return f.bool(List.of(should(f.term(IndexFields.PRODUCT_CODE, lower)),
                    should(f.term(IndexFields.PRODUCT, lower))), 0);
        }
        return f.term(field, lower);
    }

    /** A stem in its best field: the fields are alternatives (a title word is not a body word again). */
    private <Q> Q fieldsQuery(QueryFactory<Q> f, String stem) {
        return f.disMax(List.of(
                f.boost(f.term(IndexFields.TITLE, stem), w.title()),
                f.boost(f.term(IndexFields.QUERY_WORDS, stem), w.queryWords()),
                f.boost(f.term(IndexFields.SECTIONS, stem), w.sections()),
                f.boost(f.term(IndexFields.APPLIES_TO, stem), w.appliesTo()),
                f.boost(f.term(IndexFields.BODY, stem), w.body())), 0f);
    }

    /** A term and its position, as the analyzer placed it (stop words leave gaps). */
    record Positioned(String term, int position) {
    }

    /** The terms of a text with their positions, as the English fields' phrases have them. */
    private List<Positioned> positioned(String text) {
        return positioned(phrases, text);
    }

    /** The terms an analyzer makes of a text, with their positions. */
    private static List<Positioned> positioned(Analyzer analyzer, String text) {
        List<Positioned> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY, text)) {
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
