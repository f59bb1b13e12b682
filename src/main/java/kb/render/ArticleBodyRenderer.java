package kb.render;

import kb.model.Article;
import kb.model.Block;
import kb.model.ListItem;
import kb.model.Reference;
import kb.model.Section;

/**
 * Renders an article's sections and blocks as HTML: headings with anchors, reflowed paragraphs,
 * lists with the source's own markers, preformatted text exactly as written, and reference
 * lines as linked lists. Every word of every block is written, in order. Thread-safe.
 */
public final class ArticleBodyRenderer {

    private final InlineText inline;

    public ArticleBodyRenderer(InlineText inline) {
        this.inline = inline;
    }

    /** The body HTML of the article. */
    public String render(Article article) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<div class=\"kb-body\">\n");
        for (Section section : article.sections()) {
            out.append("<section class=\"kb-section\">\n");
            if (section.level() > 0) {
                String tag = section.level() == 1 ? "h2" : "h3";
                out.append('<').append(tag).append(" id=\"").append(section.anchor()).append("\">");
                InlineText.escape(section.heading(), 0, section.heading().length(), out);
                out.append("</").append(tag).append(">\n");
            }
            for (Block block : section.blocks()) {
                block(block, out);
            }
            out.append("</section>\n");
        }
        out.append("</div>\n");
        return out.toString();
    }

    private void block(Block block, StringBuilder out) {
        switch (block) {
            case Block.Paragraph p -> out.append("<p>").append(inline.html(p.text())).append("</p>\n");
            case Block.Quote q -> out.append("<blockquote><p>").append(inline.html(q.text())).append("</p></blockquote>\n");
            case Block.Preformatted pre -> preformatted(pre, out);
            case Block.ReferenceList refs -> references(refs, out);
            case Block.ListBlock list -> list(list, out);
        }
    }

    private void preformatted(Block.Preformatted pre, StringBuilder out) {
        if (pre.kind() == Block.PreKind.RAGGED && !pre.text().startsWith(" ") && !pre.text().contains("\n ")) {
            // Lines broken on purpose at the margin (addresses, menu paths): keep the breaks, not the font.
            out.append("<p class=\"kb-lines\">");
            String[] lines = pre.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                out.append(inline.html(lines[i]));
            }
            out.append("</p>\n");
            return;
        }
        // tabindex: a block wider than the screen scrolls, and keyboard users must reach it to scroll.
        out.append("<pre class=\"kb-pre kb-").append(pre.kind().cssName()).append("\" tabindex=\"0\">")
                .append(inline.html(pre.text())).append("</pre>\n");
    }

    private void references(Block.ReferenceList refs, StringBuilder out) {
        out.append("<ul class=\"kb-refs\">\n");
        for (Reference ref : refs.references()) {
            out.append("<li>").append(inline.html(ref.id() + " " + ref.title())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void list(Block.ListBlock list, StringBuilder out) {
        // Markers that are words (numbers, letters, "o") are written out, so the page keeps the
        // source's numbering, including lists that continue after an interruption.
        boolean explicit = list.items().stream().anyMatch(i -> i.marker().chars().anyMatch(Character::isLetterOrDigit));
        String tag = list.ordered() ? "ol" : "ul";
        out.append('<').append(tag).append(" class=\"kb-list").append(explicit ? " kb-marked" : "").append("\">\n");
        for (ListItem item : list.items()) {
            out.append("<li>");
            if (explicit) {
                out.append("<span class=\"kb-marker\">");
                InlineText.escape(item.marker(), 0, item.marker().length(), out);
                out.append("</span> ");
            }
            out.append(inline.html(item.text()));
            if (!item.blocks().isEmpty()) {
                out.append('\n');
                item.blocks().forEach(b -> block(b, out));
            }
            out.append("</li>\n");
        }
        out.append("</").append(tag).append(">\n");
    }
}
