package kb.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.config.SiteConfig;

/**
 * jekyll-redirect-from's pages: for each path a page lists in its front matter
 * ({@code redirect_from: [/old/, /older.html]}), a small page that moves the reader on to the
 * page (meta refresh, script, canonical link and a plain link), marked {@code noindex}.
 */
public final class RedirectPages {

    private final SiteConfig config;

    public RedirectPages(SiteConfig config) {
        this.config = config;
    }

    /** The paths a front-matter value names: a string or a list of strings. */
    public static List<String> paths(Object redirectFrom) {
        List<String> paths = new ArrayList<>();
        if (redirectFrom instanceof String s && !s.isBlank()) {
            paths.add(s.strip());
        } else if (redirectFrom instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !String.valueOf(o).isBlank()) {
                    paths.add(String.valueOf(o).strip());
                }
            }
        }
        return paths;
    }

    /**
     * The output path of a redirect from {@code from}: {@code /old/} and {@code /old} →
     * {@code old/index.html}, {@code /old.html} as is; empty when it would leave the site.
     */
    public static Optional<String> outputPath(String from) {
        String path = from.startsWith("/") ? from.substring(1) : from;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return Optional.empty();
            }
        }
        if (path.isEmpty() || path.endsWith("/")) {
            return Optional.of(path + "index.html");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(last.contains(".") ? path : path + "/index.html");
    }

    /** The page that moves a reader on to {@code url} (below the base URL). */
    public GeneratedFile page(String outputPath, String url) {
        String to = Xml.escape(config.absoluteUrl(url));
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <meta charset="utf-8">
                <title>Redirecting…</title>
                <link rel="canonical" href="%1$s">
                <script>location="%1$s"</script>
                <meta http-equiv="refresh" content="0; url=%1$s">
                <meta name="robots" content="noindex">
                <h1>Redirecting…</h1>
                <a href="%1$s">Click here if you are not redirected.</a>
                </html>
                """.formatted(to);
        return new GeneratedFile(outputPath, html);
    }
}
