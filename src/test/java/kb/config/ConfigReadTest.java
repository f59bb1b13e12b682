package kb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build reads of {@code _config.yml}: the file, the defaults without one, nothing when it is broken. */
class ConfigReadTest {

    private final ConfigLoader loader = new ConfigLoader();
    private final Diagnostics diagnostics = new Diagnostics();

    @TempDir
    Path source;

    @Test
    void aBrokenConfigurationGivesNothingNotTheDefaults() throws IOException {
        // The defaults would publish what the file excludes, at the wrong base URL.
        Path file = source.resolve("_config.yml");
        Files.writeString(file, "title: T\nexclude: [drafts]\nbaseurl: /kb\ndescription: a: b\n");

        assertThat(loader.read(source, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(Display.of(file), 4, 15),
                "invalid YAML: mapping values are not allowed here"));
    }

    @Test
    void aConfigurationThatIsNotAMappingGivesNothing() throws IOException {
        Path file = source.resolve("_config.yml");
        Files.writeString(file, "- title\n- baseurl\n");

        assertThat(loader.read(source, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(Display.of(file), 1, 1),
                "YAML must be a mapping of keys to values, found a list"));
    }

    @Test
    void noConfigurationGivesTheDefaults() {
        assertThat(loader.read(source, diagnostics)).hasValue(SiteConfig.defaults());
        assertThat(diagnostics.sorted()).isEmpty();
    }
}
