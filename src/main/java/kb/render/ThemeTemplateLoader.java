package kb.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads Freemarker templates from a {@link Theme}. A template may start with Jekyll-style front
 * matter naming its parent layout; the loader hands Freemarker that block as a comment of the
 * same number of lines, so error line numbers still match the file.
 */
final class ThemeTemplateLoader implements TemplateLoader {

    private final Theme theme;

    ThemeTemplateLoader(Theme theme) {
        this.theme = theme;
    }

    @Override
    public Object findTemplateSource(String name) {
        return theme.template(name).orElse(null);
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        String text = Files.readString((Path) source, StandardCharsets.UTF_8);
        return new StringReader(commentOutFrontMatter(text));
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Nothing is held open: getReader reads the whole file.
    }

    /** Front matter of a template as a Freemarker comment; other text unchanged. */
    static String commentOutFrontMatter(String text) {
        int end = TemplateFrontMatter.end(text);
        if (end < 0) {
            return text;
        }
        String newlines = text.substring(0, end).replaceAll("[^\\n]", "");
        return "<#--" + newlines + "-->" + text.substring(end);
    }
}
