package kb.cli;

import kb.site.BuildProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows build progress as a progress bar on the terminal's error stream; shows nothing when the
 * output is not a terminal (CI logs, pipes) or when disabled.
 */
final class ProgressBarView implements BuildProgress, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;

    private ProgressBarView(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether it shows anything (a terminal, and wanted). */
    boolean shows() {
        return enabled;
    }

    static ProgressBarView create(boolean wanted) {
        return new ProgressBarView(wanted && System.console() != null);
    }

    @Override
    public synchronized void started(String phase, int total) {
        if (enabled) {
            bar = ProgressBar.builder()
                    .setTaskName(phase)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void advanced() {
        ProgressBar b = bar;
        if (b != null) {
            b.step();
        }
    }

    @Override
    public void advanced(int steps) {
        advancedBy(steps);
    }

    /** {@code n} steps at once (documents sent in one batch). */
    void advancedBy(long n) {
        ProgressBar b = bar;
        if (b != null) {
            b.stepBy(n);
        }
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        finished();
    }
}
