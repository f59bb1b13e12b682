package kb.diag;

/** How bad a diagnostic is. Any {@link #ERROR} makes the command exit non-zero. */
public enum Severity {
    WARNING, ERROR;

    /** The lower-case word used in printed diagnostics ({@code warning}, {@code error}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
