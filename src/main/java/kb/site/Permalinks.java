package kb.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A page's URL and output file, as Jekyll computes them for pages: {@code permalink:} wins
 * (placeholders {@code :path}, {@code :basename}, {@code :output_ext} allowed); otherwise the
 * source path with the site's permalink style ({@code a/b.md} -> {@code /a/b.html}, or
 * {@code /a/b/} with {@code permalink: pretty}; {@code a/index.md} -> {@code /a/}). As on GitHub
 * Pages, a {@code README} is its folder's index when the folder has no {@code index} page.
 */
public final class Permalinks {

    private final String style;

    /** @param style the site's {@code permalink} setting ({@code date}, {@code pretty}, a template, ...) */
    public Permalinks(String style) {
        this.style = style;
    }

    /**
     * The URL of a page.
     *
     * @param relativePath  the source path below the source folder
     * @param outputExt     the output extension with its dot ({@code .html})
     * @param permalink     the page's {@code permalink:}, if set
     * @param folderHasIndex whether the page's folder has an {@code index} page (for READMEs)
     */
    public String url(String relativePath, String outputExt, Optional<String> permalink,
            boolean folderHasIndex) {
        int slash = relativePath.lastIndexOf('/');
        String dir = slash < 0 ? "" : relativePath.substring(0, slash);
        String name = relativePath.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String basename = dot <= 0 ? name : name.substring(0, dot);
        boolean readmeAsIndex = basename.toLowerCase(Locale.ROOT).equals("readme") && !folderHasIndex
                && outputExt.equals(".html");
        String template = permalink.orElseGet(() -> defaultTemplate(basename, outputExt, readmeAsIndex));
        String url = template
                .replace(":path", dir)
                .replace(":basename", basename)
                .replace(":output_ext", outputExt);
        return cleanSlashes("/" + url);
    }

    private String defaultTemplate(String basename, String outputExt, boolean readmeAsIndex) {
        if (!outputExt.equals(".html")) {
            return "/:path/:basename:output_ext";
        }
        if (basename.equals("index") || readmeAsIndex) {
            return "/:path/";
        }
        boolean pretty = style.equals("pretty") || style.endsWith("/") && !isBuiltInStyle(style);
        return "/:path/:basename" + (pretty ? "/" : ":output_ext");
    }

    private static boolean isBuiltInStyle(String style) {
        return switch (style) {
            case "date", "pretty", "ordinal", "none", "weekdate" -> true;
            default -> false;
        };
    }

    /**
     * The output file for a URL, relative to the output folder: {@code /a/} -> {@code a/index.html},
     * {@code /a/b} -> {@code a/b.html}, {@code /feed.xml} -> {@code feed.xml}. Percent-escapes
     * are decoded. Empty when the URL would lead outside the output folder.
     */
    public static Optional<String> outputPath(String url, String outputExt) {
        String path = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.endsWith("/")) {
            path = path + "index";
        }
        if (!path.endsWith(outputExt)) {
            path = path + outputExt;
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        String relative = path.substring(start);
        for (String segment : relative.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        return relative.isEmpty() || relative.contains("\0") ? Optional.empty() : Optional.of(relative);
    }

    /** Runs of slashes made one (without a regular expression: this runs for every page). */
    private static String cleanSlashes(String url) {
        if (!url.contains("//")) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '/' || sb.isEmpty() || sb.charAt(sb.length() - 1) != '/') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
