package kb.serve;

import java.util.Locale;
import java.util.Optional;
import kb.search.SearchRequest;
import org.eclipse.jetty.util.Fields;

/**
 * Reads {@code /api/search?q=&product=&type=&year=&sort=&page=&size=&pages=} into a {@link SearchRequest}
 * ({@code pages=1} searches other pages besides the articles).
 * A bad value is a {@link BadParameter} with a message for the client, never a server error.
 */
final class SearchParameters {

    /** Default hits per page. */
    static final int DEFAULT_SIZE = 10;
    /** How deep paging may go: page × size at most this. */
    static final int MAX_WINDOW = 10_000;

    /** A parameter the client got wrong. */
    static final class BadParameter extends RuntimeException {

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }

    private SearchParameters() {
    }

    static SearchRequest read(Fields fields) {
        String query = text(fields, "q").orElse("");
        Optional<String> product = text(fields, "product");
        Optional<String> type = text(fields, "type");
        Optional<Integer> year = text(fields, "year").map(y -> number("year", y, 1, 9999));
        SearchRequest.Sort sort = text(fields, "sort").map(SearchParameters::sort).orElse(SearchRequest.Sort.RELEVANCE);
        int page = text(fields, "page").map(p -> number("page", p, 1, Integer.MAX_VALUE)).orElse(1);
        int size = text(fields, "size").map(s -> number("size", s, 1, SearchRequest.MAX_SIZE)).orElse(DEFAULT_SIZE);
        boolean pages = text(fields, "pages").map(SearchParameters::flag).orElse(false);
        if ((long) page * size > MAX_WINDOW) {
            throw new BadParameter("page × size must be at most " + MAX_WINDOW + ", got page " + page + " of size " + size);
        }
        try {
            return new SearchRequest(query, product, type, year, sort, page, size, pages);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(e.getMessage());
        }
    }

    private static Optional<String> text(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int number(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(name + " must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new BadParameter(name + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + ", got " + n);
        }
        return n;
    }

    private static boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new BadParameter("pages must be 1 or 0, got '" + value + "'");
        };
    }

    private static SearchRequest.Sort sort(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Sort.RELEVANCE;
            case "date" -> SearchRequest.Sort.DATE;
            default -> throw new BadParameter("sort must be relevance or date, got '" + value + "'");
        };
    }
}
