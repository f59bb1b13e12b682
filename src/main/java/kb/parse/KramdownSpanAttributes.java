package kb.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.parse.KramdownNodes.SpanAttributes;

/**
 * Reads kramdown's span IALs ({@code *x*{: .y}}) into {@link SpanAttributes} nodes; the
 * post-processor gives them to the element before them. Stateless.
 */
final class KramdownSpanAttributes implements InlineParserExtension {

    private static final Pattern SPAN_IAL = Pattern.compile("\\{:(?![:/])((?:\\\\\\}|[^}\\n])+)\\}");

    private KramdownSpanAttributes() {
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
        if (i + 1 >= input.length() || input.charAt(i + 1) != ':') {
            return false;
        }
        Matcher m = SPAN_IAL.matcher(input).region(i, input.length());
        if (!m.lookingAt()) {
            return false;
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(new SpanAttributes(input.subSequence(i, m.end()), AttributeList.parse(m.group(1))));
        parser.setIndex(m.end());
        return true;
    }

    /** Registers the span IALs with Flexmark's inline parser. */
    static final InlineParserExtensionFactory FACTORY = new InlineExtensions("{", KramdownSpanAttributes::new);
}
