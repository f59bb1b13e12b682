package kb.cli;

/** kb's exit codes; fixed numbers that scripts may rely on. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** The input had errors (build), or the comparison found differences (verify). */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** A file or folder could not be read or written, or kb hit a bug. */
    public static final int IO_OR_INTERNAL = 3;

    private ExitCodes() {
    }
}
