package kb.parse;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The nodes kb adds to Flexmark's tree for kramdown's syntax. Each lives in one parsed document
 * and is confined to its thread.
 */
final class KramdownNodes {

    private KramdownNodes() {
    }

    /**
     * A line {@code {: .x}} (an IAL) or {@code {:name: .x}} (an ALD) on its own. The post-processor
     * moves its attributes to the block it belongs to and takes it out of the tree.
     */
    static final class AttributeBlock extends Block {
        private final AttributeList attributes;
        /** The ALD's name, or empty for an IAL. */
        private final String aldName;

        AttributeBlock(BasedSequence chars, AttributeList attributes, String aldName) {
            super(chars);
            this.attributes = attributes;
            this.aldName = aldName;
        }

        AttributeList attributes() {
            return attributes;
        }

        String aldName() {
            return aldName;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * A span IAL ({@code *x*{: .y}}). The post-processor gives its attributes to the element
     * right before it; when that is plain text, kramdown shows the IAL as text, and so does kb.
     */
    static final class SpanAttributes extends Node {
        private final AttributeList attributes;

        SpanAttributes(BasedSequence chars, AttributeList attributes) {
            super(chars);
            this.attributes = attributes;
        }

        AttributeList attributes() {
            return attributes;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * A typographic character kramdown makes of the source: a smart quote, a dash, an ellipsis,
     * a guillemet. {@code eatsSpaceBefore} for {@code " >>"}, whose space becomes part of the
     * symbol (a no-break space).
     */
    static final class Typographic extends Node {
        private final String text;
        private final boolean eatsSpaceBefore;

        Typographic(BasedSequence chars, String text, boolean eatsSpaceBefore) {
            super(chars);
            this.text = text;
            this.eatsSpaceBefore = eatsSpaceBefore;
        }

        /** The characters to write. */
        String text() {
            return text;
        }

        boolean eatsSpaceBefore() {
            return eatsSpaceBefore;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** The table of contents that replaces a list marked {@code {:toc}}. */
    static final class TableOfContents extends Block {
        private final boolean ordered;

        TableOfContents(BasedSequence chars, boolean ordered) {
            super(chars);
            this.ordered = ordered;
        }

        boolean ordered() {
            return ordered;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * An HTML element with {@code markdown="1"}: its content is Markdown (the children), its tags
     * are written around it without the attribute.
     */
    static final class MarkdownHtml extends Block {
        private final String openingTag;
        private final String tagName;

        MarkdownHtml(BasedSequence chars, String openingTag, String tagName) {
            super(chars);
            this.openingTag = openingTag;
            this.tagName = tagName;
        }

        /** The opening tag without the {@code markdown} attribute. */
        String openingTag() {
            return openingTag;
        }

        String tagName() {
            return tagName;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }
}
