package kb.model;

import java.util.Locale;
import java.util.Map;

/**
 * Readable names of the KB's article kinds, the codes of the footer's {@code Issue type}
 * ({@code kbbug} → Bug). The code stays the value that filters and URLs use; the name is what
 * readers see. Codes without a name of their own are shown without their {@code kb} prefix.
 */
public final class ArticleKinds {

    /** The names of the codes the archive uses, and of the older keyword-style kinds. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("kbbug", "Bug"),
            Map.entry("kbprb", "Problem"),
            Map.entry("kbinfo", "Information"),
            Map.entry("kbhowto", "How-to"),
            Map.entry("kbfaq", "Frequently asked questions"),
            Map.entry("kberrmsg", "Error message"),
            Map.entry("kbdocerr", "Documentation error"),
            Map.entry("kbfix", "Fix"),
            Map.entry("kbref", "Reference"),
            Map.entry("kbtshoot", "Troubleshooting"),
            Map.entry("kbsample", "Sample"),
            Map.entry("kbcode", "Code sample"),
            Map.entry("kbpending", "Fix pending"),
            Map.entry("kbnofix", "No fix"),
            Map.entry("kbdownload", "Download"),
            Map.entry("kbtool", "Tool"));

    private ArticleKinds() {
    }

    /** The readable name of a kind code: {@code kbbug} → {@code Bug}, {@code kbHowTo} → {@code How-to}. */
    public static String name(String code) {
        String key = code.strip().toLowerCase(Locale.ROOT);
        String known = NAMES.get(key);
        if (known != null) {
            return known;
        }
        String rest = key.startsWith("kb") && key.length() > 2 ? key.substring(2) : key;
        return rest.isEmpty() ? code : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
}
