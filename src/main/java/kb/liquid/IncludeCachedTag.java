package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Registers the name {@code include_cached} with the lexer; {@link KbVisitor} builds an
 * {@link IncludeNode} for it, so this never renders.
 */
final class IncludeCachedTag extends Tag {

    IncludeCachedTag() {
        super("include_cached");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        throw new IllegalStateException("include_cached is rendered by IncludeNode");
    }
}
