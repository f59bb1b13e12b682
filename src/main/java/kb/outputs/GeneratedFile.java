package kb.outputs;

import java.util.Objects;

/**
 * A file the build generates rather than renders from a source.
 *
 * @param path    the output path below the site folder ({@code browse/index.html})
 * @param content its text (UTF-8)
 * @param inputs  the fingerprint of what it was made from, when making it costs more than
 *                comparing (a listing page); 0 when it is made every build
 * @param reported what making it reported (kept for a build that does not make it again)
 */
public record GeneratedFile(String path, String content, long inputs, java.util.List<kb.diag.Diagnostic> reported) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        reported = java.util.List.copyOf(reported);
    }

    /** A file made every build. */
    public GeneratedFile(String path, String content) {
        this(path, content, 0, java.util.List.of());
    }

    /**
     * Where generated pages go: {@link #keep} says whether the file the last build made from the
     * same inputs can stay as it is (then it is not made again).
     */
    public interface Sink extends java.util.function.Consumer<GeneratedFile> {

        /** True when the last build made {@code path} from the same {@code inputs}; reports again what it reported. */
        boolean keep(String path, long inputs);
    }
}
