package kb.model;

import java.util.List;
import java.util.Objects;

/**
 * A part of an article under one underlined heading.
 *
 * @param heading the heading text ({@code SYMPTOMS}), or "" for text before the first heading
 * @param level   1 for headings underlined with {@code =}, 2 for {@code -}, 0 for no heading
 * @param anchor  the id of the heading on the page, unique within the article, or ""
 * @param blocks  the section's blocks, in order
 */
public record Section(String heading, int level, String anchor, List<Block> blocks) {

    public Section {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(anchor, "anchor");
        blocks = List.copyOf(blocks);
    }
}
