package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one search asks of an engine, decided the same way whether kb's own index or a cluster
 * answers: the query parsed (an ID alone in any form searched as that ID), the request's filters
 * added, how deep to rank, and whether the top is reordered by title ({@link TitleRescorer}).
 *
 * @param text     the part of the query searched ({@link QueryLimit})
 * @param idOnly   the article number when the query is only an ID ({@code kb/319864}, {@code Q319864})
 * @param parsed   the query parsed, without the request's filters
 * @param filtered the query with the request's filters (product, type, year, articles only)
 * @param wanted   how many hits to rank: the page's end, or the rescored depth, at most 10,000
 * @param rescore  whether the top is reordered by how much of each title the query names
 */
record SearchPlan(String text, Optional<String> idOnly, ParsedQuery parsed, ParsedQuery filtered, int wanted,
        boolean rescore) {

    /** Results past the first 10,000 are not ranked (the total still counts them all). */
    static final int MAX_RANKED = 10_000;

    static SearchPlan of(SearchRequest request, String text, QueryParser parser) {
        Optional<String> idOnly = ArticleIdQuery.number(text);
        // "kb/319864" (a short link pasted) and "Q0319864" are searched as the ID they name.
        boolean odd = idOnly.isPresent() && !text.matches("(?i)(q|kb)?[1-9][0-9]*");
        ParsedQuery parsed = parser.parse(odd ? "Q" + idOnly.get() : text);
        int wanted = (int) Math.min(MAX_RANKED, (long) request.page() * request.size());
        // Typed queries (a few words) are often a title recalled: the top is reordered by how
        // much of each title they name, so rank deep enough for that on every page.
        boolean rescore = request.sort() == SearchRequest.Sort.RELEVANCE && !parsed.words().isEmpty()
                && parsed.words().size() <= QueryBuilder.TYPED_WORDS;
        if (rescore) {
            wanted = Math.max(wanted, TitleRescorer.DEPTH);
        }
        return new SearchPlan(text, idOnly, parsed, withRequestFilters(parsed, request), wanted, rescore);
    }

    /**
     * The filtered query with its quoted phrases searched as words: for a phrase nothing contains
     * (often a pasted message with its quotes), rather than answering nothing.
     */
    ParsedQuery withoutPhrases(SearchRequest request) {
        List<String> words = new ArrayList<>(parsed.words());
        parsed.phrases().forEach(ph -> words.addAll(List.of(ph.split("\\s+"))));
        return withRequestFilters(new ParsedQuery(words, List.of(), parsed.excluded(), parsed.prefixes(), parsed.filters(),
                parsed.excludedFilters(), parsed.ids()), request);
    }

    /** Where the requested page starts among {@code ranked} hits. */
    static int from(SearchRequest request, int ranked) {
        return (int) Math.min((long) (request.page() - 1) * request.size(), ranked);
    }

    /** Only an ID, nothing else asked: the reader wants that article, not a list. */
    boolean redirects(SearchRequest request) {
        return idOnly.isPresent() && request.unfiltered() && request.page() == 1;
    }

    private static ParsedQuery withRequestFilters(ParsedQuery parsed, SearchRequest request) {
        Map<String, List<String>> filters = new LinkedHashMap<>(parsed.filters());
        request.product().ifPresent(p -> filters.computeIfAbsent(IndexFields.PRODUCT, k -> new ArrayList<>()).add(p));
        request.type().ifPresent(t -> filters.computeIfAbsent(IndexFields.ISSUE_TYPE, k -> new ArrayList<>()).add(t));
        request.year().ifPresent(y -> filters.computeIfAbsent(IndexFields.YEAR, k -> new ArrayList<>()).add(Integer.toString(y)));
        if (!request.pages()) {
            filters.put(IndexFields.KIND, List.of(IndexDocuments.ARTICLE));
        }
        return parsed.withFilters(filters);
    }
}
