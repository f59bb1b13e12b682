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
            "published", "description", "date", "categories", "tags", "render_with_liquid", "lang");

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
            for (String known : KNOWN_KEYS) {
                if (Math.abs(known.length() - key.length()) <= 2 && editDistance(known, key) <= 2
                        && key.length() > 3) {
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

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
