package kb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.json.KbJson;
import kb.site.SearchAssets;
import kb.config.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the server needs to know about a built site: its base URL and title. Read from the
 * {@value SearchAssets#SITE_JSON} the build writes; for a site built without it, the base URL is
 * taken from the home page's link to the theme's stylesheet ({@code /kbarchive/assets/kb.css}).
 *
 * @param baseurl "" or a path such as {@code /kbarchive}, as in {@link SiteConfig#baseurl()}
 * @param title   the site title, or ""
 */
public record SiteInfo(String baseurl, String title) {

    private static final String STYLESHEET = "/assets/kb.css";

    public SiteInfo {
        baseurl = SiteConfig.defaults().withBaseurl(baseurl == null ? "" : baseurl).baseurl();
        title = title == null ? "" : title;
    }

    /** The facts of the site in {@code siteDir} (none: no base URL, no title). */
    public static SiteInfo read(Path siteDir) {
        return find(siteDir).orElse(new SiteInfo("", ""));
    }

    /**
     * The facts of the site in {@code siteDir}, if it has the files that tell them (a file that
     * disappears while it is read, as when a build swaps the folder, is one it does not have).
     */
    public static Optional<SiteInfo> find(Path siteDir) {
        Path file = siteDir.resolve(SearchAssets.SITE_JSON);
        String json = SiteRoot.readOrNull(file);
        if (json != null) {
            try {
                JsonNode node = KbJson.read(json);
                return Optional.of(new SiteInfo(node.path("baseurl").asText(""), node.path("title").asText("")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the site facts in " + file, e);
            }
        }
        String home = SiteRoot.readOrNull(siteDir.resolve("index.html"));
        return home == null ? Optional.empty() : Optional.of(fromHomePage(Jsoup.parse(home)));
    }

    private static SiteInfo fromHomePage(Document home) {
        String baseurl = "";
        for (Element link : home.select("link[rel=stylesheet][href]")) {
            String href = link.attr("href");
            if (href.startsWith("/") && href.endsWith(STYLESHEET)) {
                baseurl = href.substring(0, href.length() - STYLESHEET.length());
                break;
            }
        }
        Element title = home.selectFirst(".site-title");
        return new SiteInfo(baseurl, title == null ? "" : title.text());
    }

    /** A site configuration with these facts, for {@link SearchAssets}. */
    public SiteConfig config() {
        return new SiteConfig(title, "", "", baseurl, List.of(), List.of(), "date", Map.of());
    }
}
