package kb.extract;

import java.util.ArrayList;
import java.util.List;

/** Splits article text into {@link Line}s: TABs expanded to 8-column stops, trailing spaces cut. */
final class TextLines {

    private TextLines() {
    }

    static List<Line> split(String text, int firstLine) {
        List<Line> lines = new ArrayList<>();
        int number = firstLine;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String raw = text.substring(start, end);
            if (raw.endsWith("\r")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            lines.add(new Line(expandTabs(raw).stripTrailing(), number++));
            if (end == n) {
                break;
            }
            start = end + 1;
        }
        return lines;
    }

    static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = 8 - (sb.length() % 8);
                sb.append(" ".repeat(spaces));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
