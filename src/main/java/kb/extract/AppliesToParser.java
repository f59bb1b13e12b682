package kb.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kb.model.AppliesTo;

/**
 * Reads the "applies to" box that opens most article bodies:
 * <pre>
 * ------------------------------------------------------------
 * The information in this article applies to:
 *
 * - Microsoft Word 97 for Windows
 *    - the operating system: Microsoft Windows NT 4.0
 * ------------------------------------------------------------
 * </pre>
 */
final class AppliesToParser {

    private static final Pattern RULE = Pattern.compile("^\\s*-{20,}\\s*$");
    private static final int MAX_BOX_LINES = 200;

    /**
     * The box, if the body opens with one.
     *
     * @param lead  the line introducing the items ("The information in this article applies to:")
     * @param items the items
     * @param end   index of the first body line after the box
     */
    record Box(String lead, List<AppliesTo> items, int end) {
    }

    private AppliesToParser() {
    }

    static java.util.Optional<Box> parse(List<Line> lines, int start) {
        int i = start;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !RULE.matcher(lines.get(i).text()).matches()) {
            return java.util.Optional.empty();
        }
        int close = closingRule(lines, i + 1);
        if (close < 0) {
            return java.util.Optional.empty();
        }
        int leadAt = i + 1;
        while (leadAt < close && lines.get(leadAt).isBlank()) {
            leadAt++;
        }
        if (leadAt >= close || !lines.get(leadAt).content().toLowerCase(Locale.ROOT).contains("applies to")) {
            return java.util.Optional.empty();
        }
        StringBuilder lead = new StringBuilder(lines.get(leadAt).content());
        List<AppliesTo> items = new ArrayList<>();
        List<Integer> markerIndents = new ArrayList<>();
        StringBuilder current = null;
        int currentDepth = 0;
        for (int k = leadAt + 1; k < close; k++) {
            Line line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            String content = line.content();
            boolean marker = content.startsWith("- ") || content.startsWith("* ") || content.equals("-");
            if (marker) {
                if (current != null) {
                    items.add(new AppliesTo(current.toString().strip(), currentDepth));
                }
                currentDepth = depth(markerIndents, line.indent());
                current = new StringBuilder(content.substring(1).strip());
            } else if (current == null) {
                lead.append(' ').append(content); // the lead wrapped onto a second line
            } else {
                current.append(' ').append(content);
            }
        }
        if (current != null) {
            items.add(new AppliesTo(current.toString().strip(), currentDepth));
        }
        return java.util.Optional.of(new Box(lead.toString(), items, close + 1));
    }

    /**
     * The index of the rule closing a box whose content starts at {@code from}, or -1 when the
     * lines before the next rule are not all box lines: the lead (wrapped or not), items and
     * their indented continuations, blank lines. A table rule further down does not close it.
     */
    private static int closingRule(List<Line> lines, int from) {
        boolean items = false;
        for (int k = from; k < lines.size() && k - from < MAX_BOX_LINES; k++) {
            Line line = lines.get(k);
            if (RULE.matcher(line.text()).matches()) {
                return k;
            }
            if (line.isBlank()) {
                continue;
            }
            String content = line.content();
            boolean marker = content.startsWith("- ") || content.startsWith("* ") || content.equals("-");
            if (marker) {
                items = true;
            } else if (items && line.indent() == 0) {
                return -1; // text at the margin after the items: the box was never closed
            }
        }
        return -1;
    }

    /** Nesting depth from the marker's indent: deeper indents than seen before nest one more. */
    private static int depth(List<Integer> indents, int indent) {
        while (!indents.isEmpty() && indents.get(indents.size() - 1) > indent) {
            indents.remove(indents.size() - 1);
        }
        if (indents.isEmpty() || indents.get(indents.size() - 1) < indent) {
            indents.add(indent);
        }
        return indents.size() - 1;
    }
}
