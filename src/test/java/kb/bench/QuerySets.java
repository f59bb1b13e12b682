package kb.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Generates the benchmark's query sets from the corpus articles, deterministically: each kind
 * shuffles the articles (ordered by ID) with its own fixed seed and takes, in that order, the
 * first {@code perKind} articles a query of that kind can be made from.
 */
final class QuerySets {

    /** The default seed of the first kind; kind {@code k} uses {@code seed + k.ordinal()}. */
    static final long SEED = 20_240_611L;

    private final List<BenchArticle> articles;
    private final TitleWords titleWords;
    private final long seed;

    QuerySets(List<BenchArticle> articles, long seed) {
        this.articles = List.copyOf(articles);
        this.titleWords = new TitleWords(articles);
        this.seed = seed;
    }

    /** {@code perKind} queries of every kind (fewer only when the corpus has too few candidates). */
    Map<QueryKind, List<BenchQuery>> generate(int perKind) {
        Map<QueryKind, List<BenchQuery>> sets = new EnumMap<>(QueryKind.class);
        sets.put(QueryKind.KNOWN_ITEM, sample(QueryKind.KNOWN_ITEM, perKind, this::knownItem));
        sets.put(QueryKind.VAGUE, sample(QueryKind.VAGUE, perKind, this::vague));
        sets.put(QueryKind.TYPO, sample(QueryKind.TYPO, perKind, this::typo));
        sets.put(QueryKind.ERROR_MESSAGE, sample(QueryKind.ERROR_MESSAGE, perKind, (a, r) -> errorMessage(a)));
        int[] n = {0};
        sets.put(QueryKind.ID, sample(QueryKind.ID, perKind, (a, r) -> Optional.of(idForm(a.id(), n[0]++))));
        return sets;
    }

    /** All queries of every kind in one list, kind by kind. */
    static List<BenchQuery> all(Map<QueryKind, List<BenchQuery>> sets) {
        List<BenchQuery> all = new ArrayList<>();
        sets.values().forEach(all::addAll);
        return all;
    }

    private List<BenchQuery> sample(QueryKind kind, int perKind,
            BiFunction<BenchArticle, Random, Optional<String>> maker) {
        Random random = new Random(seed + kind.ordinal());
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
