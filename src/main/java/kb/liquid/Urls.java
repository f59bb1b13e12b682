package kb.liquid;

import java.nio.charset.StandardCharsets;

/** Jekyll's URL filters: joining with the base URL and normalising as Addressable does. */
final class Urls {

    private Urls() {
    }

    /** Jekyll's {@code relative_url}: the base URL (without a final slash) and the path, both with a leading slash. */
    static String relative(String baseurl, String input) {
        String base = baseurl == null ? "" : baseurl;
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String joined = (base.isEmpty() ? "" : leadingSlash(base)) + leadingSlash(input);
        return normalize(joined);
    }

    /** Jekyll's {@code absolute_url}: an absolute URL as is, else the site URL and the relative URL. */
    static String absolute(String siteUrl, String baseurl, String input) {
        if (isAbsolute(input)) {
            return input;
        }
        String relative = relative(baseurl, input);
        return siteUrl == null || siteUrl.isEmpty() ? relative : normalize(siteUrl + relative);
    }

    private static boolean isAbsolute(String input) {
        return input.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    private static String leadingSlash(String part) {
        return part.isEmpty() || part.startsWith("/") ? part : "/" + part;
    }

    /** Percent-encodes what a URI may not hold (blanks, non-ASCII, quotes, angle brackets), as Addressable's normalize does. */
    static String normalize(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
