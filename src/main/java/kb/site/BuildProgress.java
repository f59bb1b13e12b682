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

    /** The current phase is over. */
    void finished();
}
