package kb.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** The engine as the build uses it: shared by threads, rendering layouts many times, never throwing. */
class LiquidEngineTest {

    private final TestSite site = new TestSite()
            .include("item.html", "<li>{{ include.n }}{% increment c %}</li>")
            .include("self.html", "{% include self.html %}");

    @Test
    void oneEngineServesManyThreads() throws Exception {
        LiquidEngine engine = new LiquidEngine(site);
        String layout = "{% for i in (1..20) %}{% include item.html n=i %}{% cycle 'a', 'b' %}{% endfor %}"
                + "{{ page.title }}{% increment c %}";
        String expected = engine.render(layout, TestSite.variables(), "layout.html", 1, new Diagnostics()).orElseThrow();
        assertThat(expected).startsWith("<li>10</li>a<li>21</li>b").endsWith("T20");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> engine.render(layout, TestSite.variables(), "layout.html", 1, new Diagnostics())));
            }
            for (Future<Optional<String>> result : results) {
                assertThat(result.get()).contains(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countersLastOneRender() {
        LiquidEngine engine = new LiquidEngine(site);
        Diagnostics diagnostics = new Diagnostics();
        assertThat(engine.render("{% increment n %}", Map.of(), "a.md", 1, diagnostics)).contains("0");
        assertThat(engine.render("{% increment n %}", Map.of(), "b.md", 1, diagnostics)).contains("0");
    }

    @Test
    void layoutsSeeContent() {
        Map<String, Object> variables = new HashMap<>(TestSite.variables());
        variables.put("content", "<p>body</p>");
        variables.put("layout", Map.of("name", "default"));
        assertThat(new LiquidEngine(site).render("<main>{{ content }}</main>{{ layout.name }}", variables, "_layouts/default.html",
                1, new Diagnostics())).contains("<main><p>body</p></main>default");
    }

    @Test
    void lazyMapsAreReadOnlyForTheKeysUsed() {
        AtomicInteger reads = new AtomicInteger();
        Map<String, Object> lazy = new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                reads.incrementAndGet();
                return "expensive".equals(key) ? "computed" : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return "expensive".equals(key);
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new AssertionError("the whole map was read");
            }
        };
        assertThat(new LiquidEngine(site).render("{{ site.expensive }}{{ site.other }}", Map.of("site", lazy), "a.md", 1,
                new Diagnostics())).contains("computed");
        assertThat(reads.get()).isPositive();
    }

    @Test
    void randomInputNeverThrows() {
        String[] pieces = {"{%", "%}", "{{", "}}", "-", "if", "endif", "for", "in", "endfor", "x", "page.list", "|", "size",
            "'", "\"", " ", "\n", "include", "self.html", "raw", "endraw", "comment", "(1..3)", "=", "assign", "==",
            "contains", "else", "case", "when", "#", "liquid", "highlight", "endhighlight", "where_exp", ":", ",", "{", "}", "%"};
        Random random = new Random(18);
        LiquidEngine engine = new LiquidEngine(site);
        int rendered = 0;
        for (int n = 0; n < 1500; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(25); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Diagnostics diagnostics = new Diagnostics();
            Optional<String> output = engine.render(text.toString(), TestSite.variables(), "fuzz.md", 1, diagnostics);
            assertThat(output.isPresent() || diagnostics.hasErrors()).as(text.toString()).isTrue();
            rendered += output.isPresent() ? 1 : 0;
        }
        assertThat(rendered).isPositive();
    }

    @Test
    void aLayoutRendersQuickly() {
        LiquidEngine engine = new LiquidEngine(site);
        String layout = "<title>{{ page.title | escape }} | {{ site.title }}</title>{% for x in page.list %}"
                + "<a href=\"{{ x | relative_url }}\">{{ x }}</a>{% endfor %}{{ content }}";
        Map<String, Object> variables = TestSite.variables();
        long start = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            engine.render(layout, variables, "_layouts/default.html", 1, new Diagnostics()).orElseThrow();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 20,000 renders").isLessThan(5000);
    }
}
