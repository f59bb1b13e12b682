package kb.diag;

import java.util.Objects;

/**
 * One problem found in the input, printed as {@code file:line:col: severity: message}.
 *
 * @param severity how bad it is
 * @param at       where it is
 * @param message  what is wrong, one line, no trailing period needed
 */
public record Diagnostic(Severity severity, SourcePosition at, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourcePosition at, String message) {
        return new Diagnostic(Severity.ERROR, at, message);
    }

    public static Diagnostic warning(SourcePosition at, String message) {
        return new Diagnostic(Severity.WARNING, at, message);
    }

    @Override
    public String toString() {
        return at + ": " + severity.label() + ": " + message;
    }
}
