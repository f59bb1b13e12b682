package kb.search;

/**
 * How many results have one value of a facet.
 *
 * @param value the value ({@code kbbug}, {@code 2001})
 * @param count the number of matching articles
 */
public record FacetCount(String value, long count) {
}
