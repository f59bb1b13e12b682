package kb.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Generates the benchmark's query sets from the corpus articles, deterministically: each kind
 * shuffles the articles (ordered by ID) with its own fixed seed and takes, in that order, the
 * first {@code perKind} articles a query of that kind can be made from.
 */
final class QuerySets {

    /** The default seed of the first kind; kind {@code k} uses {@code seed + k.ordinal()}. */
    static final long SEED = 20_240_611L;

    /** A rare passage's words stand together in at most this many articles' bodies. */
    static final int RARE_PASSAGE_ARTICLES = 10;

    /** An underline of a heading (or of a table's column headings). */
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*[=-]{3,}\\s*$");
    /** A list item's marker: {@code - }, {@code * }, {@code o }, {@code 1. }, {@code a) }, {@code (a) }, {@code <B7> }. */
    private static final Pattern LIST_MARKER =
            Pattern.compile("^([-*o]|\\d+[.)]|[A-Za-z][.)]|\\([A-Za-z0-9]+\\)|<B7>)\\s.*");
    /** A reference line ({@code Q151261 OFF97: How to ...}) or a footer or tag line. */
    private static final Pattern NOT_PROSE = Pattern.compile(
            "^(Q\\d+\\b|Additional (query|reference) words|KBCategory|KBSubcategory|Keywords|ARTICLE-ID|TITLE\\s*:).*");
    /** Characters of code, paths, registry values, URLs, markup and escapes, not of a sentence. */
    private static final Pattern CODE_CHARS = Pattern.compile("[{}<>\\[\\];=\\\\|_@#$%^~`*/+]");
    /** A word of a sentence: letters (with inner apostrophes or hyphens), perhaps in parentheses or quotes, perhaps with trailing punctuation. */
    private static final Pattern SENTENCE_WORD = Pattern.compile("^[(\"']?\\p{L}+(['-]\\p{L}+)*[)\"']?[.,:?!)\"']*$");

    private final List<BenchArticle> articles;
    private final TitleWords titleWords;
    private final long seed;
    private PhraseCounter phrases;

    QuerySets(List<BenchArticle> articles, long seed) {
        this.articles = List.copyOf(articles);
        this.titleWords = new TitleWords(articles);
        this.seed = seed;
    }

    /** {@code perKind} queries of every kind (fewer only when the corpus has too few candidates). */
    Map<QueryKind, List<BenchQuery>> generate(int perKind) {
        return generate(perKind, EnumSet.allOf(QueryKind.class));
    }

    /**
     * {@code perKind} queries of each of {@code kinds}. A kind's queries do not depend on which
     * other kinds are generated (each has its own seed).
     */
    Map<QueryKind, List<BenchQuery>> generate(int perKind, Set<QueryKind> kinds) {
        Map<QueryKind, List<BenchQuery>> sets = new EnumMap<>(QueryKind.class);
        for (QueryKind kind : kinds) {
            sets.put(kind, switch (kind) {
                case KNOWN_ITEM -> sample(kind, perKind, this::knownItem);
                case VAGUE -> sample(kind, perKind, this::vague);
                case TYPO -> sample(kind, perKind, this::typo);
                case ERROR_MESSAGE -> sample(kind, perKind, (a, r) -> errorMessage(a));
                case ID -> {
                    int[] n = {0};
                    yield sample(kind, perKind, (a, r) -> Optional.of(idForm(a.id(), n[0]++)));
                }
                case PASSAGE -> sample(kind, perKind, QuerySets::passage);
                // the passages' own seed and order, so that each article gets the same passage
                case RARE_PASSAGE -> sample(kind, QueryKind.PASSAGE, perKind,
                        (a, r) -> passage(a, r).filter(p -> phrases().countUpTo(p, RARE_PASSAGE_ARTICLES + 1)
                                <= RARE_PASSAGE_ARTICLES));
                case TYPO_ANY_SHAPE -> sample(kind, perKind, this::typoAnyShape);
            });
        }
        return sets;
    }

