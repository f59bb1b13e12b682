package kb.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the source tree.
 *
 * @param path         the file on disk
 * @param relativePath the path below the source folder, with {@code /} separators ({@code kb/319/Q319864/README.md})
 * @param displayName  how diagnostics name the file
 * @param size         its size in bytes when it was found, -1 when unknown
 * @param modified     its last-modified time in milliseconds when it was found, -1 when unknown
 */
public record SourceFile(Path path, String relativePath, String displayName, long size, long modified) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** A file whose size and time are not known. */
    public SourceFile(Path path, String relativePath, String displayName) {
        this(path, relativePath, displayName, -1, -1);
    }

    /** The file name's extension without the dot, lower case, or "" when there is none. */
    public String extension() {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
