package kb.search;

import java.util.List;
import java.util.Map;

/**
 * A search-box query taken apart.
 *
 * @param words    plain words, in order
 * @param phrases  quoted phrases, each as typed
 * @param excluded words and phrases after {@code -}
 * @param prefixes word starts before {@code *}
 * @param filters  field filters ({@code product:sms}) by canonical field name
 * @param excludedFilters field filters after {@code -} ({@code -type:kbbug})
 * @param ids      tokens that look like article IDs ({@code Q319864}, {@code 319864}, {@code KB319864}), lower case
 */
public record ParsedQuery(List<String> words, List<String> phrases, List<String> excluded,
        List<String> prefixes, Map<String, List<String>> filters, Map<String, List<String>> excludedFilters,
        List<String> ids) {

    public ParsedQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        prefixes = List.copyOf(prefixes);
        filters = Map.copyOf(filters);
        excludedFilters = Map.copyOf(excludedFilters);
        ids = List.copyOf(ids);
    }

    /** A copy with other filters. */
    public ParsedQuery withFilters(Map<String, List<String>> newFilters) {
        return new ParsedQuery(words, phrases, excluded, prefixes, newFilters, excludedFilters, ids);
    }

    /** Whether nothing but filters was given. */
    public boolean hasText() {
        return !words.isEmpty() || !phrases.isEmpty() || !prefixes.isEmpty() || !ids.isEmpty();
    }
}
