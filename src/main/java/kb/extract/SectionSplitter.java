package kb.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an article body at its underlined headings. A heading is a short line at the left
 * margin, underlined on the next line by {@code =} (a section) or {@code -} (a sub-section) of
 * about the same length, with a letter in it and no wide gaps: a line with gaps over a dashed
 * rule is a table header, and {@code |  Paid   |} over dashes is a diagram.
 */
final class SectionSplitter {

    private static final Pattern WIDE_GAP = Pattern.compile("[^\\s.?!:;,] {2,}\\S");
    private static final int MAX_HEADING = 100;

    /**
     * Lines under one heading.
     *
     * @param heading the heading text, or "" before the first heading
     * @param level   1 for {@code =}, 2 for {@code -}, 0 for none
     * @param lines   the lines after the underline, up to the next heading
     */
    record RawSection(String heading, int level, List<Line> lines) {
    }

    private SectionSplitter() {
    }

    static List<RawSection> split(List<Line> body) {
        List<RawSection> sections = new ArrayList<>();
        String heading = "";
        int level = 0;
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            int headingLevel = i + 1 < body.size() ? headingLevel(body, i) : 0;
            if (headingLevel > 0) {
                if (!heading.isEmpty() || !isBlank(current)) {
                    sections.add(new RawSection(heading, level, current));
                }
                heading = body.get(i).content();
                level = headingLevel;
                current = new ArrayList<>();
                i++; // the underline
                continue;
            }
            current.add(body.get(i));
        }
        if (!heading.isEmpty() || !isBlank(current)) {
            sections.add(new RawSection(heading, level, current));
        }
        return sections;
    }

    /** 1 or 2 when line {@code i} is a heading underlined by line {@code i + 1}, else 0. */
    static int headingLevel(List<Line> body, int i) {
        Line text = body.get(i);
        Line rule = body.get(i + 1);
        // The underline first: most lines have none under them, and this test is the cheapest.
        char underline = ruleChar(rule.text());
        if (underline == 0) {
            return 0;
        }
        String content = text.content();
        if (text.isBlank() || text.indent() > 1 || content.length() > MAX_HEADING
                || content.chars().noneMatch(Character::isLetter)
                || content.contains("  ") && WIDE_GAP.matcher(content).find() || content.contains("|")) {
            return 0;
        }
        if (i > 0 && !body.get(i - 1).isBlank() && !previousIsRule(body, i)) {
            return 0; // the last line of a paragraph, not a heading
        }
        int diff = Math.abs(rule.content().length() - content.length());
        if (underline == '=' && rule.content().length() >= 3 && diff <= 3) {
            return 1;
        }
        if (underline == '-' && rule.content().length() >= 3 && diff <= 1 && rule.indent() == text.indent()) {
            return 2;
        }
        return 0;
    }

    /** {@code =} or {@code -} when the line is a rule of that character (after at most one space), else 0. */
    private static char ruleChar(String line) {
        int start = line.startsWith(" ") ? 1 : 0;
        if (start >= line.length()) {
            return 0;
        }
        char c = line.charAt(start);
        if (c != '=' && c != '-') {
            return 0;
        }
        for (int j = start + 1; j < line.length(); j++) {
            if (line.charAt(j) != c) {
                return 0;
            }
        }
        return c;
    }

    private static boolean previousIsRule(List<Line> body, int i) {
        String prev = body.get(i - 1).content();
        return !prev.isEmpty() && prev.chars().allMatch(c -> c == '=' || c == '-');
    }

    private static boolean isBlank(List<Line> lines) {
        return lines.stream().allMatch(Line::isBlank);
    }
}
