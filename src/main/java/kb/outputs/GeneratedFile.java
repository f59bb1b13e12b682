package kb.outputs;

import java.util.Objects;

/**
 * A file the build generates rather than renders from a source.
 *
 * @param path    the output path below the site folder ({@code browse/index.html})
 * @param content its text (UTF-8)
 */
public record GeneratedFile(String path, String content) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
