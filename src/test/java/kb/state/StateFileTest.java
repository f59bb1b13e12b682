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
