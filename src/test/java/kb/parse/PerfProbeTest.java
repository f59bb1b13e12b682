package kb.parse;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
    @Test
    void probe() throws Exception {
        List<String> docs = new ArrayList<>();
        for (String root : List.of("content", "/work/main/src/test/resources/sites/jekyll-full")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                    docs.add(Files.readString(p));
                }
            }
        }
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            big.append("Line ").append(i).append(" with \"quotes\" and it's -- dashes... and `code` and *em*.\n");
        }
        docs.add(big.toString());
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create()));
        Parser p = Parser.builder(o).customInlineParserFactory(LinearLinkLabels.FACTORY).build();
        HtmlRenderer r = HtmlRenderer.builder(o).build();
        MarkdownRenderer m = new MarkdownRenderer();
        List<String> small = docs.subList(0, docs.size() - 1);
        List<String> bigOnly = List.of(big.toString());
        for (List<String> set : List.of(small, bigOnly)) {
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) for (String d : set) r.render(p.parse(d));
            long t1 = System.nanoTime();
            for (int i = 0; i < 50; i++) for (String d : set) m.render(d);
            long t2 = System.nanoTime();
            System.out.println("PERF docs=" + set.size() + " plain=" + (t1 - t0) / 1_000_000 + "ms kramdown=" + (t2 - t1) / 1_000_000 + "ms");
        }
        }
    }
}
