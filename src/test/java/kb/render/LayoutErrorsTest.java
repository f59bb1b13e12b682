package kb.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kb.config.SiteConfig;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken templates: one clear diagnostic at the template, and no page half made. */
class LayoutErrorsTest {

    @TempDir
    Path templates;

    private final Diagnostics diagnostics = new Diagnostics();

    private LayoutRenderer layouts() {
        return new LayoutRenderer(Theme.locate(Optional.of(templates), templates.resolve("src")), SiteConfig.defaults());
    }

    private Path write(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Optional<String> render(LayoutRenderer layouts, String layout, String page) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("title", "T");
        return layouts.renderComplete(Optional.of(layout), Map.of(), vars, "<p>content</p>",
                SourcePosition.of(page), diagnostics);
    }

    @Test
    void aSyntaxErrorIsFoundBeforeAnyPageOnceAtItsLineAndColumn() throws IOException {
        Path file = write("default.ftlh", "<!DOCTYPE html>\n<html><body>\n<#if page.title>${content?no_esc}</body></html>\n");

        boolean ok = layouts().check(diagnostics);

        assertThat(ok).isFalse();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(Display.of(file), 3, 48),
                "template syntax error: Unexpected end of file reached. You have an unclosed #if. Check if the "
                        + "FreeMarker end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must "
                        + "have # or @ after the / character.)"));
    }

    @Test
    void theBuiltInTemplatesAllParse() {
        assertThat(layouts().check(diagnostics)).isTrue();
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void aTemplateThatFailedToParseFailsEveryPageWithTheSameOneDiagnostic() throws IOException {
        // Freemarker points at the end of the file, where it found the #if still open.
        // It answers the second request for it with an IOException ("an error loading the
        // template on an earlier attempt"): that was an internal error on every page but the first.
        write("default.ftlh", "<html><#if x>\n");
        LayoutRenderer layouts = layouts();

        for (String page : new String[] {"a.md", "b.md", "c.md"}) {
            assertThatCode(() -> assertThat(render(layouts, "page", page)).isEmpty()).doesNotThrowAnyException();
        }

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.toString())
                .endsWith("default.ftlh:1:14: error: template syntax error: Unexpected end of file reached. You have an "
                        + "unclosed #if. Check if the FreeMarker end-tags are present, and aren't malformed. (Note that "
                        + "FreeMarker end-tags must have # or @ after the / character.)"));
    }

    @Test
    void aRuntimeErrorGivesNoPageAndNamesTheExpression() throws IOException {
        Path file = write("broken.ftlh", "<!DOCTYPE html>\n<html><body>${page.missing.field}${content?no_esc}</body></html>\n");
        LayoutRenderer layouts = layouts();

        assertThat(render(layouts, "broken", "bad.md")).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(new SourcePosition(Display.of(file), 2, 15),
                "template error while rendering bad.md: The following has evaluated to null or missing: page.missing"));
    }

    @Test
    void aMacroThatCallsItselfForeverIsAnErrorNotACrash() throws IOException {
        Path file = write("loop.ftlh", "<#macro m><@m/></#macro>\n<html><@m/></html>\n");
        LayoutRenderer layouts = layouts();

        Optional<String> out = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> render(layouts, "loop", "loop.md"));

        assertThat(out).isEmpty();
        assertThat(diagnostics.sorted()).containsExactly(Diagnostic.error(SourcePosition.of(Display.of(file)),
                "template error while rendering loop.md: the template recurses too deeply (stack overflow)"));
    }
}
