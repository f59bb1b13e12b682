package kb.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.List;

/**
 * Markdown to HTML with Flexmark, configured to match what Jekyll's kramdown makes of a
 * knowledge base: indented code blocks, GFM tables, autolinks, strikethrough, and kramdown's
 * heading ids ({@link HeadingIds}). One parser and one renderer are built and shared: both are
 * thread-safe.
 */
public final class MarkdownRenderer {

    /** GFM's checkbox as kramdown writes it. */
    private static final String CHECKBOX = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" ";

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        KramdownExtension kramdown = KramdownExtension.create();
        TablesExtension tables = TablesExtension.create();
        StrikethroughExtension strikethrough = StrikethroughExtension.create();
        DefinitionExtension definitions = DefinitionExtension.create();
        AbbreviationExtension abbreviations = AbbreviationExtension.create();
        TaskListExtension taskLists = TaskListExtension.create();
        options.set(Parser.EXTENSIONS, List.of(tables, AutolinkExtension.create(), strikethrough, definitions,
                FootnoteExtension.create(), abbreviations, taskLists, kramdown));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        // kramdown writes <br /> and keeps soft line breaks as newlines.
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TaskListExtension.ITEM_DONE_MARKER, CHECKBOX + "checked=\"checked\" />");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, CHECKBOX.strip() + " />");
        // Flexmark's own link label search takes exponential time on runs of backslashes.
        this.parser = Parser.builder(options).customInlineParserFactory(LinearLinkLabels.FACTORY).build();
        // kb writes footnotes itself (KramdownHtml): Flexmark's footnote renderer is left out.
        MutableDataSet rendererOptions = new MutableDataSet(options);
        rendererOptions.set(Parser.EXTENSIONS, List.of(tables, strikethrough, definitions, abbreviations, taskLists, kramdown));
        this.renderer = HtmlRenderer.builder(rendererOptions)
                .htmlIdGeneratorFactory(new KramdownIdsFactory())
                .build();
    }

    /** Renders Markdown text to an HTML fragment. */
    public String render(String markdown) {
        Document document = parser.parse(markdown);
        return renderer.render(document);
    }

    /** Makes one {@link KramdownIds} per rendered document. */
    private static final class KramdownIdsFactory implements HeaderIdGeneratorFactory {
        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return new KramdownIds();
        }

        @Override
        public HtmlIdGenerator create() {
            return new KramdownIds();
        }
    }

    /** Assigns kramdown-style ids to a document's headings; one instance per document. */
    private static final class KramdownIds implements HtmlIdGenerator {
        private final HeadingIds ids = new HeadingIds();

        @Override
        public void generateIds(Document document) {
            for (Node node : document.getDescendants()) {
                if (node instanceof Heading heading && heading.getAnchorRefId().isEmpty()) {
                    heading.setAnchorRefId(ids.next(headingText(heading)));
                }
            }
        }

        /** The heading's text as kramdown sees it: typographic dashes in text, not in code spans. */
        private static String headingText(Heading heading) {
            StringBuilder sb = new StringBuilder();
            for (Node node : heading.getDescendants()) {
                if (node instanceof Code code) {
                    sb.append(code.getText().unescape());
                } else if (node instanceof Text text && !(text.getParent() instanceof Code)) {
                    sb.append(HeadingIds.typographic(text.getChars().unescape()));
                } else if (node instanceof KramdownNodes.Typographic symbol) {
                    sb.append(symbol.text());
                } else if (node instanceof Abbreviation abbreviation) {
                    sb.append(abbreviation.getChars());
                } else if (node instanceof HtmlEntity entity) {
                    sb.append(Escaping.unescapeHtml(entity.getChars()));
                } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                    sb.append(' ');
                }
            }
            return sb.toString();
        }

        @Override
        public String getId(Node node) {
            return node instanceof Heading heading ? heading.getAnchorRefId() : null;
        }

        @Override
        public String getId(CharSequence text) {
            return HeadingIds.slug(text.toString());
        }
    }
}
