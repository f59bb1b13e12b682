package kb.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.parse.KramdownNodes.AttributeBlock;
import kb.parse.KramdownNodes.MarkdownHtml;
import kb.parse.KramdownNodes.SpanAttributes;
import kb.parse.KramdownNodes.TableOfContents;
import kb.parse.KramdownNodes.Typographic;
import kb.parse.KramdownTree.Facts;

/**
 * Writes the elements whose HTML Jekyll's kramdown makes differently from Flexmark: code as
 * Rouge marks it up (without its token spans: the text is the same), footnotes with kramdown's
 * ids and roles, the table of contents, {@code markdown="1"} elements and typographic
 * characters. One instance per rendering.
 */
final class KramdownHtml implements NodeRenderer, PhasedNodeRenderer {

    private static final String BACKLINK = "<a href=\"#fnref:%s\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;%s</a>";

    private final RougeLanguages languages;

    KramdownHtml(RougeLanguages languages) {
        this.languages = languages;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(AttributeBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(SpanAttributes.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(Typographic.class, (node, context, html) -> html.raw(node.text())),
                new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, context, html) ->
                        codeBlock(node, "plaintext", node.getContentChars().normalizeEOL(), html)),
                new NodeRenderingHandler<>(Code.class, this::codeSpan),
                new NodeRenderingHandler<>(MarkdownHtml.class, this::markdownHtml),
                new NodeRenderingHandler<>(TableOfContents.class, this::tableOfContents),
                new NodeRenderingHandler<>(DefinitionItem.class, this::definition),
                new NodeRenderingHandler<>(Footnote.class, this::footnote),
                new NodeRenderingHandler<>(FootnoteBlock.class, (node, context, html) -> { }));
    }

    private static Facts facts(Node node) {
        Facts facts = KramdownTree.FACTS.get(node.getDocument());
        return facts != null ? facts : Facts.NONE;
    }

    /** The element's IAL attributes with kramdown's code classes: {@code language-x [own classes] highlighter-rouge}. */
    private static Map<String, String> codeAttributes(Node node, String language) {
        Map<String, String> attributes = new LinkedHashMap<>();
        AttributeList own = facts(node).attributesOf(node);
        if (own != null) {
            attributes.putAll(own.values());
        }
        String classes = attributes.get("class");
        attributes.put("class", "language-" + language + (classes == null ? "" : " " + classes) + " highlighter-rouge");
        return attributes;
    }

    private void fencedCode(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        String info = node.getInfo().toString().trim();
        String language = info.isEmpty() ? "plaintext" : info.split("[\\s?]", 2)[0];
        String text = node.getContentChars().normalizeEOL();
        if (languages.known(language)) {
            codeBlock(node, language, text, html);
        } else {
            // Rouge has no lexer for it: kramdown writes a plain <pre>.
            html.line();
            Map<String, String> attributes = new LinkedHashMap<>();
            AttributeList own = facts(node).attributesOf(node);
            if (own != null) {
                attributes.putAll(own.values());
            }
            html.raw("<pre" + attributes(attributes) + "><code class=\"language-" + escapeAttribute(language) + "\">");
            html.openPre();
            html.raw(escapeText(text));
            html.closePre();
            html.raw("</code></pre>");
            html.line();
        }
    }

    private static void codeBlock(Node node, String language, String text, HtmlWriter html) {
        html.line();
        html.raw("<div" + attributes(codeAttributes(node, language)) + "><div class=\"highlight\"><pre class=\"highlight\"><code>");
        html.openPre();
        html.raw(escapeText(text));
        html.closePre();
        html.raw("</code></pre></div></div>");
        html.line();
    }

    private void codeSpan(Code node, NodeRendererContext context, HtmlWriter html) {
        html.raw("<code" + attributes(codeAttributes(node, "plaintext")) + ">");
        html.raw(escapeText(node.getText().unescapeNoEntities()));
        html.raw("</code>");
    }

    private void markdownHtml(MarkdownHtml node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        html.raw(node.openingTag());
        html.line();
        context.renderChildren(node);
        html.line();
        html.raw("</" + node.tagName() + ">");
        html.line();
    }

    private void tableOfContents(TableOfContents node, NodeRendererContext context, HtmlWriter html) {
        Facts facts = facts(node);
        Map<String, String> attributes = new LinkedHashMap<>();
        AttributeList own = facts.attributesOf(node);
        if (own != null) {
            attributes.putAll(own.values());
        }
        attributes.putIfAbsent("id", "markdown-toc");
        TocTree tree = TocTree.of(node.getDocument(), heading -> {
            AttributeList list = facts.attributesOf(heading);
            return list == null || !list.hasClass("no_toc");
        });
        String tag = node.ordered() ? "ol" : "ul";
        html.line();
        writeToc(tree.entries(), tag, attributes(attributes), attributes.get("id"), context, html);
    }

    private static void writeToc(List<TocTree.Entry> entries, String tag, String attributes, String prefix,
            NodeRendererContext context, HtmlWriter html) {
        html.raw("<" + tag + attributes + ">");
        html.line();
        for (TocTree.Entry entry : entries) {
            String id = escapeAttribute(entry.heading().getAnchorRefId());
            html.raw("<li><a href=\"#" + id + "\" id=\"" + escapeAttribute(prefix) + "-" + id + "\">");
            for (Node child : entry.heading().getChildren()) {
                if (child instanceof Link link) {
                    context.renderChildren(link);
                } else if (!(child instanceof Footnote)) {
                    context.render(child);
                }
            }
            html.raw("</a>");
            if (!entry.children().isEmpty()) {
                html.line();
                writeToc(entry.children(), tag, "", prefix, context, html);
            }
            html.raw("</li>");
            html.line();
        }
        html.raw("</" + tag + ">");
        html.line();
    }

    /**
     * A definition as kramdown writes it: its paragraphs in {@code <p>} when it follows a blank
     * line or holds more than one block, else its text alone.
     */
    private void definition(DefinitionItem node, NodeRendererContext context, HtmlWriter html) {
        Node previous = node.getPrevious();
        boolean loose = node.getFirstChild() != node.getLastChild()
                || previous != null && !KramdownTree.directlyAfter(previous, node);
        html.line();
        html.withAttr().tag("dd");
        for (Node child : node.getChildren()) {
            if (child instanceof Paragraph paragraph) {
                if (loose) {
                    html.line();
                    html.tag("p");
                    context.renderChildren(paragraph);
                    html.tag("/p");
                    html.line();
                } else {
                    context.renderChildren(paragraph);
                }
            } else {
                context.render(child);
            }
        }
        html.tag("/dd");
        html.line();
    }

    private void footnote(Footnote node, NodeRendererContext context, HtmlWriter html) {
        Facts facts = facts(node);
        KramdownTree.Reference reference = facts.references().get(node);
        FootnoteBlock block = node.getFootnoteBlock();
        if (reference == null || block == null) {
            html.text(node.getChars().toString());
            return;
        }
        String name = escapeAttribute(block.getText().toString());
        html.raw("<sup id=\"" + escapeAttribute(reference.id()) + "\" role=\"doc-noteref\"><a href=\"#fn:" + name
                + "\" class=\"footnote\" rel=\"footnote\">" + reference.number() + "</a></sup>");
    }

    @Override
    public Set<RenderingPhase> getRenderingPhases() {
        return Set.of(RenderingPhase.BODY_BOTTOM);
    }

    @Override
    public void renderDocument(NodeRendererContext context, HtmlWriter html, Document document, RenderingPhase phase) {
        Facts facts = KramdownTree.FACTS.get(document);
        if (phase != RenderingPhase.BODY_BOTTOM || facts == null || facts.footnotes().isEmpty()) {
            return;
        }
        html.line();
        html.raw("<div class=\"footnotes\" role=\"doc-endnotes\">");
        html.line();
        html.raw("<ol>");
        html.line();
        for (Map.Entry<FootnoteBlock, Integer> footnote : facts.footnotes().entrySet()) {
            FootnoteBlock block = footnote.getKey();
            String name = block.getText().toString();
            html.raw("<li id=\"fn:" + escapeAttribute(name) + "\" role=\"doc-endnote\">");
            html.line();
            StringBuilder backlinks = new StringBuilder();
            int references = footnote.getValue();
            for (int i = 0; i < references; i++) {
                backlinks.append(i == 0 ? "" : "\u00A0").append(String.format(BACKLINK,
                        escapeAttribute(i == 0 ? name : name + ":" + i), i == 0 ? "" : "<sup>" + (i + 1) + "</sup>"));
            }
            Node last = block.getLastChild();
            for (Node child : block.getChildren()) {
                if (child == last && child instanceof Paragraph paragraph) {
                    html.raw("<p>");
                    context.renderChildren(paragraph);
                    html.raw("\u00A0" + backlinks + "</p>");
                    html.line();
                } else {
                    context.render(child);
                }
            }
            if (!(last instanceof Paragraph)) {
                html.line();
                html.raw("<p>" + backlinks + "</p>");
                html.line();
            }
            html.raw("</li>");
            html.line();
        }
        html.raw("</ol>");
        html.line();
        html.raw("</div>");
        html.line();
    }

    private static String attributes(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder();
        attributes.forEach((key, value) -> sb.append(' ').append(key).append("=\"").append(escapeAttribute(value)).append('"'));
        return sb.toString();
    }

    /** Escapes text as Rouge and kramdown do: {@code & < >}, quotes kept. */
    static String escapeText(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (r != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String escapeAttribute(String value) {
        return escapeText(value).replace("\"", "&quot;");
    }

    /** Makes one renderer per rendering. */
    static final class Factory implements NodeRendererFactory {
        private final RougeLanguages languages;

        Factory(RougeLanguages languages) {
            this.languages = languages;
        }

        @Override
        public NodeRenderer apply(DataHolder options) {
            return new KramdownHtml(languages);
        }
    }
}
