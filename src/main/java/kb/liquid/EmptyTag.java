package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/** A tag that renders nothing: {@code _}, what an inline comment {@code {% # … %}} becomes before parsing. */
final class EmptyTag extends Tag {

    EmptyTag(String name) {
        super(name);
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        return "";
    }
}
