package kb.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import kb.config.SiteConfig;
import kb.json.KbJson;

/**
 * The compact ID index ({@value SearchAssets#ID_INDEX}): every article's ID and URL, which the
 * 404 page's script ({@code assets/not-found.js}) reads to move a short link ({@code /kb/319864},
 * {@code /Q319864}, {@code /KB319864}) on to the article on a plain static host, where no server
 * answers them. Its JSON object holds:
 * <ul>
 * <li>{@code format}: {@value #FORMAT}; {@code baseurl}: the site's base URL;</li>
 * <li>{@code prefix} and {@code url}: article {@code n} has the ID {@code prefix + n} and the URL
 *     (below the base URL) {@code url} with {@code {id}} replaced by the ID and {@code {group}} by
 *     the first three digits of {@code n} padded to six ({@code /kb/{group}/{id}/} gives
 *     {@code /kb/010/Q10022/}; see {@link ArticleUrlPattern});</li>
 * <li>{@code alphabet}, {@code terminals} and {@code ids}: the numbers of the articles that follow
 *     the pattern, in ascending order, each written as its difference to the one before (the
 *     first as is), in the variable-length code of {@link SearchAssets}' title index;</li>
 * <li>{@code other}: {@code [id, url]} for the articles whose ID or URL does not follow the
 *     pattern (an ID's number is its digits).</li>
 * </ul>
 * On the 30,432 articles of the archive's dev half it is 31 KB (14 KB gzipped), none of them exceptions.
 */
public final class ArticleIdIndex {

    /** The {@code format} value. */
    public static final String FORMAT = "kb-id-index/1";

    private final SiteConfig config;

    public ArticleIdIndex(SiteConfig config) {
        this.config = config;
    }

    /** The ID index of the given articles (in any order). */
    public String json(List<SearchAssets.Entry> articles) {
        ArticleUrlPattern pattern = ArticleUrlPattern.fitting(articles);
        List<Long> numbers = new ArrayList<>(articles.size());
        List<List<String>> other = new ArrayList<>();
        for (SearchAssets.Entry e : articles) {
            OptionalLong n = pattern.number(e);
            if (n.isPresent()) {
                numbers.add(n.getAsLong());
            } else {
                other.add(List.of(e.id(), e.url()));
            }
        }
        numbers.sort(null);
        StringBuilder ids = new StringBuilder(numbers.size() * 2);
        long previous = 0;
        for (long n : numbers) {
            if (n != previous || ids.isEmpty()) {
                ids.append(SearchAssets.code(n - previous));
            }
            previous = n;
        }
        other.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("baseurl", config.baseurl());
        json.put("prefix", pattern.prefix());
        json.put("url", pattern.template());
        json.put("alphabet", SearchAssets.ALPHABET);
        json.put("terminals", SearchAssets.TERMINALS);
        json.put("ids", ids.toString());
        json.put("other", other);
        return KbJson.write(json);
    }
}
