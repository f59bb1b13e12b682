package kb.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.html.ContentPostProcessor;
import kb.html.ProcessedContent;
import kb.parse.FrontMatterParser;
import kb.parse.LiquidContext;
import kb.parse.LiquidRenderer;
import kb.parse.MarkdownRenderer;
import kb.parse.SourceText;
import kb.render.LayoutRenderer;
import org.jsoup.Jsoup;

/**
 * Turns one planned page into its output: Liquid, then Markdown (for Markdown pages), then HTML
 * post-processing of the content, then the layout chain. Thread-safe: every collaborator is.
 */
final class PageProcessor {

    private final SiteConfig config;
    private final Map<String, Object> site;
    private final SourceReader reader = new SourceReader();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final LiquidRenderer liquid = new LiquidRenderer();
    private final MarkdownRenderer markdown;
    private final ContentPostProcessor postProcessor;
    private final LayoutRenderer layouts;

    PageProcessor(SiteConfig config, Map<String, Object> site, MarkdownRenderer markdown,
            ContentPostProcessor postProcessor, LayoutRenderer layouts) {
        this.config = config;
        this.site = site;
        this.markdown = markdown;
        this.postProcessor = postProcessor;
        this.layouts = layouts;
    }

    /** Renders the page; diagnostics go to {@code diagnostics}. Empty if the file changed under us. */
    Optional<RenderedPage> render(PlannedPage page, Diagnostics diagnostics) {
        String file = page.source().displayName();
        String text = reader.read(page.source(), new Diagnostics()); // warned about in the plan
        Optional<SourceText> split = frontMatter.split(text, file, diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        SourceText source = split.get();
        Map<String, Object> pageVars = new LinkedHashMap<>(page.frontMatter().values());
        pageVars.put("url", page.url());
        pageVars.put("path", page.source().relativePath());

        String body = page.frontMatter().renderWithLiquid()
                ? liquid.render(source.body(), new LiquidContext(site, pageVars, config), file,
                        source.bodyLine(), diagnostics)
                : source.body();
        String html = page.markdown() ? markdown.render(body) : body;
        ProcessedContent content = page.markdown() || page.outputPath().endsWith(".html")
                ? postProcessor.process(html)
                : new ProcessedContent(html, "", java.util.List.of());

        String title = plainTitle(page, content.html());
        pageVars.put("content", content.html());
        pageVars.putIfAbsent("title", title);
        String output = layouts.render(page.frontMatter().layout(), site, pageVars, content.html(),
                layoutPosition(text, file), diagnostics);
        return Optional.of(new RenderedPage(page, output, title, content.text(), content.links()));
    }

    /** The title as plain text: front matter, else the first heading, else the URL. */
    private static String plainTitle(PlannedPage page, String html) {
        Optional<String> fm = page.frontMatter().title().filter(t -> !t.isBlank());
        if (fm.isPresent()) {
            String t = fm.get();
            return t.indexOf('&') < 0 && t.indexOf('<') < 0 ? t : Jsoup.parseBodyFragment(t).text();
        }
        int h = html.indexOf("<h1");
        if (h < 0) {
            h = html.indexOf("<h2");
        }
        if (h >= 0) {
            int end = html.indexOf("</h", h);
            if (end > h) {
                String heading = Jsoup.parseBodyFragment(html.substring(h, end)).text();
                if (!heading.isBlank()) {
                    return heading;
                }
            }
        }
        return page.url();
    }

    /** Where the page's {@code layout:} line is, for layout diagnostics. */
    private static SourcePosition layoutPosition(String text, String file) {
        int at = text.indexOf("\nlayout:");
        return at < 0 ? SourcePosition.of(file) : SourcePosition.at(file, text, at + 1, 1);
    }
}
