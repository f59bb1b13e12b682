package kb.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kb.diag.Diagnostic;

/**
 * What a build learnt of one source file, reused by the next build while the file is unchanged.
 *
 * @param path        the path below the source folder ({@code kb/319/Q319864/README.md})
 * @param size        its size in bytes
 * @param modified    its last-modified time in milliseconds
 * @param digest      the {@link Fingerprint} of its bytes (0 for files copied as they are)
 * @param role        what the planner made of it
 * @param frontMatter a page's front matter (empty for other roles)
 * @param outputExt   a page's output extension ({@code .html})
 * @param markdown    whether a page's body is Markdown
 * @param diagnostics what reading and planning it reported
 */
public record SourceRecord(String path, long size, long modified, long digest, Role role,
        Map<String, Object> frontMatter, String outputExt, boolean markdown, List<Diagnostic> diagnostics) {

    /** What the planner made of a source file. */
    public enum Role {
        /** A page: front matter, rendered. */
        PAGE,
        /** Copied to the site as it is. */
        COPY,
        /** Neither (unpublished, or its front matter is invalid). */
        SKIPPED
    }

    public SourceRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
        Objects.requireNonNull(outputExt, "outputExt");
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether the file on disk still has this size and time (then its content is taken as unchanged). */
    public boolean sameStamp(long size, long modified) {
        return this.size == size && this.modified == modified;
    }
}
