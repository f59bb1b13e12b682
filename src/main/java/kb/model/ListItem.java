package kb.model;

import java.util.List;
import java.util.Objects;

/**
 * One list item: its marker, its reflowed text, and the blocks that follow it at its
 * continuation indent (sub-paragraphs, notes, display lines, nested lists).
 *
 * @param marker the marker as written ({@code -}, {@code 3.}, {@code b)})
 * @param text   the item's first paragraph, reflowed
 * @param blocks what belongs to the item after it
 */
public record ListItem(String marker, String text, List<Block> blocks) {

    public ListItem {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }
}
