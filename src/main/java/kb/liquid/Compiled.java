package kb.liquid;

import java.util.List;
import java.util.Optional;
import kb.diag.Diagnostic;
import liqp.nodes.LNode;

/**
 * One Liquid text parsed once, ready to render any number of times from any thread (Liqp's nodes
 * keep no state of their own: a render's state lives in its context).
 *
 * @param text     the text parsed, to tell whether a cached file changed
 * @param root     the nodes to render; renders nothing when {@code error} is present
 * @param warnings what parsing found that a render reports (unknown tags and filters)
 * @param error    the syntax error that makes the text unusable, if any
 */
record Compiled(String text, LNode root, List<Diagnostic> warnings, Optional<Diagnostic> error) {

    Compiled {
        warnings = List.copyOf(warnings);
    }
}
