package kb.liquid;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import liqp.TemplateContext;

/**
 * What one call of {@link LiquidEngine#render} keeps while it runs: the collector it reports
 * into, the limits and the clock, the include depth, the increment counters and the page's
 * source path. Kept in the root context's environment map under a key no Liquid name can take;
 * confined to the rendering thread.
 */
final class RenderState {

    private static final String KEY = "\u0000kb.liquid.state";

    final LiquidEngine engine;
    final Diagnostics diagnostics;
    final Limits limits;
    /** The source-relative path of the page being rendered, for {@code include_relative}. */
    final String pagePath;
    private final long deadline;
    private int depth;
    /** The values {@code increment}/{@code decrement} count, apart from assigned variables. */
    final Map<String, Long> counters = new HashMap<>();
    /** The counter values put where {@code {{ name }}} reads them (compared by identity). */
    final Map<Object, Object> shownCounters = CounterTag.shownCounters();
    private SourcePosition last;

    private RenderState(LiquidEngine engine, Diagnostics diagnostics, Limits limits, String pagePath) {
        this.engine = engine;
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.pagePath = pagePath;
        this.deadline = System.nanoTime() + limits.maxTime().toNanos();
    }

    static RenderState attach(TemplateContext context, LiquidEngine engine, Diagnostics diagnostics,
            Limits limits, String pagePath) {
        RenderState state = new RenderState(engine, diagnostics, limits, pagePath);
        context.getEnvironmentMap().put(KEY, state);
        return state;
    }

    static RenderState of(TemplateContext context) {
        return (RenderState) context.getEnvironmentMap().get(KEY);
    }

    /** The place of the last tag or output started, for failures found outside any tag. */
    SourcePosition last() {
        return last;
    }

    /** Notes that rendering reached {@code at}; fails when the render has run out of time. */
    void checkTime(SourcePosition at) {
        if (at != null) {
            last = at;
        }
        if (System.nanoTime() > deadline) {
            long millis = limits.maxTime().toMillis();
            throw new RenderFailure(at, "Liquid took more than " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms")
                    + " here; the page is skipped");
        }
    }

    RenderFailure tooLong(SourcePosition at) {
        return new RenderFailure(at, String.format(Locale.ROOT,
                "Liquid output passes %,d characters here; the page is skipped", limits.maxOutput()));
    }

    /** Enters an include; fails past the nesting limit (a file including itself). */
    void enterInclude(SourcePosition at, String name) {
        if (++depth > limits.maxDepth()) {
            throw new RenderFailure(at, String.format(Locale.ROOT,
                    "includes nest more than %d deep (does '%s' include itself?); the page is skipped",
                    limits.maxDepth(), name));
        }
    }

    void leaveInclude() {
        depth--;
    }
}
