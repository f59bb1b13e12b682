package kb.liquid;

import java.util.ArrayList;
import java.util.List;
import liqp.LValue;
import liqp.RenderTransformer.ObjectAppender;
import liqp.TemplateContext;
import liqp.nodes.BlockNode;
import liqp.nodes.LNode;

/**
 * The body of a template or block, replacing Liqp's {@link BlockNode}: on {@code break} or
 * {@code continue} it keeps what it rendered so far and hands it up as an {@link Interrupt}, as
 * Liquid does ({@code a{% if x %}b{% break %}{% endif %}} writes "ab"; Liqp's drops the "b").
 * Values are written as Ruby writes them.
 */
final class Body extends BlockNode {

    private final List<LNode> children = new ArrayList<>();

    @Override
    public void add(LNode node) {
        super.add(node);
        children.add(node);
    }

    @Override
    public Object render(TemplateContext context) {
        ObjectAppender.Controller output = context.newObjectAppender(children.size());
        for (LNode node : children) {
            Object value = node.render(context);
            if (value == null) {
                continue;
            }
            if (value instanceof Interrupt interrupt) {
                output.append(interrupt.output());
                return new Interrupt(interrupt.kind(), String.valueOf(output.getResult()));
            }
            if (value == LValue.BREAK || value == LValue.CONTINUE) {
                return new Interrupt(value, String.valueOf(output.getResult()));
            }
            output.append(value instanceof CharSequence ? value : Values.output(value));
        }
        return output.getResult();
    }

    /**
     * A {@code break} or {@code continue} on its way up to its loop, with the output rendered
     * before it. Where no loop takes it (a tag outside a loop), it writes that output.
     *
     * @param kind   {@link LValue#BREAK} or {@link LValue#CONTINUE}
     * @param output what the bodies it passed rendered before it
     */
    record Interrupt(Object kind, String output) {

        boolean isBreak() {
            return kind == LValue.BREAK;
        }

        @Override
        public String toString() {
            return output;
        }
    }
}
