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
    /** The build was stopped (Ctrl-C on the {@code kb build} whose build ran in a daemon); as a shell reports SIGINT. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
