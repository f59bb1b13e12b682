package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/** Liquid 5's {@code render}, which Jekyll 4.3 does not support: an error, with Jekyll's reason. */
final class RenderTag extends Tag {

    RenderTag() {
        super("render");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        throw new RenderFailure("the render tag is not available in Jekyll (\"This liquid context does not allow includes\"); "
                + "use include");
    }
}
