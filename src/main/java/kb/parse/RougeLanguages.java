package kb.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The language names Rouge 3.30 (Jekyll 4.3's highlighter) knows, tags and aliases
 * ({@code rouge-lexers.txt}, listed from {@code Rouge::Lexer.all}). Jekyll wraps a fenced block in
 * Rouge's markup only when Rouge knows its language; names are matched exactly, as Rouge does.
 * Immutable and thread-safe.
 */
final class RougeLanguages {

    private final Set<String> names;

    private RougeLanguages(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** The list shipped with kb. */
    static RougeLanguages load() {
        try (InputStream in = RougeLanguages.class.getResourceAsStream("rouge-lexers.txt")) {
            if (in == null) {
                throw new IllegalStateException("rouge-lexers.txt is missing from kb.parse");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new RougeLanguages(reader.lines().map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean known(String language) {
        return names.contains(language);
    }
}
