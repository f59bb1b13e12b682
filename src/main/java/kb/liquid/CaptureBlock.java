package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;

/**
 * Liquid's {@code capture}, as Liqp's, but a {@code break} or {@code continue} inside it still
 * reaches its loop (the variable gets what was rendered before it, as in Liquid), and a value
 * past the output limit fails the render.
 */
final class CaptureBlock extends liqp.blocks.Block {

    CaptureBlock() {
        super("capture");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String id = super.asString(nodes[0].render(context), context);
        Object rendered = nodes[1].render(context);
        if (rendered instanceof Body.Interrupt interrupt) {
            context.put(id, interrupt.output(), true);
            return new Body.Interrupt(interrupt.kind(), "");
        }
        context.put(id, rendered == null ? "" : rendered.toString(), true);
        return null;
    }
}
