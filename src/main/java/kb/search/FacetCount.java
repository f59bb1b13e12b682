package kb.search;

import java.util.Objects;

/**
 * How many results have one value of a facet.
 *
 * @param value the value, as filters take it ({@code kbbug}, {@code 2001})
 * @param name  the value as readers see it ({@code Bug}, {@code 2001}); the value itself when it
 *              has no other name
 * @param count the number of matching documents with this value
 */
public record FacetCount(String value, String name, long count) {

    public FacetCount {
        Objects.requireNonNull(value, "value");
        name = name == null || name.isBlank() ? value : name;
    }

    /** A value that is its own name ({@code 2001}). */
    public FacetCount(String value, long count) {
        this(value, value, count);
    }
}
