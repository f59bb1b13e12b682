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
}
