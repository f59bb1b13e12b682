package kb.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.parse.KramdownNodes.AttributeBlock;
import kb.parse.KramdownNodes.SpanAttributes;
import kb.parse.KramdownNodes.TableOfContents;
import kb.parse.KramdownNodes.Typographic;

/**
 * Finishes a parsed document the way kramdown finishes its tree: attribute lists go to their
 * elements (a block IAL to the block right above it, else to the next block; ALDs by reference),
 * {@code {#id}} at the end of a heading becomes its id, a list marked {@code {:toc}} becomes the
 * table of contents, and footnotes are numbered in the order of their first reference. What it
 * finds is kept in the document as {@link Facts} for the renderer. One instance per document.
 */
final class KramdownTree extends DocumentPostProcessor {

    /** The facts of one document, for its renderer. */
    static final NullableDataKey<Facts> FACTS = new NullableDataKey<>("KRAMDOWN_FACTS");

    private static final Pattern HEADER_ID = Pattern.compile("[\\t ]\\{#([A-Za-z][\\w:-]*)\\}[ \\t]*$");

    /**
     * What the renderer needs: each element's attributes (ALDs resolved); the referenced
     * footnotes in the order they are numbered, each with its number of references; the id of
     * each reference; the lists that hold a task item.
     */
    record Facts(Map<Node, AttributeList> attributes, Map<FootnoteBlock, Integer> footnotes, Map<Footnote, Reference> references,
            Set<Node> taskLists) {

        /** The facts of a document that was not parsed with {@link KramdownExtension}. */
        static final Facts NONE = new Facts(Map.of(), Map.of(), Map.of(), Set.of());

        AttributeList attributesOf(Node node) {
            return attributes.get(node);
        }
    }

    /** A footnote reference: its id ({@code fnref:name}, {@code fnref:name:1}, ...) and the footnote's number. */
    record Reference(String id, int number) {
    }

