package kb.jekyll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @TempDir
    Path tmp;

    @Test
    void yamlJsonCsvAndFoldersBecomeSiteData() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("_data/shortcuts"));
        Files.writeString(tmp.resolve("_data/plans.yml"), "- name: Free\n  price: 0\n- name: Pro\n  price: 12.5\n");
        Files.writeString(tmp.resolve("_data/platforms.json"), "[{\"name\": \"Windows\", \"arch\": [\"x64\"]}]");
        Files.writeString(tmp.resolve("_data/codes.csv"),
                "code,message,retry\nE101,Your session has expired,0\nE103,\"Path too long, over 260\",\"\"\n");
        Files.writeString(data.resolve("desktop.yml"), "copy: Ctrl+C\n");
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Object> site = DataFiles.read(tmp.resolve("_data"), diagnostics);
        assertThat(diagnostics.reported()).isEmpty();
        assertThat(site.get("plans")).isEqualTo(List.of(Map.of("name", "Free", "price", 0), Map.of("name", "Pro", "price", 12.5)));
        assertThat(site.get("platforms")).isEqualTo(List.of(Map.of("name", "Windows", "arch", List.of("x64"))));
        // As Ruby's CSV reads it: every value a string, quoted commas kept.
        assertThat(site.get("codes")).isEqualTo(List.of(
                Map.of("code", "E101", "message", "Your session has expired", "retry", "0"),
                Map.of("code", "E103", "message", "Path too long, over 260", "retry", "")));
        assertThat(site.get("shortcuts")).isEqualTo(Map.of("desktop", Map.of("copy", "Ctrl+C")));
    }

    @Test
    void aBrokenFileIsReportedWithItsPositionAndLeftOut() throws IOException {
        Files.createDirectories(tmp.resolve("_data"));
        Files.writeString(tmp.resolve("_data/bad.json"), "{\n  \"a\": [1, 2\n}\n");
        Files.writeString(tmp.resolve("_data/good.yml"), "a: 1\n");
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Object> site = DataFiles.read(tmp.resolve("_data"), diagnostics);
        assertThat(site).containsOnlyKeys("good");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.toString()).contains("_data/bad.json:3:").contains("error: invalid JSON");
        });
    }
}
