package kb.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.config.YamlLoader;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;

/**
 * Recognises and parses YAML front matter the way Jekyll does: a file is a page when its first
 * line is {@code ---}; the front matter ends at the next line that is {@code ---} or {@code ...}.
 * Thread-safe.
 */
public final class FrontMatterParser {

    /** Keys Jekyll and kb give a meaning to; a key one or two letters off these is a typo. */
    private static final List<String> KNOWN_KEYS = List.of("layout", "title", "permalink",
            "published", "description", "date", "categories", "category", "tags", "tag",
            "render_with_liquid", "lang", "author", "excerpt", "image", "sitemap", "redirect_from",
            "last_modified_at", "id", "product", "product_code", "versions", "os", "keywords",
            "last_modified");

    private final YamlLoader yaml = new YamlLoader();

    /** Whether a file starting with these characters has front matter (and so is a page). */
    public static boolean hasFrontMatter(CharSequence start) {
        int n = start.length();
        if (n < 3 || start.charAt(0) != '-' || start.charAt(1) != '-' || start.charAt(2) != '-') {
            return false;
        }
        int i = 3;
        while (i < n && (start.charAt(i) == ' ' || start.charAt(i) == '\t')) {
            i++;
        }
        return i < n && (start.charAt(i) == '\n' || start.charAt(i) == '\r');
    }

    /**
     * Splits a page's text. Reports an error and returns empty when the front matter is never
     * closed.
     */
    public Optional<SourceText> split(String text, String file, Diagnostics diagnostics) {
        int firstEnd = text.indexOf('\n');
        int pos = firstEnd + 1;
        int line = 2;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            int lineEnd = end < 0 ? text.length() : end;
            String current = text.substring(pos, lineEnd).stripTrailing();
            if (current.equals("---") || current.equals("...")) {
                int bodyStart = end < 0 ? text.length() : end + 1;
                return Optional.of(new SourceText(text.substring(firstEnd + 1, pos), 2,
                        text.substring(bodyStart), line + 1));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        diagnostics.error(new SourcePosition(file, 1, 1),
                "front matter starts with '---' but is never closed by a '---' line");
        return Optional.empty();
    }

    /**
     * Parses the YAML of a split page. Reports YAML errors (with the line and column in the
     * file) and returns empty for them; warns about keys that look like typos of known keys.
     */
    public Optional<FrontMatter> parse(SourceText text, String file, Diagnostics diagnostics) {
        Optional<Map<String, Object>> values =
                yaml.loadMapping(text.frontMatter(), file, text.yamlLine(), diagnostics);
        values.ifPresent(v -> warnAboutTypos(v, text, file, diagnostics));
        return values.map(FrontMatter::new);
    }

    private static void warnAboutTypos(Map<String, Object> values, SourceText text, String file,
            Diagnostics diagnostics) {
        for (String key : values.keySet()) {
            if (KNOWN_KEYS.contains(key)) {
                continue;
            }
            // One slip (a wrong, missing, extra or swapped letter) in a short key, two in a long one;
            // more would flag ordinary keys such as "name" (two letters off "date").
            int allowed = key.length() <= 5 ? 1 : 2;
            for (String known : KNOWN_KEYS) {
                if (Math.abs(known.length() - key.length()) <= allowed && editDistance(known, key) <= allowed) {
                    diagnostics.warning(keyPosition(text, key, file),
                            "unknown front matter key '" + key + "'; did you mean '" + known + "'?");
                    break;
                }
            }
        }
    }

    private static SourcePosition keyPosition(SourceText text, String key, String file) {
        String yaml = text.frontMatter();
        int at = yaml.startsWith(key + ":") ? 0 : yaml.indexOf("\n" + key + ":") + 1;
        return SourcePosition.at(file, yaml, Math.max(at, 0), text.yamlLine());
    }

    /** Optimal string alignment distance: edits and swaps of adjacent letters count one each. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
