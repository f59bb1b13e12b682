package kb.parse;

import java.util.OptionalInt;

/**
 * Measures how deep a Markdown text nests its containers (list items and block quotes) before
 * Flexmark sees it. Flexmark parses and renders containers recursively, and matches each line
 * against every open container: a 500-level nested list overflows the stack, and a 10,000-level
 * one takes hours (the time grows with the cube of the depth). No real page nests more than a
 * few levels, so a page that nests more than {@link #MAX_DEPTH} is an error, found here in one
 * pass over the lines.
 *
 * <p>The measure follows CommonMark's container rules (a list item continues on lines indented
 * to its content column, a block quote on lines starting with {@code >}, several markers may
 * open containers on one line) but not all of them: fenced code is not recognised, and a line
 * that continues a paragraph lazily keeps every container open. It may count a level or two
 * more than Flexmark on odd input, never many fewer. Stateless and thread-safe.
 */
public final class MarkdownNesting {

    /**
     * The deepest nesting a page may have. Real pages nest lists three or four levels; a page
     * built on a stack of 1 MB overflows at about 450.
     */
    public static final int MAX_DEPTH = 64;

    private MarkdownNesting() {
    }

    /**
     * The offset in {@code text} of the first container that opens deeper than {@code max}
     * levels, if there is one.
     */
    public static OptionalInt tooDeep(String text, int max) {
        Scan scan = new Scan(text, max);
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int at = scan.line(start, end);
            if (at >= 0) {
                return OptionalInt.of(at);
            }
            start = end + 1;
        }
        return OptionalInt.empty();
    }

    /** The containers open after each line: for each, a block quote or a list item's content column. */
    private static final class Scan {
        private final String text;
        private final int max;
        private final boolean[] quote;
        private final int[] content;
        private int depth;
        private boolean previousBlank = true;
        /** Where {@link #spaces} stopped: the offset and the column. */
        private int pos;
        private int col;

        Scan(String text, int max) {
            this.text = text;
            this.max = max;
            this.quote = new boolean[max + 1];
            this.content = new int[max + 1];
        }

        /** Reads one line; returns the offset of a container opened past the limit, or -1. */
        int line(int start, int end) {
            pos = start;
            col = 0;
            spaces(end);
            if (pos == end || pos == end - 1 && text.charAt(pos) == '\r') {
                previousBlank = true; // containers stay open across blank lines
                return -1;
            }
            pos = start;
            col = 0;
            int matched = 0;
            int base = 0;
            while (matched < depth) {
                int fromPos = pos;
                int fromCol = col;
                spaces(end);
                if (quote[matched]) {
                    if (col - fromCol <= 3 && pos < end && text.charAt(pos) == '>') {
                        openQuote(end);
                        base = col;
                        matched++;
                        continue;
                    }
                } else if (col >= content[matched]) {
                    base = content[matched];
                    matched++;
                    continue;
                }
                pos = fromPos;
                col = fromCol;
                break;
            }
            int opened = 0;
            while (true) {
                spaces(end);
                if (pos >= end || col - base >= 4) {
                    break; // the rest of the line, or indented code
                }
                char c = text.charAt(pos);
                int at = pos;
                if (c == '>') {
                    openQuote(end);
                    base = col;
                } else if (listMarker(end)) {
                    base = content[max];
                } else {
                    break;
                }
                if (matched + opened >= max) {
                    return at;
                }
                quote[matched + opened] = c == '>';
                content[matched + opened] = base;
                opened++;
            }
            if (opened > 0 || previousBlank) {
                depth = matched + opened; // the containers not continued are closed
            } // else a lazy continuation line: every container stays open
            previousBlank = false;
            return -1;
        }

        /** Steps over a {@code >} and the one space after it. */
        private void openQuote(int end) {
            pos++;
            col++;
            if (pos < end && text.charAt(pos) == ' ') {
                pos++;
                col++;
            }
        }

        /**
         * Steps over a list marker ({@code -}, {@code +}, {@code *}, or up to nine digits and
         * {@code .} or {@code )}, then a space or the end of the line) and the spaces after it,
         * recording the item's content column in {@code content[max]} as scratch; false, with
         * nothing moved, when there is none (or the line is a thematic break).
         */
        private boolean listMarker(int end) {
            int p = pos;
            char c = text.charAt(p);
            if (c == '-' || c == '+' || c == '*') {
                if (c != '+' && thematicBreak(p, end, c)) {
                    return false;
                }
                p++;
            } else if (c >= '0' && c <= '9') {
                int digits = 0;
                while (p < end && Character.isDigit(text.charAt(p)) && digits < 10) {
                    p++;
                    digits++;
                }
                if (digits > 9 || p >= end || text.charAt(p) != '.' && text.charAt(p) != ')') {
                    return false;
                }
                p++;
            } else {
                return false;
            }
            if (p < end && text.charAt(p) != ' ' && text.charAt(p) != '\t' && text.charAt(p) != '\r') {
                return false;
            }
            int markerCol = col + (p - pos);
            pos = p;
            col = markerCol;
            spaces(end);
            int contentCol = pos >= end || col - markerCol >= 5 ? markerCol + 1 : col;
            if (col - markerCol >= 5) {
                pos = p + 1; // indented code inside the item: its content starts one column on
                col = markerCol + 1;
            }
            content[max] = contentCol;
            return true;
        }

        /** Whether the rest of the line is three or more {@code c} and nothing but spaces. */
        private boolean thematicBreak(int from, int end, char c) {
            int count = 0;
            for (int i = from; i < end; i++) {
                char d = text.charAt(i);
                if (d == c) {
                    count++;
                } else if (d != ' ' && d != '\t' && d != '\r') {
                    return false;
                }
            }
            return count >= 3;
        }

        /** Steps over spaces and tabs (a tab to the next multiple of 4). */
        private void spaces(int end) {
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == ' ') {
                    col++;
                } else if (c == '\t') {
                    col += 4 - col % 4;
                } else {
                    break;
                }
                pos++;
            }
        }
    }
}