    @Override
    public Document processDocument(Document document) {
        Map<Node, AttributeList> attributes = new IdentityHashMap<>();
        Map<String, AttributeList> alds = new HashMap<>();
        List<AttributeBlock> blocks = new ArrayList<>();
        List<SpanAttributes> spans = new ArrayList<>();
        List<Footnote> footnotes = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        Set<Node> taskLists = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : document.getDescendants()) {
            if (node instanceof AttributeBlock block) {
                blocks.add(block);
            } else if (node instanceof SpanAttributes span) {
                spans.add(span);
            } else if (node instanceof Typographic symbol && symbol.eatsSpaceBefore()
                    && symbol.getPrevious() instanceof Text text && text.getChars().endsWith(" ")) {
                text.setChars(text.getChars().subSequence(0, text.getChars().length() - 1));
            } else if (node instanceof Heading heading) {
                headings.add(heading);
            } else if (node instanceof Footnote footnote) {
                footnotes.add(footnote);
            } else if (node instanceof TaskListItem item) {
                taskLists.add(item.getParent());
            }
        }
        headings.forEach(KramdownTree::headerId);
        attachBlockLists(blocks, attributes, alds);
        for (SpanAttributes span : spans) {
            Node previous = span.getPrevious();
            if (previous != null && !(previous instanceof Text) && !(previous instanceof Typographic)) {
                attributes.computeIfAbsent(previous, n -> new AttributeList()).addAll(span.attributes());
            } else {
                span.insertBefore(new Text(span.getChars())); // kramdown leaves it as text
            }
            span.unlink();
        }
        Map<Node, AttributeList> resolved = new IdentityHashMap<>();
        attributes.forEach((node, list) -> resolved.put(node, list.resolve(alds)));
        for (Map.Entry<Node, AttributeList> entry : new ArrayList<>(resolved.entrySet())) {
            Node node = entry.getKey();
            AttributeList list = entry.getValue();
            String id = list.values().get("id");
            if (node instanceof Heading heading && id != null) {
                heading.setAnchorRefId(id);
            } else if (node instanceof ListBlock listBlock && list.refs().contains("toc")) {
                TableOfContents toc = new TableOfContents(listBlock.getChars(), listBlock instanceof OrderedList);
                listBlock.insertBefore(toc);
                listBlock.unlink();
                resolved.remove(node);
                resolved.put(toc, list.withoutRefs());
            }
        }
        document.set(FACTS, numberFootnotes(footnotes, resolved, taskLists, document));
        return document;
    }

    /** {@code ## Title {#id}}: the id is taken and the text loses it. */
    private static void headerId(Heading heading) {
        if (heading.getLastChild() instanceof Text text) {
            Matcher m = HEADER_ID.matcher(text.getChars());
            if (m.find()) {
                heading.setAnchorRefId(m.group(1));
                BasedSequence kept = text.getChars().subSequence(0, m.start()).trimEnd();
                if (kept.isEmpty()) {
                    text.unlink();
                } else {
                    text.setChars(kept);
                }
            }
        }
    }

    /**
     * Gives each IAL line to its block: the block right above it (no blank line between), else
     * the next block; ALD lines are collected. The lines leave the tree.
     */
    private static void attachBlockLists(List<AttributeBlock> blocks, Map<Node, AttributeList> attributes,
            Map<String, AttributeList> alds) {
        Map<AttributeBlock, Node> targets = new IdentityHashMap<>();
        for (AttributeBlock block : blocks) {
            if (!block.aldName().isEmpty()) {
                alds.computeIfAbsent(block.aldName(), n -> new AttributeList()).addAll(block.attributes());
                continue;
            }
            if (block.getParent() instanceof DefinitionItem item && block.getNext() == null
                    && block.getStartOffset() == block.getChars().getBaseSequence().startOfLine(block.getStartOffset())) {
                // kramdown ends the definition at an unindented IAL line, which then belongs to the list
                Node list = item.getParent();
                attributes.computeIfAbsent(list, n -> new AttributeList()).addAll(block.attributes());
                targets.put(block, list);
                continue;
            }
            Node previous = block.getPrevious();
            boolean direct = previous != null && directlyAfter(previous, block);
            Node target = null;
            if (direct) {
                target = previous instanceof AttributeBlock line ? targets.get(line) : previous;
            }
            if (target == null) {
                target = nextBlock(block);
            }
            if (target != null) {
                targets.put(block, target);
                attributes.computeIfAbsent(target, n -> new AttributeList()).addAll(block.attributes());
            }
        }
        blocks.forEach(Node::unlink);
    }

    private static Node nextBlock(Node node) {
        Node next = node.getNext();
        while (next instanceof AttributeBlock) {
            next = next.getNext();
        }
        return next;
    }

    /** Whether {@code line} starts on the line after {@code block}'s last text. */
    static boolean directlyAfter(Node block, Node line) {
        BasedSequence chars = block.getChars().trimEnd();
        if (chars.isEmpty()) {
            return false;
        }
        int from = chars.getEndOffset();
        int to = line.getStartOffset();
        if (to < from) {
            return false;
        }
        BasedSequence between = line.getChars().baseSubSequence(from, to);
        int newlines = 0;
        for (int i = 0; i < between.length(); i++) {
            if (between.charAt(i) == '\n') {
                newlines++;
            }
        }
        return newlines <= 1;
    }

    /** Numbers the referenced footnotes by first reference; a note referenced again gets {@code fnref:name:1}, .... */
    private static Facts numberFootnotes(List<Footnote> references, Map<Node, AttributeList> attributes, Set<Node> taskLists,
            Document document) {
        Map<FootnoteBlock, Integer> counts = new LinkedHashMap<>();
        Map<Footnote, Reference> ids = new IdentityHashMap<>();
        Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();
        for (Footnote reference : references) {
            FootnoteBlock block = reference.getReferenceNode(document);
            if (block == null) {
                continue;
            }
            int seen = counts.getOrDefault(block, 0);
            String name = block.getText().toString();
            int number = numbers.computeIfAbsent(block, b -> numbers.size() + 1);
            ids.put(reference, new Reference(seen == 0 ? "fnref:" + name : "fnref:" + name + ":" + seen, number));
            counts.put(block, seen + 1);
        }
        return new Facts(attributes, counts, ids, taskLists);
    }

    /** Registers the post-processor with Flexmark's parser. */
    static final class Factory extends DocumentPostProcessorFactory {
        @Override
        public DocumentPostProcessor apply(Document document) {
            return new KramdownTree();
        }
    }
}
