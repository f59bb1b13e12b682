package kb.liquid;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jekyll's {@code Utils.slugify}, for the {@code slugify} filter and for the URLs of documents
 * ({@code :name}, {@code :title}, {@code :slug}). Thread-safe.
 */
public final class Slugify {

    private static final Pattern SLUG_RAW = Pattern.compile("\\s+");
    private static final Pattern SLUG_DEFAULT = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}]+");
    private static final Pattern SLUG_PRETTY = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");
    private static final Pattern SLUG_ASCII = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$", Pattern.MULTILINE);
    /** I18n's transliterations that are not an accent dropped. */
    private static final Map<Character, String> LATIN = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('Æ', "AE"),
            Map.entry('æ', "ae"), Map.entry('Ø', "O"), Map.entry('ø', "o"), Map.entry('Œ', "OE"), Map.entry('œ', "oe"),
            Map.entry('Ð', "D"), Map.entry('ð', "d"), Map.entry('Þ', "TH"), Map.entry('þ', "th"), Map.entry('Ł', "L"),
            Map.entry('ł', "l"), Map.entry('Đ', "D"), Map.entry('đ', "d"), Map.entry('ı', "i"));

    private Slugify() {
    }

    /**
     * The slug of {@code text} in {@code mode} ({@code default}, {@code raw}, {@code pretty},
     * {@code ascii}, {@code latin}; anything else, {@code none} included, only lower-cases);
     * lower-cased unless {@code cased}.
     */
    public static String slugify(String text, String mode, boolean cased) {
        String m = mode == null ? "default" : mode;
        Pattern replaced = switch (m) {
            case "raw" -> SLUG_RAW;
            case "default", "latin" -> SLUG_DEFAULT;
            case "pretty" -> SLUG_PRETTY;
            case "ascii" -> SLUG_ASCII;
            default -> null;
        };
        if (replaced == null) {
            return cased ? text : text.toLowerCase(Locale.ROOT);
        }
        String input = m.equals("latin") ? transliterate(text) : text;
        String slug = replaced.matcher(input).replaceAll("-");
        slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
        return cased ? slug : slug.toLowerCase(Locale.ROOT);
    }

    /** I18n.transliterate: accents dropped, a few letters spelled out, anything else not Latin as "?". */
    private static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c < 128) {
                out.append(c);
            } else if (LATIN.containsKey(c)) {
                out.append(LATIN.get(c));
            } else {
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
                out.append('?');
            }
        }
        return out.toString();
    }
}
