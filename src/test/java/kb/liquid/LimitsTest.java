package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** The guards against hostile input: each is an error at a place, the render empty, nothing thrown. */
class LimitsTest {

    private static final String FILE = "site/hostile.md";

    private final Diagnostics diagnostics = new Diagnostics();
    private final TestSite site = new TestSite().include("self.html", "a{% include self.html %}");

    private Optional<String> render(Limits limits, String text) {
        return new LiquidEngine(site, limits).render(text, TestSite.variables(), FILE, 1, diagnostics);
    }

    private String reported() {
        return String.join("\n", diagnostics.reported().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void defaultsAreKbs() {
        assertThat(LiquidEngine.MAX_OUTPUT).isEqualTo(16 << 20);
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(16 << 20, 10_000_000, 100, Duration.ofSeconds(10)));
    }

    @Test
    void deepNestingIsAnError() {
        assertThat(render(Limits.DEFAULT, "{% if true %}".repeat(5000) + "x" + "{% endif %}".repeat(5000))).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":1:1: error: Liquid syntax error: the text nests too deeply to read");
    }

    @Test
    void outputPastTheLimit() {
        Limits limits = new Limits(1000, 10_000_000, 100, Duration.ofSeconds(10));
        assertThat(render(limits, "{% for i in (1..200) %}{{ page.title | append: \"0123456789\" }}{% endfor %}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":1:1: error: Liquid output passes 1,000 characters here; the page is skipped");
    }

    @Test
    void doublingAStringStopsAtTheLimit() {
        assertThat(render(Limits.DEFAULT, "{% assign s = \"0123456789\" %}\n{% for i in (1..60) %}"
                + "{% assign s = s | append: s %}{% endfor %}{{ s | size }}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":2:23: error: Liquid output passes 16,777,216 characters here; "
                + "the page is skipped");
    }

    @Test
    void includeIncludingItself() {
        assertThat(render(Limits.DEFAULT, "x {% include self.html %}")).isEmpty();
        assertThat(reported()).isEqualTo("site/_includes/self.html:1:2: error: includes nest more than 100 deep "
                + "(does 'self.html' include itself?); the page is skipped");
    }

    @Test
    void loopsPastTheIterationLimit() {
        Limits limits = new Limits(LiquidEngine.MAX_OUTPUT, 1000, 100, Duration.ofSeconds(10));
        assertThat(render(limits, "{% for i in (1..100) %}\n  {% for j in (1..100) %}{% endfor %}{% endfor %}")).isEmpty();
        assertThat(reported()).isEqualTo(FILE + ":2:3: error: loops ran more than 1,000 times; the page is skipped");
    }

    @Test
    void tenMillionIterationsByDefault() {
        assertThat(render(Limits.DEFAULT, "{% for i in (1..4000) %}{% for j in (1..4000) %}{% endfor %}{% endfor %}"))
                .isEmpty();
        assertThat(reported()).endsWith("error: loops ran more than 10,000,000 times; the page is skipped");
    }

    @Test
    void renderPastTheTimeLimit() {
        Limits limits = new Limits(LiquidEngine.MAX_OUTPUT, Integer.MAX_VALUE, 100, Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(render(limits, "{% for i in (1..100000000) %}{{ i }}{% assign x = i %}{% endfor %}")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(reported()).matches(FILE + ":1:\\d+: error: Liquid took more than 200 ms here; the page is skipped");
    }
}
