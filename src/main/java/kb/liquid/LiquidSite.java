package kb.liquid;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What Liquid tags and filters need from the site being built. Implemented by the caller; the
 * engine calls it from the build's threads at once, so implementations must be thread-safe.
 */
public interface LiquidSite {

    /** The file {@code _includes/<name>} ({@code name} may hold folders), or empty. */
    Optional<IncludeFile> include(String name);

    /**
     * For {@code include_relative}: {@code name} relative to the folder of the source at
     * {@code fromPath} (a source-relative path like {@code getting-started/first-sync.md}); empty
     * if missing or outside the source.
     */
    Optional<IncludeFile> relativeInclude(String fromPath, String name);

    /**
     * For {@code {% link path %}}: the URL (without baseurl) of the page, document or static file
     * whose source-relative path is {@code path}.
     */
    Optional<String> linkTarget(String path);

    /**
     * For {@code {% post_url 2024-01-15-slug %}} (may have a folder prefix): the post's URL
     * without baseurl.
     */
    Optional<String> postUrl(String name);

    /** Markdown to HTML as the site renders Markdown (for the {@code markdownify} filter). */
    String markdownify(String markdown);

    /** The site's base path: {@code ""} or a path such as {@code "/help"}. */
    String baseurl();

    /** The site's address without a trailing slash ({@code "https://support.example"}), or {@code ""}. */
    String url();

    /** The site's time zone: {@code _config.yml}'s {@code timezone}, else the system's. */
    ZoneId timeZone();
}
