package kb.site;

/**
 * Thrown when a build cannot go on at all and stops before it writes or deletes anything: an
 * input every page depends on (the configuration, a template) has errors. What is wrong was
 * reported to the build's diagnostics before this is thrown; the message says what it means for
 * the build. Commands print the diagnostics and this message, and fail; {@code kb serve --watch}
 * keeps serving the last site it built.
 */
public final class BuildStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what stopped the build, one line, e.g. "_config.yml has errors" */
    public BuildStopped(String message) {
        super(message);
    }
}
