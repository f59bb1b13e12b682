package kb.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How most article URLs follow from the ID, so that the compact indexes the build writes for the
 * browser ({@link SearchAssets#STATIC_INDEX}, {@link SearchAssets#ID_INDEX}) store numbers, not
 * URLs: article {@code n} has the ID {@code prefix + n} and the URL {@code template} with
 * {@code {id}} replaced by the ID and {@code {group}} by the first three digits of {@code n}
 * padded to six ({@code /kb/{group}/{id}/} gives {@code /kb/010/Q10022/}).
 *
 * @param prefix   the letters before the number ({@code Q})
 * @param template the URL template below the base URL
 */
record ArticleUrlPattern(String prefix, String template) {

    private static final Pattern NUMBERED_ID = Pattern.compile("([A-Za-z]*)([1-9][0-9]{0,8})");

    /** The URL of article {@code n} with the ID prefix {@code idPrefix}. */
    String url(String idPrefix, long n) {
        return template.replace("{id}", idPrefix + n).replace("{group}", group(n));
    }

    /** The article's number when its ID and URL follow this pattern; empty for an exception. */
    OptionalLong number(SearchAssets.Entry e) {
        Matcher m = NUMBERED_ID.matcher(e.id());
        if (m.matches() && m.group(1).equals(prefix)) {
            long n = Long.parseLong(m.group(2));
            if (url(prefix, n).equals(e.url())) {
                return OptionalLong.of(n);
            }
        }
        return OptionalLong.empty();
    }

    private static String group(long n) {
        String digits = Long.toString(n);
        String padded = digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits;
        return padded.substring(0, 3);
    }

    /** The prefix and URL template that fit the most articles, tried from the first ones. */
    static ArticleUrlPattern fitting(List<SearchAssets.Entry> entries) {
        Map<ArticleUrlPattern, Integer> fits = new LinkedHashMap<>();
        for (SearchAssets.Entry e : entries.subList(0, Math.min(entries.size(), 100))) {
            Matcher m = NUMBERED_ID.matcher(e.id());
            if (!m.matches() || !e.url().contains(e.id())) {
                continue;
            }
            String template = e.url().replace(e.id(), "{id}");
            String group = "/" + group(Long.parseLong(m.group(2))) + "/";
            int at = template.indexOf(group);
            if (at >= 0) {
                template = template.substring(0, at) + "/{group}/" + template.substring(at + group.length());
            }
            fits.putIfAbsent(new ArticleUrlPattern(m.group(1), template), 0);
        }
        for (SearchAssets.Entry e : entries) {
            fits.replaceAll((p, count) -> p.number(e).isPresent() ? count + 1 : count);
        }
        return fits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(new ArticleUrlPattern("Q", "/{id}/"));
    }
}
