package kb.parse;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * kramdown's syntax as Jekyll uses it, on top of Flexmark's extensions (definition lists,
 * footnotes, abbreviations, task lists, tables): attribute lists, header ids, the table of
 * contents, typography, {@code markdown="1"} HTML, and Jekyll's HTML for code and footnotes.
 * Immutable; build the parser and renderer once and share them.
 */
final class KramdownExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final RougeLanguages languages;

    private KramdownExtension(RougeLanguages languages) {
        this.languages = languages;
    }

    static KramdownExtension create() {
        return new KramdownExtension(RougeLanguages.load());
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(KramdownBlockParsers.ATTRIBUTES);
        builder.customBlockParserFactory(KramdownBlockParsers.MARKDOWN_HTML);
        builder.customInlineParserExtensionFactory(KramdownSpanAttributes.FACTORY);
        builder.customInlineParserExtensionFactory(KramdownTypography.FACTORY);
        builder.postProcessorFactory(new KramdownTree.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(new KramdownHtml.Factory(languages));
        builder.attributeProviderFactory(new KramdownAttributes.Factory());
    }
}
