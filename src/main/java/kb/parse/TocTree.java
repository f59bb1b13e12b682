package kb.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The headings of a document nested as kramdown's {@code generate_toc_tree} nests them: a
 * heading goes under the nearest earlier heading of a lower level, else at the top.
 */
record TocTree(List<Entry> entries) {

    /** A heading and the entries nested under it. */
    record Entry(Heading heading, int level, List<Entry> children) {
    }

    /** The tree of the document's headings that have an id and that {@code include} accepts. */
    static TocTree of(Document document, Predicate<Heading> include) {
        List<Entry> top = new ArrayList<>();
        Deque<Entry> stack = new ArrayDeque<>();
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Heading heading) || heading.getAnchorRefId().isEmpty() || !include.test(heading)) {
                continue;
            }
            Entry entry = new Entry(heading, heading.getLevel(), new ArrayList<>());
            while (!stack.isEmpty() && stack.peek().level() >= entry.level()) {
                stack.pop();
            }
            (stack.isEmpty() ? top : stack.peek().children()).add(entry);
            stack.push(entry);
        }
        return new TocTree(top);
    }
}
