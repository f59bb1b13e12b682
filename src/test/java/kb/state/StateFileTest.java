package kb.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostic;
import kb.diag.SourcePosition;
import kb.related.TermWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build state file: what is written is read back; anything else reads as no state. */
class StateFileTest {

    @TempDir
    Path tmp;

    private static BuildState state() {
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        frontMatter.put("title", "Q1001: A title with “quotes”");
        frontMatter.put("id", 1001);
        frontMatter.put("big", new BigInteger("123456789012345678901234567890"));
        frontMatter.put("ratio", 0.5);
        frontMatter.put("published", true);
        frontMatter.put("nothing", null);
        frontMatter.put("tags", List.of("a", 2L, List.of(false)));
        frontMatter.put("nested", Map.of("k", "v"));
        Diagnostic warning = Diagnostic.warning(new SourcePosition("content/a.md", 3, 7), "a warning");
        SourceRecord source = new SourceRecord("kb/Q1001/README.md", 1234, 1_700_000_000_000L, 42L,
                SourceRecord.Role.PAGE, frontMatter, ".html", true, List.of(warning));
        CatalogEntry entry = new CatalogEntry("Q1001", "A title", "/kb/Q1001/", List.of("Contoso Widget"),
                List.of("cw"), List.of("kbbug"), "2002-05-13", "The widget stops.", List.of("Q1002"));
        TermWindow window = new TermWindow(new String[] {"gear", "widget"}, new short[] {2, 300});
        PageRecord page = new PageRecord("kb/Q1001/index.html", "/kb/Q1001/", "kb/Q1001/README.md", 1, 2, 3,
                Optional.of(new PageRecord.ArticleFacts(entry, window, List.of("titl", "widget"))), List.of(warning));
        PageRecord plain = new PageRecord("index.html", "/", "index.md", 4, 5, 0, Optional.empty(), List.of());
        OutputRecord output = new OutputRecord("kb/Q1001/index.html", 2, -7, 9, List.of());
        return new BuildState("kb-test", 99, Map.of(source.path(), source),
                Map.of(page.outputPath(), page, plain.outputPath(), plain), Map.of(output.path(), output),
                Map.of("Q1001", List.of("Q1002", "Q1003"), "Q1002", List.of()), 1);
    }

    @Test
    void whatIsWrittenIsReadBack() {
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState state = state();
        file.write(state);
        assertThat(file.read("kb-test")).contains(state);
    }

    @Test
    void theThemeFingerprintIsReadBack() {
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState s = state();
        BuildState themed = new BuildState(s.kb(), s.setup(), 0x1234_5678_9abc_def0L, s.sources(), s.pages(), s.outputs(),
                s.related(), s.broken(), s.generated(), s.folders());
        file.write(themed);
        BuildState read = new StateFile(tmp.resolve("s/site.bin")).read("kb-test").orElseThrow();
        assertThat(read).isEqualTo(themed);
        assertThat(read.theme()).isEqualTo(0x1234_5678_9abc_def0L);
        assertThat(read.setup()).isEqualTo(99);
    }