    /** How many articles' bodies hold the passage's words together (counting up to {@code limit}). */
    int articlesWithPassage(String passage, int limit) {
        return phrases().countUpTo(passage, limit);
    }

    private PhraseCounter phrases() {
        if (phrases == null) {
            phrases = new PhraseCounter(articles.stream().map(BenchArticle::bodyText).toList());
        }
        return phrases;
    }

    /** All queries of every kind in one list, kind by kind. */
    static List<BenchQuery> all(Map<QueryKind, List<BenchQuery>> sets) {
        List<BenchQuery> all = new ArrayList<>();
        sets.values().forEach(all::addAll);
        return all;
    }

    private List<BenchQuery> sample(QueryKind kind, int perKind,
            BiFunction<BenchArticle, Random, Optional<String>> maker) {
        return sample(kind, kind, perKind, maker);
    }

    /** Queries of {@code kind} drawn with the seed (and so the article order) of {@code seedOf}. */
    private List<BenchQuery> sample(QueryKind kind, QueryKind seedOf, int perKind,
            BiFunction<BenchArticle, Random, Optional<String>> maker) {
        Random random = new Random(seed + seedOf.ordinal());
        List<BenchArticle> order = new ArrayList<>(articles);
        Collections.shuffle(order, random);
        List<BenchQuery> out = new ArrayList<>(Math.min(perKind, order.size()));
        for (BenchArticle a : order) {
            if (out.size() == perKind) {
                break;
            }
            maker.apply(a, random).map(String::strip).filter(q -> !q.isEmpty())
                    .ifPresent(q -> out.add(new BenchQuery(kind, q, a.id())));
        }
        return List.copyOf(out);
    }

    /** 3 to 5 (seeded) of the title's rarest words, in title order; titles with fewer than 3 words are skipped. */
    private Optional<String> knownItem(BenchArticle a, Random random) {
        List<String> rarest = titleWords.rarestFirst(a.title());
        int wanted = 3 + random.nextInt(3);
        if (rarest.size() < 3) {
            return Optional.empty();
        }
        List<String> picked = rarest.subList(0, Math.min(wanted, rarest.size()));
        return Optional.of(String.join(" ", TitleWords.inTitleOrder(a.title(), picked)));
    }

    /** 3 title words picked at random, in the order picked. */
    private Optional<String> vague(BenchArticle a, Random random) {
        List<String> words = new ArrayList<>(TitleWords.words(a.title()));
        if (words.size() < 3) {
            return Optional.empty();
        }
        Collections.shuffle(words, random);
        return Optional.of(String.join(" ", words.subList(0, 3)));
    }

    /**
     * The title's 2 rarest words in title order, the rarer one misspelt; skipped when the rarer
     * one is not a word of at least 4 letters (a typo in "NT" or "4.0" is not a typo test).
     */
    private Optional<String> typo(BenchArticle a, Random random) {
        List<String> rarest = titleWords.rarestFirst(a.title());
        if (rarest.size() < 2 || !Typos.typeable(rarest.get(0))) {
            return Optional.empty();
        }
        String rarer = rarest.get(0);
        String misspelt = Typos.misspell(rarer, random);
        List<String> two = TitleWords.inTitleOrder(a.title(), rarest.subList(0, 2));
        return Optional.of(String.join(" ", two.stream().map(w -> w.equals(rarer) ? misspelt : w).toList()));
    }

