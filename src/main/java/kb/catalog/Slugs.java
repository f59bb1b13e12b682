package kb.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** URL segments made of names: {@code Microsoft Word 97 for Windows} → {@code microsoft-word-97-for-windows}. */
public final class Slugs {

    private static final int MAX = 80;

    private Slugs() {
    }

    /** Lower-case ASCII letters and digits joined by single hyphens; "" when the name has none. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(ascii.length());
        boolean gap = false;
        for (int i = 0; i < ascii.length() && sb.length() < MAX; i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !sb.isEmpty()) {
                    sb.append('-');
                }
                sb.append(c);
                gap = false;
            } else if (c == '+') {
                sb.append(sb.isEmpty() ? "" : "-").append("plus");
                gap = true;
            } else {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
