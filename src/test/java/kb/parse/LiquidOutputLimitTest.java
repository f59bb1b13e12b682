package kb.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import kb.config.SiteConfig;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Liquid output that would make a page of hundreds of megabytes is an error, not a page. */
class LiquidOutputLimitTest {

    private final LiquidRenderer liquid = new LiquidRenderer();
    private final Diagnostics diagnostics = new Diagnostics();

    private LiquidContext context(Map<String, Object> page) {
        return new LiquidContext(Map.of(), page, SiteConfig.defaults());
    }

    @Test
    void repeatingALargeValuePastTheLimitIsAnErrorAtTheTagThatPassesIt() {
        String big = "x".repeat(1 << 20); // 1 MiB: a value YAML aliases may still stand for
        String text = "intro\n" + "{{ page.big }}\n".repeat(40);

        String out = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> liquid.render(text, context(Map.of("big", big)), "bomb.md", 5, diagnostics));

        assertThat(out.length()).isZero(); // not isEmpty(): a failure would print 40 MB
        // The 16th tag, with the text before it, passes 16 MiB: line 5 + 16.
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("bomb.md", 21, 1),
                "Liquid output passes 16,777,216 characters here; the page is skipped"));
    }

    @Test
    void aListThatStandsForTensOfMegabytesIsNotWrittenOut() {
        // What YAML aliases build: a list whose items are the same list, 3^15 "lol"s in all.
        Object lol = "lol";
        for (int i = 0; i < 15; i++) {
            lol = Collections.nCopies(3, lol);
        }
        Object laughs = lol;

        String out = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> liquid.render("{{ page.lol }}", context(Map.of("lol", laughs)), "lol.md", 4, diagnostics));

        assertThat(out.length()).isZero();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition("lol.md", 4, 1),
                "Liquid output passes 16,777,216 characters here; the page is skipped"));
    }

    @Test
    void pagesBelowTheLimitAreUntouched() {
        String out = liquid.render("{{ page.a }} and {{ page.list }}", context(Map.of("a", "A", "list", List.of("x", "y"))),
                "ok.md", 1, diagnostics);

        assertThat(out).isEqualTo("A and xy");
        assertThat(diagnostics.sorted()).isEmpty();
    }
}
