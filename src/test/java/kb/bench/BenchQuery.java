package kb.bench;

import java.util.Objects;

/**
 * One benchmark query and the article it should find.
 *
 * @param kind   what kind of query it is
 * @param text   the query as a user would type it
 * @param target the ID of the article it should find ({@code Q319864})
 */
record BenchQuery(QueryKind kind, String text, String target) {

    BenchQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
    }
}
