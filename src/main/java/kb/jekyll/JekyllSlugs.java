package kb.jekyll;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jekyll's {@code Utils.slugify}: the modes {@code default} (runs of anything but letters and
 * digits become one hyphen), {@code raw} (runs of spaces), {@code pretty} (keeps
 * {@code ._~!$&'()+,;=@}), {@code ascii} (only ASCII letters and digits), {@code latin} (accents
 * removed first, then as ascii) and {@code none}; lower-cased unless {@code cased}. Thread-safe.
 */
public final class JekyllSlugs {

    private static final Pattern RAW = Pattern.compile("\\s+");
    private static final Pattern DEFAULT = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}]+");
    private static final Pattern PRETTY = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");
    private static final Pattern ASCII = Pattern.compile("[^a-zA-Z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private JekyllSlugs() {
    }

    /** The slug of {@code text} in {@code mode}; an unknown mode is {@code default}. */
    public static String slugify(String text, String mode, boolean cased) {
        if (text == null) {
            return "";
        }
        String m = mode == null ? "default" : mode;
        String slug = switch (m) {
            case "none" -> text;
            case "raw" -> RAW.matcher(text).replaceAll("-");
            case "pretty" -> PRETTY.matcher(text).replaceAll("-");
            case "ascii" -> ASCII.matcher(text).replaceAll("-");
            case "latin" -> ASCII.matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""))
                    .replaceAll("-");
            default -> DEFAULT.matcher(text).replaceAll("-");
        };
        if (!m.equals("none")) {
            slug = trimHyphens(slug);
        }
        return cased ? slug : slug.toLowerCase(Locale.ROOT);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
