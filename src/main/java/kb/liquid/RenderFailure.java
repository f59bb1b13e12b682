package kb.liquid;

import kb.diag.SourcePosition;

/**
 * A problem that stops one render: thrown by tags and by the engine's guards, caught by
 * {@link LiquidEngine#render} and reported as an error at {@link #at()}. Without a stack trace:
 * it is a message about the input, not a bug.
 */
final class RenderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where it happened, or null until the innermost located node fills it in. */
    private final transient SourcePosition at;

    RenderFailure(SourcePosition at, String message) {
        super(message, null, false, false);
        this.at = at;
    }

    /** A failure whose position the enclosing tag or output supplies. */
    RenderFailure(String message) {
        this(null, message);
    }

    SourcePosition at() {
        return at;
    }

    boolean located() {
        return at != null;
    }

    RenderFailure at(SourcePosition position) {
        return new RenderFailure(position, getMessage());
    }
}
