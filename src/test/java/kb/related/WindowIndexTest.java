package kb.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The word index of the related lists: built in two passes, each checking in every 1,024 windows. */
class WindowIndexTest {

    private static TermWindow[] windows(int n) {
        TermWindow[] windows = new TermWindow[n];
        for (int d = 0; d < n; d++) {
            windows[d] = TermWindow.of("article " + d, "inventory upgrade word" + (d % 50) + " site");
        }
        return windows;
    }

    @Test
    void buildingRunsTheCheckpointEvery1024WindowsInEachPass() {
        AtomicInteger checks = new AtomicInteger();

        WindowIndex index = WindowIndex.build(windows(3000), 1.2f, 0.75f, checks::incrementAndGet);

        assertThat(index.docs()).isEqualTo(3000);
        assertThat(checks.get()).as("at windows 0, 1,024 and 2,048 of each of the two passes").isEqualTo(6);
    }

    @Test
    void aCheckpointThatThrowsStopsTheBuild() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> WindowIndex.build(windows(3000), 1.2f, 0.75f, () -> {
            if (calls.incrementAndGet() == 5) {
                throw new IllegalStateException("stopped");
            }
        })).hasMessage("stopped");
        assertThat(calls.get()).isEqualTo(5);
    }
}
