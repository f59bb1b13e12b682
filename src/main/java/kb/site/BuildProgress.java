package kb.site;

/** Receives a build's progress; the CLI shows it as a progress bar. Called from several threads. */
public interface BuildProgress {

    /** A progress receiver that shows nothing. */
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void started(String phase, int total) {
        }

        @Override
        public void advanced() {
        }

        @Override
        public void finished() {
        }
    };

    /** A phase with {@code total} steps begins. */
    void started(String phase, int total);

    /** One step of the current phase is done. */
    void advanced();

    /** {@code steps} steps of the current phase are done (a build in a daemon reports them in batches). */
    default void advanced(int steps) {
        for (int i = 0; i < steps; i++) {
            advanced();
        }
    }

    /**
     * Something the user should know while the build waits (another build holds the output
     * folder); on standard error unless the receiver shows it elsewhere (the build daemon sends
     * it to its client).
     */
    default void note(String message) {
        System.err.println(message);
    }

    /** The current phase is over. */
    void finished();
}
