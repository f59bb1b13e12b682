package kb.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the source tree.
 *
 * @param path         the file on disk
 * @param relativePath the path below the source folder, with {@code /} separators ({@code kb/319/Q319864/README.md})
 * @param displayName  how diagnostics name the file
 */
public record SourceFile(Path path, String relativePath, String displayName) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** The file name's extension without the dot, lower case, or "" when there is none. */
    public String extension() {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
