package kb.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import kb.parse.KramdownNodes.Typographic;

/**
 * kramdown's typographic conversions in text (not in code spans, code blocks or HTML): smart
 * quotes by kramdown's own rules ({@code smart_quotes.rb}, a port of SmartyPants, which looks at
 * the character before the quote: {@code it's}, {@code '90s}, {@code 5'10"} come out as kramdown
 * makes them), {@code ---} and {@code --} as dashes, {@code ...} as an ellipsis, {@code <<} and
 * {@code >>} as guillemets ({@code << a >>} with no-break spaces). The characters are written as
 * such, not as entities, as Jekyll's kramdown writes them. Stateless.
 */
final class KramdownTypography implements InlineParserExtension {

    static final String LSQUO = "\u2018";
    static final String RSQUO = "\u2019";
    static final String LDQUO = "\u201C";
    static final String RDQUO = "\u201D";
    private static final String NBSP = "\u00A0";

    /** Ruby's {@code SQ_PUNCT} characters. */
    private static final String PUNCT = "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** The characters that are not {@code SQ_CLOSE}: before a quote, they do not close. */
    private static final String NOT_CLOSE = " \\\t\r\n[{(-";

    private KramdownTypography() {
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int i = parser.getIndex();
        char c = input.charAt(i);
        return switch (c) {
            case '\'', '"' -> quote(parser, input, i);
            case '-' -> input.matchChars("---", i) ? symbol(parser, input, i, 3, "\u2014", false)
                    : input.matchChars("--", i) && symbol(parser, input, i, 2, "\u2013", false);
            case '.' -> input.matchChars("...", i) && symbol(parser, input, i, 3, "\u2026", false);
            case '<' -> input.matchChars("<< ", i) ? symbol(parser, input, i, 3, "\u00AB" + NBSP, false)
                    : input.matchChars("<<", i) && symbol(parser, input, i, 2, "\u00AB", false);
            case '>' -> input.matchChars(">>", i) && symbol(parser, input, i, 2,
                    i > 0 && input.charAt(i - 1) == ' ' ? NBSP + "\u00BB" : "\u00BB", i > 0 && input.charAt(i - 1) == ' ');
            default -> false;
        };
    }

    private static boolean symbol(LightInlineParser parser, BasedSequence input, int i, int length, String text,
            boolean eatsSpaceBefore) {
        parser.flushTextNode();
        parser.getBlock().appendChild(new Typographic(input.subSequence(i, i + length), text, eatsSpaceBefore));
        parser.setIndex(i + length);
        return true;
    }

    /**
     * kramdown's {@code SQ_RULES}, in order, written out as character tests (a regular
     * expression per rule costs too much on long pages). A rule whose expression starts with the
     * quote matches only when the character before it is not available to kramdown's scanner;
     * one that starts with {@code (\\s?)} when it is not or is a space.
     */
    private static boolean quote(LightInlineParser parser, BasedSequence input, int i) {
        char q = input.charAt(i);
        boolean available = previousAvailable(input, i);
        int prev = available ? input.charAt(i - 1) : -1;
        int n1 = charAt(input, i + 1);
        int n2 = charAt(input, i + 2);
        int n3 = charAt(input, i + 3);
        boolean spaceOrNone = prev == -1 || isSpace(prev);
        String text;
        int length = 1;
        if (!available && (n1 == '_' || n1 == '*') && n2 != -1 && !isSpace(n2)) {
            text = left(q); // ("|')(?=[_*]{1,2}\S)
        } else if (!available && n1 != -1 && PUNCT.indexOf(n1) >= 0 && !(n2 == '.' && n3 == '.')
                && isUnicodeWord(n1) == isUnicodeWord(n2)) {
            text = right(q); // ("|')(?=SQ_PUNCT(?!\.\.)\B)
        } else if (spaceOrNone && q == '"' && n1 == '\'' && isWord(n2)) {
            text = LDQUO + LSQUO; // (\s?)"'(?=\w)
            length = 2;
        } else if (spaceOrNone && q == '\'' && n1 == '"' && isWord(n2)) {
            text = LSQUO + LDQUO; // (\s?)'"(?=\w)
            length = 2;
        } else if (spaceOrNone && q == '\'' && isDigit(n1) && isDigit(n2) && n3 == 's') {
            text = RSQUO; // (\s?)'(?=\d\ds)
        } else if (available && isSpace(prev) && isWord(n1)) {
            text = left(q); // (\s)('|")(?=\w)
        } else if (available && NOT_CLOSE.indexOf(prev) < 0) {
            text = right(q); // (SQ_CLOSE)('|")
        } else if (!available && (n1 == -1 || n1 == '\n' || isSpace(n1) || n1 == 's' && !isUnicodeWord(n2))) {
            text = right(q); // ("|')(?=\s|s\b|$)
        } else {
            text = left(q); // (.?)' and (.?)"
        }
        return symbol(parser, input, i, length, text, false);
    }

    private static int charAt(BasedSequence input, int i) {
        return i < input.length() ? input.charAt(i) : -1;
    }

    /** Ruby's {@code \\s}. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
    }

    /** Ruby's {@code \\d}: ASCII digits. */
    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Ruby's {@code \\w}: ASCII letters, digits and {@code _}. */
    private static boolean isWord(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
    }

    /** A word character for Ruby's {@code \\b}, which (unlike {@code \\w}) knows Unicode. */
    private static boolean isUnicodeWord(int c) {
        if (c == -1) {
            return false;
        }
        if (Character.isLetterOrDigit(c) || c == '_') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    private static String left(char quote) {
        return quote == '"' ? LDQUO : LSQUO;
    }

    private static String right(char quote) {
        return quote == '"' ? RDQUO : RSQUO;
    }

    /**
     * Whether kramdown's scanner would see the character before the quote: not when an element
     * (emphasis, code, a tag, a typographic symbol, an escape) ended there.
     */
    private static boolean previousAvailable(BasedSequence text, int i) {
        if (i == 0) {
            return false;
        }
        char p = text.charAt(i - 1);
        if ("*_`~>\\'\"".indexOf(p) >= 0) {
            return false;
        }
        if (p == '-' && i >= 2 && text.charAt(i - 2) == '-') {
            return false;
        }
        return !(p == '.' && i >= 3 && text.charAt(i - 2) == '.' && text.charAt(i - 3) == '.');
    }

    /** Registers the conversions with Flexmark's inline parser. */
    static final InlineParserExtensionFactory FACTORY = new InlineExtensions("'\"-.<>", KramdownTypography::new);
}
