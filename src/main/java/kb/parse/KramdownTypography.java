package kb.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Ruby's {@code \s}: ASCII white space only. */
    private static final String S = "[ \\t\\r\\n\\f\\u000B]";
    private static final String PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
    private static final String CLOSE = "[^ \\\\\\t\\r\\n\\[{(-]";

    /** One of kramdown's rules: where it matches (at the character before the quote, if any), the quotes it writes. */
    private record Rule(Pattern pattern, Function<Matcher, String> quotes, int length) {
        static Rule of(String regex, Function<Matcher, String> quotes, int length) {
            return new Rule(Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE | Pattern.DOTALL),
                    quotes, length);
        }
    }

    private static String left(String quote) {
        return quote.equals("\"") ? LDQUO : LSQUO;
    }

    private static String right(String quote) {
        return quote.equals("\"") ? RDQUO : RSQUO;
    }

    /** kramdown's {@code SQ_RULES}, in order. */
    private static final List<Rule> RULES = List.of(
            Rule.of("(\"|')(?=[_*]{1,2}\\S)", m -> left(m.group(1)), 1),
            Rule.of("(\"|')(?=" + PUNCT + "(?!\\.\\.)\\B)", m -> right(m.group(1)), 1),
            Rule.of("(" + S + "?)\"'(?=\\w)", m -> LDQUO + LSQUO, 2),
            Rule.of("(" + S + "?)'\"(?=\\w)", m -> LSQUO + LDQUO, 2),
            Rule.of("(" + S + "?)'(?=\\d\\ds)", m -> RSQUO, 1),
            Rule.of("(" + S + ")('|\")(?=\\w)", m -> left(m.group(2)), 1),
            Rule.of("(" + CLOSE + ")('|\")", m -> right(m.group(2)), 1),
            Rule.of("(\"|')(?=" + S + "|s\\b|$)", m -> right(m.group(1)), 1),
            Rule.of("(.?)'", m -> LSQUO, 1),
            Rule.of("(.?)\"", m -> LDQUO, 1));

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

    private static boolean quote(LightInlineParser parser, BasedSequence input, int i) {
        int from = previousAvailable(input, i) ? i - 1 : i;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(input).region(from, input.length());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            if (m.lookingAt()) {
                return symbol(parser, input, i, rule.length(), rule.quotes().apply(m), false);
            }
        }
        return false;
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
    static final InlineParserExtensionFactory FACTORY = new InlineParserExtensionFactory() {
        @Override
        public CharSequence getCharacters() {
            return "'\"-.<>";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new KramdownTypography();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    };
}
