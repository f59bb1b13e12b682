package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.FilterNode;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Liquid's {@code assign}, as Liqp's, but a value longer than the output limit fails the render
 * ({@code {% assign s = s | append: s %}} in a loop doubles a string until memory runs out).
 */
final class AssignTag extends Tag {

    AssignTag() {
        super("assign");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String id = String.valueOf(nodes[0].render(context));
        Object value = nodes[1].render(context);
        for (int i = 2; i < nodes.length; i++) {
            value = ((FilterNode) nodes[i]).apply(value, context);
        }
        RenderState state = RenderState.of(context);
        if (value instanceof CharSequence text && text.length() > state.limits.maxOutput()) {
            throw state.tooLong(null);
        }
        context.put(id, value, true);
        return "";
    }
}
