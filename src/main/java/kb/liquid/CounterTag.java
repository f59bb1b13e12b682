package kb.liquid;

import java.util.IdentityHashMap;
import java.util.Map;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Liquid's {@code increment} (prints 0, 1, 2, …) and {@code decrement} (prints -1, -2, …). The
 * counters live apart from {@code assign}: {@code {{ name }}} shows a counter until an
 * {@code assign name} hides it, and the next {@code increment name} goes on counting. Unlike
 * Jekyll, whose counters leak into the layout and every later page, they last one render.
 */
final class CounterTag extends Tag {

    private static final Object SHOWN = new Object();

    private final long step;

    /** {@code increment} (step 1) prints the counter, then counts; {@code decrement} (step -1) counts, then prints. */
    CounterTag(String name, long step) {
        super(name);
        this.step = step;
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String name = String.valueOf(nodes[0].render(context)).strip();
        RenderState state = RenderState.of(context);
        long before = state.counters.getOrDefault(name, 0L);
        long after = before + step;
        state.counters.put(name, after);
        long printed = step > 0 ? before : after;
        Object visible = context.get(name);
        if (visible == null || state.shownCounters.get(visible) == SHOWN) {
            Long value = after;
            context.put(name, value, true);
            state.shownCounters.put(value, SHOWN);
        }
        return Long.toString(printed);
    }

    /** The counter values put where {@code {{ name }}} reads them, by identity. */
    static Map<Object, Object> shownCounters() {
        return new IdentityHashMap<>();
    }
}
