package kb.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void theSameProblemReportedByTwoPhasesCountsOnceAndOthersAllCount() {
        Diagnostics d = new Diagnostics();
        d.warning(new SourcePosition("a.md", 3, 1), "odd byte");
        d.warning(new SourcePosition("a.md", 3, 1), "odd byte");
        d.warning(new SourcePosition("a.md", 4, 1), "odd byte");
        d.error(new SourcePosition("a.md", 3, 1), "odd byte");
        assertThat(d.sorted()).hasSize(3);
        assertThat(d.warningCount()).isEqualTo(2);
        assertThat(d.errorCount()).isEqualTo(1);
    }

    /** kb build --strict: every warning is recorded as an error, in a page's child collector too. */
    @Test
    void strictCollectorRecordsWarningsAsErrors() {
        Diagnostics strict = new Diagnostics(true);
        Diagnostics page = strict.child();
        page.warning(new SourcePosition("a.md", 3, 1), "invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
        strict.report(Diagnostic.warning(new SourcePosition("b.md", 1, 1), "broken link"));

        assertThat(page.reported()).extracting(Diagnostic::toString)
                .containsExactly("a.md:3:1: error: invalid UTF-8 (byte 0xFF) replaced by U+FFFD");
        assertThat(strict.errorCount()).isEqualTo(2);
        assertThat(strict.warningCount()).isZero();
        assertThat(page.strict()).isTrue();
        assertThat(new Diagnostics().strict()).isFalse();
    }
}
