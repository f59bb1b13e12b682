package kb.liquid;

import java.util.Locale;
import kb.diag.SourcePosition;
import liqp.TemplateContext;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.nodes.LNode;

/**
 * A tag, output or assignment with its place in the source. Before rendering the node it checks
 * the render's time limit; a failure below it that names no place gets this node's place, and
 * anything a tag or filter throws becomes a {@link RenderFailure} here, so that a render never
 * ends in an exception without a position.
 */
final class Located implements LNode {

    private final LNode node;
    private final SourcePosition at;

    private final boolean output;

    Located(LNode node, SourcePosition at, boolean output) {
        this.node = node;
        this.at = at;
        this.output = output;
    }

    /** The node without its place. */
    LNode node() {
        return node;
    }

    @Override
    public Object render(TemplateContext context) {
        RenderState state = RenderState.of(context);
        state.checkTime(at);
        try {
            Object value = node.render(context);
            if (output) {
                value = Values.output(value);
            }
            if (value instanceof CharSequence text && text.length() > RenderState.of(context).limits.maxOutput()) {
                throw state.tooLong(at);
            }
            return value;
        } catch (RenderFailure failure) {
            throw failure.located() ? failure : failure.at(at);
        } catch (ExceededMaxIterationsException e) {
            throw new RenderFailure(at, String.format(Locale.ROOT,
                    "loops ran more than %,d times; the page is skipped", state.limits.maxIterations()));
        } catch (StackOverflowError e) {
            throw new RenderFailure(at, "Liquid nests too deeply; the page is skipped");
        } catch (RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof RenderFailure failure) {
                    throw failure.located() ? failure : failure.at(at);
                }
            }
            if (String.valueOf(e.getMessage()).startsWith("rendered string exceeds")) {
                throw RenderState.of(context).tooLong(at);
            }
            throw new RenderFailure(at, Messages.describe(e));
        }
    }
}
