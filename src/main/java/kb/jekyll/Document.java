package kb.jekyll;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source in a collection (a guide in {@code _guides/}, a post in {@code _posts/}): what its
 * file name and front matter say about it.
 *
 * @param collection   its collection
 * @param relativePath its path below the collection's folder ({@code offline-mode.md})
 * @param basename     its file name without extension ({@code 2024-01-15-new-data-centre})
 * @param slug         {@code slug:}, else the name (a post's without its date)
 * @param date         {@code date:}, else a post's file-name date
 * @param categories   a post's folders above {@code _posts/} and its {@code category}/{@code categories}
 */
public record Document(Collection collection, String relativePath, String basename, String slug,
        Optional<ZonedDateTime> date, List<String> categories) {

    public Document {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(basename, "basename");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(date, "date");
        categories = List.copyOf(categories);
    }
}
