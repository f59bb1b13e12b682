package kb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The weight of an article page besides the article's own text: the page's HTML without the
 * article body ({@code .kb-body}), plus every stylesheet and script it loads from the site.
 * {@code PageWeight PAGE SITE} prints {@code N bytes (html X + css/js Y)}.
 */
public final class PageWeight {

    private PageWeight() {
    }

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args[0]);
        Path site = Path.of(args[1]);
        String html = Files.readString(page);
        Document doc = Jsoup.parse(html);
        long body = 0;
        for (Element e : doc.select(".kb-body")) {
            body += e.outerHtml().getBytes(StandardCharsets.UTF_8).length;
        }
        long pageBytes = html.getBytes(StandardCharsets.UTF_8).length - body;
        String baseurl = doc.select("script[data-baseurl]").attr("data-baseurl");
        long assets = 0;
        for (Element e : doc.select("link[rel=stylesheet][href], script[src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (url.startsWith(baseurl + "/")) {
                Path file = site.resolve(url.substring(baseurl.length() + 1));
                if (Files.isRegularFile(file)) {
                    assets += Files.size(file);
                }
            }
        }
        System.out.printf("%,d bytes (page without the article body %,d + CSS/JS %,d) for %s%n",
                pageBytes + assets, pageBytes, assets, site.relativize(page));
    }
}
