package kb.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        MarkdownRenderer r = new MarkdownRenderer();
        for (String f : System.getProperty("probe", "ial1,toc,dl,fn,abbr,typo,code,md1,gfm,misc").split(",")) {
            String md = Files.readString(Path.of("/tmp/kd/src/" + f + ".md")).replaceFirst("(?s)^---\n---\n", "");
            Files.writeString(Path.of("/tmp/kd/kb-" + f + ".html"), r.render(md));
        }
    }
}