    /** A state of {@code n} articles, the i-th with a window of its own terms {@code t<i>a}, {@code t<i>b}. */
    private static BuildState articles(int n) {
        Map<String, PageRecord> pages = new LinkedHashMap<>();
        Map<String, SourceRecord> sources = new LinkedHashMap<>();
        Map<String, OutputRecord> outputs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            pages.put("kb/Q" + i + "/index.html", article(i, "t" + i + "a", "t" + i + "b"));
            sources.put("kb/Q" + i + "/README.md", new SourceRecord("kb/Q" + i + "/README.md", i, i, i,
                    SourceRecord.Role.PAGE, Map.of("title", "Q" + i), ".html", true, List.of()));
            outputs.put("kb/Q" + i + "/index.html", new OutputRecord("kb/Q" + i + "/index.html", i, i, i, List.of()));
        }
        return new BuildState("kb-test", 7, sources, pages, outputs, Map.of("Q1", List.of("Q2")), 0);
    }

    private static PageRecord article(int i, String... terms) {
        CatalogEntry entry = new CatalogEntry("Q" + i, "Title " + i, "/kb/Q" + i + "/", List.of("P"), List.of("p"),
                List.of("kbbug"), "2002-05-13", "Summary " + i, List.of());
        short[] freqs = new short[terms.length];
        java.util.Arrays.fill(freqs, (short) 1);
        return new PageRecord("kb/Q" + i + "/index.html", "/kb/Q" + i + "/", "kb/Q" + i + "/README.md", i, i, i,
                Optional.of(new PageRecord.ArticleFacts(entry, new TermWindow(terms, freqs), List.of(terms[0]))), List.of());
    }

    /** The state with article {@code i}'s page replaced, and every other record the very one it had. */
    private static BuildState withPage(BuildState s, int i, PageRecord page) {
        Map<String, PageRecord> pages = new LinkedHashMap<>(s.pages());
        if (page == null) {
            pages.remove("kb/Q" + i + "/index.html");
        } else {
            pages.put(page.outputPath(), page);
        }
        return new BuildState(s.kb(), s.setup(), s.sources(), pages, s.outputs(), s.related(), s.broken());
    }

    @Test
    void aStateWrittenAfterTheOneReadCopiesTheRecordsItKeeps_andReadsBackTheSame() throws IOException {
        new StateFile(tmp.resolve("s/site.bin")).write(articles(200));
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState read = file.read("kb-test").orElseThrow();
        // One article edited (a term it shares with another, one new), one gone: the others are kept as read.
        BuildState next = withPage(withPage(read, 5, article(5, "a0fresh", "t6a")), 9, null);
        file.write(next);
        assertThat(new StateFile(tmp.resolve("s/site.bin")).read("kb-test")).contains(next);

        // The copies keep their terms' numbers, so the dictionary keeps every term read: the file is
        // larger than one written afresh, which drops the terms of the articles gone.
        StateFile fresh = new StateFile(tmp.resolve("fresh/site.bin"));
        fresh.write(next);
        assertThat(Files.size(file.path())).isGreaterThan(Files.size(fresh.path()));
        assertThat(fresh.read("kb-test")).contains(next);
    }

    @Test
    void aStateReadAndForgottenIsWrittenAfresh() throws IOException {
        new StateFile(tmp.resolve("s/site.bin")).write(articles(200));
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState next = withPage(file.read("kb-test").orElseThrow(), 9, null);
        file.forgetRead(); // a clean build keeps none of the records read
        file.write(next);
        StateFile fresh = new StateFile(tmp.resolve("fresh/site.bin"));
        fresh.write(next);
        assertThat(Files.size(file.path())).isEqualTo(Files.size(fresh.path()));
    }

    @Test
    void aLongSeriesOfSmallEditsDoesNotGrowTheDictionaryWithoutBound() throws IOException {
        Path path = tmp.resolve("s/site.bin");
        new StateFile(path).write(articles(200)); // 400 terms of 3 characters: 7 bytes each in the dictionary
        StateFile fresh = new StateFile(tmp.resolve("fresh/site.bin"));
        for (int build = 0; build < 100; build++) {
            // One kb build after an edit: the state read, one article's page made again, the state written.
            StateFile file = new StateFile(path);
            BuildState next = withPage(file.read("kb-test").orElseThrow(), 5, article(5, "t5a", "t5b"));
            file.write(next);
            fresh.write(next);
        }
        long dead = Files.size(path) - Files.size(fresh.path());
        assertThat(dead).as("bytes of terms no record uses").isLessThanOrEqualTo(400 / 8 * 7 + 2 * 7);
    }

    @Test
    void aStateThatWouldGrowItsDictionaryTooMuchIsWrittenAfresh() throws IOException {
        new StateFile(tmp.resolve("s/site.bin")).write(articles(40));
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState next = file.read("kb-test").orElseThrow();
        for (int i = 0; i < 20; i++) { // 40 new terms of 80: more than an eighth
            next = withPage(next, i, article(i, "new" + i + "a", "new" + i + "b"));
        }
        file.write(next);
        StateFile fresh = new StateFile(tmp.resolve("fresh/site.bin"));
        fresh.write(next);
        assertThat(Files.size(file.path())).isEqualTo(Files.size(fresh.path()));
        assertThat(new StateFile(tmp.resolve("s/site.bin")).read("kb-test")).contains(next);
    }

    @Test
    void anAbandonedWriteWritesNothing_andTheOldStateStays() throws IOException {
        StateFile file = new StateFile(tmp.resolve("s/site.bin"));
        BuildState state = state();
        file.write(state);
        byte[] before = Files.readAllBytes(file.path());
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        assertThat(file.write(state, () -> asked.incrementAndGet() < 0)).isTrue();
        int asks = asked.get();
        assertThat(asks).as("asked as each part is encoded and written, and before the move").isGreaterThan(2);

        // Abandoned at once, as the parts are encoded or written, or just before the file is moved in.
        for (int after : new int[] {0, asks / 2, asks - 1}) {
            asked.set(0);
            assertThat(file.write(state, () -> asked.incrementAndGet() > after)).as("after %d", after).isFalse();
            assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
        }
        try (java.util.stream.Stream<Path> left = Files.list(file.path().getParent())) {
            assertThat(left).containsExactly(file.path());
        }
    }

    @Test
    void aDamagedShortenedOrForeignStateIsNoState() throws IOException {
        StateFile file = new StateFile(tmp.resolve("site.bin"));
        assertThat(file.read("kb-test")).isEmpty();
        file.write(state());
        assertThat(file.read("another-kb")).isEmpty();
        byte[] bytes = Files.readAllBytes(file.path());
        // Every byte, with two kinds of flip. Before the checksum was checked first, a flipped count
        // could ask for an array of 2^28 entries before the damage was noticed (one test fork,
        // its heap already full, ran out of it); now no damaged state is parsed at all.
        for (int at = 0; at < bytes.length; at++) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= (byte) (at % 2 == 0 ? 0x10 : 0x80);
            Files.write(file.path(), damaged);
            assertThat(file.read("kb-test")).as("flipped byte %d", at).isEmpty();
        }
        Files.write(file.path(), java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThat(file.read("kb-test")).isEmpty();
        Files.write(file.path(), new byte[0]);
        assertThat(file.read("kb-test")).isEmpty();
    }

    @Test
    void theStateLivesBesideTheOutputFolder() {
        assertThat(StateFile.beside(tmp.resolve("out/site")).path())
                .isEqualTo(tmp.resolve("out/.kb-state/site.bin").toAbsolutePath());
    }

    @Test
    void onlyYamlValuesCanBeKept() {
        assertThat(StateFile.keepable(state().sources().values().iterator().next().frontMatter())).isTrue();
        assertThat(StateFile.keepable(Map.of("date", java.time.LocalDate.of(2002, 5, 13)))).isFalse();
        assertThat(StateFile.keepable(List.of(new byte[] {1}))).isFalse();
    }
}
