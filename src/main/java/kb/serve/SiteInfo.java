package kb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** The facts of the site in {@code siteDir}. */
    public static SiteInfo read(Path siteDir) {
        Path json = siteDir.resolve(SearchAssets.SITE_JSON);
        try {
            if (Files.isRegularFile(json)) {
                JsonNode node = new ObjectMapper().readTree(json.toFile());
                return new SiteInfo(node.path("baseurl").asText(""), node.path("title").asText(""));
            }
            Path home = siteDir.resolve("index.html");
            if (Files.isRegularFile(home)) {
                return fromHomePage(Jsoup.parse(home.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site facts in " + siteDir, e);
        }
        return new SiteInfo("", "");
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
