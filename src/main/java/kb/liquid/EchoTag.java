package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/** Liquid 5's {@code {% echo expression | filters %}}: the same as {@code {{ expression | filters }}}. */
final class EchoTag extends Tag {

    EchoTag() {
        super("echo");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        return nodes[1].render(context);
    }
}
