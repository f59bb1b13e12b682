package kb.parse;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.parse.KramdownNodes.AttributeBlock;
import kb.parse.KramdownNodes.MarkdownHtml;

/**
 * kramdown's block syntax that Flexmark lacks: attribute lines ({@code {: .x}} after or before a
 * block, {@code {:name: .x}}) and HTML elements whose content is Markdown ({@code markdown="1"}).
 * An attribute line ends a paragraph, as in kramdown (in CommonMark it would continue it).
 */
final class KramdownBlockParsers {

    /** kramdown's {@code IAL_BLOCK} and {@code ALD_START} (the name and colon in group 1). */
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("\\{:(?![:/])(\\w[\\w-]*:)?((?:\\\\\\}|[^}])+)\\}[ \\t]*\\r?\\n?");
    private static final Pattern MARKDOWN_TAG = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)(\\s[^<>]*?)?\\s+markdown\\s*=\\s*(?:\"(?:1|block)\"|'(?:1|block)'|1|block)([^<>]*)>[ \\t]*\\r?\\n?");

    private KramdownBlockParsers() {
    }

    /** Registers the attribute lines. */
    static final CustomBlockParserFactory ATTRIBUTES = new AttributeLines();
    /** Registers the {@code markdown="1"} elements, before Flexmark's HTML blocks. */
    static final CustomBlockParserFactory MARKDOWN_HTML = new MarkdownHtmlElements();

    private static final class AttributeLines implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AttributeLineStart(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class MarkdownHtmlElements implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new MarkdownHtmlStart(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(HtmlBlockParser.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class AttributeLineStart extends AbstractBlockParserFactory {
        AttributeLineStart(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex());
            Matcher m = ATTRIBUTE_LINE.matcher(rest);
            if (!m.matches()) {
                return BlockStart.none();
            }
            String name = m.group(1) == null ? "" : m.group(1).substring(0, m.group(1).length() - 1);
            AttributeBlock block = new AttributeBlock(rest.trimEOL(), AttributeList.parse(m.group(2)), name);
            return BlockStart.of(new LineParser(block)).atIndex(line.length());
        }
    }

    /** A one-line block. */
    private static final class LineParser extends AbstractBlockParser {
        private final Block block;

        LineParser(Block block) {
            this.block = block;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {
        }
    }

    private static final class MarkdownHtmlStart extends AbstractBlockParserFactory {
        MarkdownHtmlStart(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex());
            Matcher m = MARKDOWN_TAG.matcher(rest);
            if (!m.matches()) {
                return BlockStart.none();
            }
            String name = m.group(1);
            String before = m.group(2) == null ? "" : m.group(2);
            String opening = "<" + name + before + m.group(3).stripTrailing() + ">";
            MarkdownHtml block = new MarkdownHtml(rest.trimEOL(), opening, name);
            return BlockStart.of(new MarkdownHtmlParser(block)).atIndex(line.length());
        }
    }

    /**
     * The element's content, up to its closing tag on a line of its own (tags of the same name
     * opened in between are counted). The closing line is read as an empty line of the content,
     * and the element closes on the line after.
     */
    private static final class MarkdownHtmlParser extends AbstractBlockParser {
        private final MarkdownHtml block;
        private final Pattern opening;
        private final Pattern closing;
        private int depth;
        private boolean closed;

        MarkdownHtmlParser(MarkdownHtml block) {
            this.block = block;
            String name = Pattern.quote(block.tagName());
            this.opening = Pattern.compile("(?i)[ \\t]*<" + name + "(?:[\\s>].*)?\\r?\\n?");
            this.closing = Pattern.compile("(?i)[ \\t]*</" + name + "\\s*>[ \\t]*\\r?\\n?");
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (closed) {
                return BlockContinue.none();
            }
            BasedSequence line = state.getLine();
            if (closing.matcher(line).matches()) {
                if (depth == 0) {
                    closed = true;
                    return BlockContinue.atIndex(line.length());
                }
                depth--;
            } else if (opening.matcher(line).matches()) {
                depth++;
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void closeBlock(ParserState state) {
        }
    }
}
