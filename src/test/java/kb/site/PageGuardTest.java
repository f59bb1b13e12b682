package kb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** One page's failure is that page's error; the build goes on, and does not wait for a stuck page. */
class PageGuardTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private static int recurse(int n) {
        return n == Integer.MAX_VALUE ? n : recurse(n + 1) + 1;
    }

    @Test
    void whatThePageGivesIsReturned() {
        try (PageGuard guard = new PageGuard()) {
            assertThat(guard.run("a.md", "reading this page", diagnostics, () -> Optional.of("page"))).hasValue("page");
        }
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void aStackOverflowIsAnErrorOfThePage() {
        Optional<Integer> out;
        try (PageGuard guard = new PageGuard()) {
            out = guard.run("deep.md", "reading this page", diagnostics, () -> Optional.of(recurse(0)));
        }

        assertThat(out).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(SourcePosition.of("deep.md"),
                "this page nests too deeply to be built (stack overflow while reading this page); the page is skipped"));
    }

    @Test
    void aPageThatTakesLongerThanItsBudgetIsSkippedWithoutWaitingForIt() {
        AtomicBoolean stop = new AtomicBoolean();
        Optional<String> out;
        try (PageGuard guard = new PageGuard(Duration.ofMillis(300))) {
            // Stuck, and deaf to interruption, as a library looping on a page would be.
            out = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> guard.run("slow.md",
                    "building this page", diagnostics, () -> {
                        while (!stop.get()) {
                            Thread.onSpinWait();
                        }
                        return Optional.of("too late");
                    }));
        } finally {
            stop.set(true);
        }

        assertThat(out).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(SourcePosition.of("slow.md"),
                "building this page took longer than 0.3 s; the page is skipped"));
    }

    @Test
    void aBugIsAnInternalErrorOfThePage() {
        try (PageGuard guard = new PageGuard()) {
            assertThat(guard.run("bug.md", "reading this page", diagnostics, () -> {
                throw new IllegalStateException("boom");
            })).isEmpty();
        }
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(SourcePosition.of("bug.md"),
                "internal error while reading this page: java.lang.IllegalStateException: boom"));
    }

    @Test
    void anOutOfMemoryErrorIsNotSurvived() {
        try (PageGuard guard = new PageGuard()) {
            assertThatThrownBy(() -> guard.run("huge.md", "reading this page", diagnostics, () -> {
                throw new OutOfMemoryError("Java heap space");
            })).isInstanceOf(OutOfMemoryError.class);
        }
        assertThat(diagnostics.sorted()).isEmpty();
    }
}