    /**
     * One slip ({@link Typos#slip}: dropped, doubled, inserted, substituted or swapped letters) in
     * a title word picked at random among those that can take one ({@link Typos#slippable}), with
     * the 1 or 2 (seeded) rarest of the title's other words, all in random order; titles with
     * fewer than 2 words are skipped.
     *
     * <p>The other words are the rarest, as in {@link #typo}, so that the query names its article
     * once the slip is undone: with other words picked at random ("Fails When" for "ON ERROR Not
     * Called When Trigger Fails in Browse or Grid"), one query in 18 matched hundreds of titles
     * spelt right, no engine found it, and the kind measured ambiguity instead of slips.
     */
    private Optional<String> typoAnyShape(BenchArticle a, Random random) {
        List<String> words = TitleWords.words(a.title());
        List<String> slippable = words.stream().filter(Typos::slippable).toList();
        if (words.size() < 2 || slippable.isEmpty()) {
            return Optional.empty();
        }
        String word = slippable.get(random.nextInt(slippable.size()));
        List<String> others = new ArrayList<>(titleWords.rarestFirst(a.title()));
        others.remove(word);
        List<String> query = new ArrayList<>(others.subList(0, Math.min(others.size(), 1 + random.nextInt(2))));
        query.add(Typos.slip(word, random));
        Collections.shuffle(query, random);
        return Optional.of(String.join(" ", query));
    }

    /**
     * 5 to 12 (seeded) consecutive words, verbatim, of a prose line of the body picked at random
     * ({@link #proseLines}); articles without one are skipped.
     */
    static Optional<String> passage(BenchArticle a, Random random) {
        List<String> lines = proseLines(a.bodyText());
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] words = lines.get(random.nextInt(lines.size())).strip().split(" ");
        int n = Math.min(words.length, 5 + random.nextInt(8));
        int start = random.nextInt(words.length - n + 1);
        return Optional.of(String.join(" ", List.of(words).subList(start, start + n)));
    }

    /**
     * The body's lines that are a sentence of text: not indented (indented lines are code, quotes,
     * list continuations, tables), not a heading (a line above an underline, or an underline) nor
     * all capitals, not a list item, reference line, footer or tag line, no run of 2 spaces or a
     * tab (table columns), no code characters ({@code {}<>[];=\|_@#$%^~`*}{@code /+}), at least 8
     * words of which at least 80% are plain words (letters, perhaps with punctuation around them).
     */
    static List<String> proseLines(String bodyText) {
        String[] lines = bodyText.split("\r?\n");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || indent(line) > 0 || UNDERLINE.matcher(line).matches()
                    || (i + 1 < lines.length && UNDERLINE.matcher(lines[i + 1]).matches())) {
                continue;
            }
            String text = line.strip();
            if (text.contains("  ") || text.contains("\t") || text.equals(text.toUpperCase(java.util.Locale.ROOT))
                    || LIST_MARKER.matcher(text).matches() || NOT_PROSE.matcher(text).matches()
                    || CODE_CHARS.matcher(text).find()) {
                continue;
            }
            String[] words = text.split(" ");
            long plain = java.util.Arrays.stream(words).filter(w -> SENTENCE_WORD.matcher(w).matches()).count();
            if (words.length >= 8 && plain * 5 >= words.length * 4) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * The first line of an error message the article quotes: the first non-blank line after a
     * line ending with "error message:" (which covers "the following error message:"), when it is
     * indented deeper than that line; trimmed.
     */
    static Optional<String> errorMessage(BenchArticle a) {
        String[] lines = a.bodyText().split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().toLowerCase(java.util.Locale.ROOT).endsWith("error message:")) {
                continue;
            }
            int j = i + 1;
            while (j < lines.length && lines[j].isBlank()) {
                j++;
            }
            if (j < lines.length && indent(lines[j]) > indent(lines[i])
                    && lines[j].codePoints().anyMatch(Character::isLetterOrDigit)) {
                return Optional.of(lines[j].strip());
            }
        }
        return Optional.empty();
    }

    /** {@code Q319864}, {@code 319864}, {@code KB319864}, by turns. */
    static String idForm(String id, int n) {
        String digits = id.replaceFirst("^[A-Za-z]+", "");
        return switch (n % 3) {
            case 0 -> id;
            case 1 -> digits;
            default -> "KB" + digits;
        };
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
