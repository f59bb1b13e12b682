package kb.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.ArrayList;
import java.util.List;
import kb.parse.KramdownTree.Facts;

/**
 * Puts kramdown's attributes on the elements Flexmark writes: those of IALs and ALDs (on a
 * heading before its id, as kramdown orders them; elsewhere after Flexmark's own, as
 * {@code href}), GFM's task-list classes, and table alignment as {@code style="text-align: …"}.
 * Stateless.
 */
final class KramdownAttributes implements AttributeProvider {

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (part == CoreNodeRenderer.CODE_CONTENT || part == CoreNodeRenderer.PARAGRAPH_LINE) {
            return;
        }
        if (node instanceof TableCell && attributes.contains("align")) {
            String align = attributes.getValue("align");
            attributes.remove("align");
            attributes.addValue("style", "text-align: " + align);
        }
        Node root = node;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Facts facts = root instanceof Document document ? KramdownTree.FACTS.get(document) : null;
        if (facts == null) {
            return;
        }
        if (node instanceof ListBlock && facts.taskLists().contains(node)) {
            attributes.addValue("class", "task-list");
        } else if (node instanceof ListItem && !(node instanceof TaskListItem) && facts.taskLists().contains(node.getParent())
                && afterTaskItem(node)) {
            attributes.addValue("class", "task-list-item");
        }
        AttributeList own = facts.attributesOf(node);
        if (own == null) {
            return;
        }
        if (node instanceof Heading) {
            List<Attribute> existing = new ArrayList<>(attributes.values());
            attributes.clear();
            own.values().forEach(attributes::replaceValue);
            for (Attribute attribute : existing) {
                if (attribute.getName().equals("class")) {
                    attributes.addValue("class", attribute.getValue());
                } else if (!attributes.contains(attribute.getName())) {
                    attributes.replaceValue(attribute.getName(), attribute.getValue());
                }
            }
        } else {
            own.values().forEach((key, value) -> {
                if (key.equals("class")) {
                    attributes.addValue(key, value);
                } else {
                    attributes.replaceValue(key, value);
                }
            });
        }
    }

    /** kramdown marks the items of a task list from its first task item on. */
    private static boolean afterTaskItem(Node item) {
        for (Node previous = item.getPrevious(); previous != null; previous = previous.getPrevious()) {
            if (previous instanceof TaskListItem) {
                return true;
            }
        }
        return false;
    }

    /** Makes the provider for each rendering. */
    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new KramdownAttributes();
        }
    }
}
