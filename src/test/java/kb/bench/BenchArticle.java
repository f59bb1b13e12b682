package kb.bench;

import java.util.Objects;

/**
 * One KB article as the benchmarks see it: what query generation and the OpenSearch index need.
 *
 * @param id           the article ID ({@code Q319864})
 * @param title        the title without the ID prefix
 * @param displayTitle the title as the page shows it ({@code Q319864: SMS: ...})
 * @param text         the readable text kb indexes ({@code Article.text()})
 * @param bodyText     the body as written, line by line (for quoted error messages)
 */
record BenchArticle(String id, String title, String displayTitle, String text, String bodyText) {

    BenchArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(displayTitle, "displayTitle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(bodyText, "bodyText");
    }
}
