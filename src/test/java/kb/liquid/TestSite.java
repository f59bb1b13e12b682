package kb.liquid;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kb.diag.Diagnostics;

/**
 * A site for tests, like the scratch Jekyll site the expected outputs come from: baseurl
 * {@code /help}, url {@code https://support.example}, time zone UTC, includes from a map, one
 * page {@code t.html} and one post {@code 2024-01-15-slug}.
 */
final class TestSite implements LiquidSite {

    final Map<String, String> includes = new HashMap<>();
    final AtomicInteger includeReads = new AtomicInteger();

    TestSite include(String name, String text) {
        includes.put(name, text);
        return this;
    }

    @Override
    public Optional<IncludeFile> include(String name) {
        includeReads.incrementAndGet();
        return Optional.ofNullable(includes.get(name)).map(text -> new IncludeFile("site/_includes/" + name, text));
    }

    @Override
    public Optional<IncludeFile> relativeInclude(String fromPath, String name) {
        String folder = fromPath.contains("/") ? fromPath.substring(0, fromPath.lastIndexOf('/') + 1) : "";
        return Optional.ofNullable(includes.get(folder + name)).map(text -> new IncludeFile("site/" + folder + name, text));
    }

    @Override
    public Optional<String> linkTarget(String path) {
        return path.equals("t.html") || path.equals("/t.html") ? Optional.of("/t.html") : Optional.empty();
    }

    @Override
    public Optional<String> postUrl(String name) {
        return name.equals("2024-01-15-slug") ? Optional.of("/2024/01/15/slug.html") : Optional.empty();
    }

    @Override
    public String markdownify(String markdown) {
        return "<p>" + markdown + "</p>\n";
    }

    @Override
    public String baseurl() {
        return "/help";
    }

    @Override
    public String url() {
        return "https://support.example";
    }

    @Override
    public ZoneId timeZone() {
        return ZoneId.of("UTC");
    }

    /**
     * The variables of the scratch page: {@code page.title} "T", {@code page.date}
     * 2024-03-08 09:30:00 +0100 (as Ruby's YAML reads it: a fixed offset), {@code page.list}
     * [b, a, c], {@code page.path} "t.html", {@code page.items} (maps) and {@code page.nums}.
     */
    static Map<String, Object> variables() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "T");
        page.put("date", ZonedDateTime.of(2024, 3, 8, 9, 30, 0, 0, ZoneOffset.ofHours(1)));
        page.put("list", List.of("b", "a", "c"));
        page.put("path", "t.html");
        page.put("url", "/t.html");
        page.put("items", List.of(
                map("name", "A", "plan", "free", "n", 3L, "tags", List.of("x", "y"), "meta", map("k", 1L)),
                map("name", "B", "plan", "pro", "n", 10L),
                map("name", "C", "plan", "free", "n", "2", "tags", List.of("y")),
                map("name", "D", "n", 1.5)));
        page.put("nums", List.of(10L, 2L, 33L));
        page.put("day", LocalDate.of(2024, 3, 8));
        page.put("n", 1.5);
        page.put("big", 12345678901234L);
        page.put("f", 1.0e20);
        page.put("h", map("a", 1L, "b", "two"));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "Acme");
        site.put("baseurl", "/help");
        site.put("url", "https://support.example");
        Map<String, Object> variables = new HashMap<>();
        variables.put("page", page);
        variables.put("site", site);
        return variables;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Renders with a fresh engine for this site, as page {@code t.html} from line 1. */
    String render(String text, Diagnostics diagnostics) {
        return new LiquidEngine(this).render(text, variables(), "t.html", 1, diagnostics).orElse("<<EMPTY>>");
    }
}
