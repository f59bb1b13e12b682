package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the search-box syntax. Never fails: anything it does not recognise is searched as words.
 * <ul>
 * <li>plain words: all preferred, any accepted;</li>
 * <li>{@code "quoted phrases"}: required, words in that order;</li>
 * <li>{@code -word} and {@code -"a phrase"}: excluded;</li>
 * <li>{@code prefix*}: words starting so;</li>
 * <li>filters: {@code product:sms} (code or exact name), {@code type:kbbug} (issue type),
 *     {@code year:2001}, {@code keyword:kbprint}, {@code tech:kbSMS200}, {@code os:winnt},
 *     {@code version:2.0}, {@code code:sms}; a value may be quoted;</li>
 * <li>article IDs: {@code Q319864} and {@code KB319864} anywhere, a bare {@code 319864} when it is
 *     the whole query (elsewhere a number is just a number: {@code error 10054}).</li>
 * </ul>
 */
public final class QueryParser {

    private static final Map<String, String> FILTERS = Map.ofEntries(
            Map.entry("product", "product"), Map.entry("code", "product_code"),
            Map.entry("type", "issue_type"), Map.entry("issue", "issue_type"),
            Map.entry("year", "year"), Map.entry("keyword", "keywords"), Map.entry("keywords", "keywords"),
            Map.entry("tech", "technology"), Map.entry("technology", "technology"),
            Map.entry("os", "os"), Map.entry("version", "versions"));
    private static final Pattern PREFIXED_ID = Pattern.compile("(?i)(q|kb)\\d{4,7}");
    private static final Pattern BARE_ID = Pattern.compile("\\d{4,7}");

    public ParsedQuery parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        Map<String, List<String>> excludedFilters = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            // "-word" excludes; "-1206" is a negative number, "--" or "-" punctuation.
            boolean negate = c == '-' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '"');
            int start = negate ? i + 1 : i;
            if (start < n && text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                int end = close < 0 ? n : close;
                String phrase = text.substring(start + 1, end).strip();
                if (!phrase.isEmpty()) {
                    (negate ? excluded : phrases).add(phrase);
                }
                i = close < 0 ? n : close + 1;
                continue;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String token = text.substring(start, end);
            i = end;
            int colon = token.indexOf(':');
            if (colon > 0 && FILTERS.containsKey(token.substring(0, colon).toLowerCase(Locale.ROOT))) {
                String field = FILTERS.get(token.substring(0, colon).toLowerCase(Locale.ROOT));
                String value = token.substring(colon + 1);
                if (value.startsWith("\"")) {
                    int close = text.indexOf('"', start + colon + 2);
                    int valueEnd = close < 0 ? n : close;
                    value = text.substring(start + colon + 2, valueEnd);
                    i = close < 0 ? n : close + 1;
                }
                if (!value.isBlank()) {
                    (negate ? excludedFilters : filters).computeIfAbsent(field, k -> new ArrayList<>()).add(value.strip());
                    continue;
                }
            }
            if (negate) {
                excluded.add(token);
            } else if (token.endsWith("*") && token.length() > 2) {
                prefixes.add(token.substring(0, token.length() - 1).toLowerCase(Locale.ROOT));
            } else {
                // "Q319864:" as titles show it, "(KB319864)", "see Q319864." are IDs too.
                String bare = token.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
                if (PREFIXED_ID.matcher(bare).matches()) {
                    ids.add(bare.toLowerCase(Locale.ROOT));
                }
                words.add(token);
            }
        }
        // A bare number is an ID only when it is the whole query: "error 10054" is not Q10054.
        if (words.size() == 1 && phrases.isEmpty() && prefixes.isEmpty()
                && BARE_ID.matcher(words.get(0).replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "")).matches()) {
            ids.add(words.get(0).replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", ""));
        }
        return new ParsedQuery(words, phrases, excluded, prefixes, filters, excludedFilters, ids);
    }
}
