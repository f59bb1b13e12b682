package kb.model;

import java.util.List;
import java.util.Objects;

/**
 * One block of an article section, as the text shows it. Every line of the article body ends up
 * in exactly one block, so rendering the blocks in order loses no word.
 */
public sealed interface Block {

    /** The block's text as in the source (paragraphs reflowed), for word checks and the index. */
    String text();

    /**
     * Hard-wrapped prose, reflowed: the source lines joined with single spaces.
     *
     * @param text the reflowed text
     */
    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An indented, wrapped quotation (an indented note or a quoted passage), reflowed.
     *
     * @param text the reflowed text
     */
    record Quote(String text) implements Block {
        public Quote {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A list of items with the same kind of marker.
     *
     * @param ordered whether the markers are numbers or letters
     * @param start   the first item's number (1 when unordered; lists may continue, e.g. 5)
     * @param style   the marker style: {@code -}, {@code *}, {@code o}, {@code 1.}, {@code 1)},
     *                {@code a.}, {@code A.}, {@code (a)}, {@code ·}
     * @param items   the items
     */
    record ListBlock(boolean ordered, int start, String style, List<ListItem> items) implements Block {
        public ListBlock {
            Objects.requireNonNull(style, "style");
            items = List.copyOf(items);
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (ListItem item : items) {
                sb.append(item.marker()).append(' ').append(item.text()).append('\n');
                item.blocks().forEach(b -> sb.append(b.text()).append('\n'));
            }
            return sb.toString();
        }
    }

    /**
     * Text whose layout matters (code, tables, diagrams, command lines, registry paths, display
     * lines, ragged lines): kept exactly, spaces and line breaks included.
     *
     * @param text the lines, as in the source
     * @param kind what the block looks like, for styling
     */
    record Preformatted(String text, PreKind kind) implements Block {
        public Preformatted {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Reference lines citing other articles ({@code Q151261 OFF97: How to Obtain ...}).
     *
     * @param text       the lines, as in the source
     * @param references the citations, one per line
     */
    record ReferenceList(String text, List<Reference> references) implements Block {
        public ReferenceList {
            Objects.requireNonNull(text, "text");
            references = List.copyOf(references);
        }
    }

    /** What a preformatted block looks like. */
    enum PreKind {
        CODE, TABLE, DIAGRAM, COMMAND, REGISTRY, DISPLAY, RAGGED;

        /** The lower-case name used as a CSS class suffix. */
        public String cssName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
