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
 * @param ids      tokens that look like article IDs ({@code Q319864}, {@code 319864}, {@code KB319864}), lower case
 */
public record ParsedQuery(List<String> words, List<String> phrases, List<String> excluded,
        List<String> prefixes, Map<String, List<String>> filters, List<String> ids) {

    public ParsedQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        prefixes = List.copyOf(prefixes);
        filters = Map.copyOf(filters);
        ids = List.copyOf(ids);
    }

    /** Whether nothing but filters was given. */
    public boolean hasText() {
        return !words.isEmpty() || !phrases.isEmpty() || !prefixes.isEmpty() || !ids.isEmpty();
    }
}
