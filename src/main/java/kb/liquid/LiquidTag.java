package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Liquid 5's {@code {% liquid %}}: one tag per line, without delimiters. {@link KbVisitor} parses
 * the lines as the tags they name; this renders the result.
 */
final class LiquidTag extends Tag {

    LiquidTag() {
        super("liquid");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        return nodes[1].render(context);
    }

    /** The lines of a {@code liquid} tag's markup as ordinary tags. */
    static String asTags(String markup) {
        StringBuilder out = new StringBuilder();
        for (String line : markup.split("\r?\n|\r")) {
            String tag = line.strip();
            if (!tag.isEmpty()) {
                out.append("{% ").append(tag).append(" %}");
            }
        }
        return out.toString();
    }
}
