package kb.extract;

import java.util.List;
import java.util.Locale;

/** Reads the header lines at the top of an article text, in any order, until the first other line. */
final class HeaderParser {

    private static final List<String> LABELS = List.of("article:", "product(s):", "version(s):",
            "operating system(s):", "keyword(s):", "last modified:");

    private HeaderParser() {
    }

    /** Whether the text's first non-blank line is an {@code Article: Q...} header line. */
    static boolean startsWithHeader(List<Line> lines) {
        for (Line line : lines) {
            if (!line.isBlank()) {
                return line.content().toLowerCase(Locale.ROOT).startsWith("article:");
            }
        }
        return false;
    }

    static Header parse(List<Line> lines) {
        String[] values = {"", "", "", "", "", ""};
        int found = 0;
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        for (; i < lines.size(); i++) {
            String text = lines.get(i).content();
            String lower = text.toLowerCase(Locale.ROOT);
            int label = -1;
            for (int k = 0; k < LABELS.size(); k++) {
                if (lower.startsWith(LABELS.get(k))) {
                    label = k;
                    break;
                }
            }
            if (label < 0) {
                break;
            }
            values[label] = text.substring(LABELS.get(label).length()).strip();
            found++;
        }
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return new Header(values[0], values[1], values[2], values[3], values[4], values[5], i, found);
    }
}
