package kb.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kb.config.SiteConfig;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.extract.ArticleExtractor;
import kb.extract.ArticleLocator;
import kb.extract.ArticleSource;
import kb.extract.Extraction;
import kb.model.Article;
import kb.parse.HeadingIds;
import kb.render.ArticleBodyRenderer;
import kb.render.ArticleJson;
import kb.render.InlineText;
import kb.search.RelatedArticles;
import kb.diag.SourcePosition;
import kb.html.ContentPostProcessor;
import kb.html.ProcessedContent;
import kb.parse.FrontMatterParser;
import kb.parse.LiquidContext;
import kb.parse.LiquidRenderer;
import kb.parse.MarkdownRenderer;
import kb.parse.SourceText;
import kb.outputs.ArticleNavigation;
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
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticleBodyRenderer articleBody;
    private final ArticleJson articleJson = new ArticleJson();
    private final SitePlan plan;
    private final java.util.function.Function<Article, List<RelatedArticles.Related>> related;
    private final ArticleNavigation navigation;
    private final Map<String, String> listingCodes = new java.util.HashMap<>();

    PageProcessor(SiteConfig config, Map<String, Object> site, MarkdownRenderer markdown,
            ContentPostProcessor postProcessor, LayoutRenderer layouts, SitePlan plan,
            java.util.function.Function<Article, List<RelatedArticles.Related>> related,
            ArticleNavigation navigation) {
        this.config = config;
        this.site = site;
        this.markdown = markdown;
        this.postProcessor = postProcessor;
        this.layouts = layouts;
        this.plan = plan;
        this.related = related;
        this.navigation = navigation;
        plan.listings().forEach((code, url) -> listingCodes.put(url, code));
        this.articleBody = new ArticleBodyRenderer(new InlineText(this::articleHref));
    }

    /** The link to an article of the site by ID, with the base URL. */
    Optional<String> articleHref(String id) {
        return Optional.ofNullable(plan.articleUrls().get(id)).map(config::relativeUrl);
    }

    /** Renders the page; diagnostics go to {@code diagnostics}. Empty if the file changed under us. */
    Optional<RenderedPage> render(PlannedPage page, Diagnostics diagnostics) {
        String file = page.source().displayName();
        String text = reader.read(page.source(), diagnostics);
        Optional<SourceText> split = frontMatter.split(text, file, diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        SourceText source = split.get();
        Map<String, Object> pageVars = new LinkedHashMap<>(page.frontMatter().values());
        pageVars.put("url", page.url());
        pageVars.put("path", page.source().relativePath());

        Optional<ArticleLocator.Located> located = page.markdown()
                ? ArticleLocator.locate(source.body()) : Optional.empty();
        Optional<Extraction> extraction = located.flatMap(l -> extractor.extract(
                new ArticleSource(file, source.bodyLine() + l.firstLine(), page.frontMatter().title().orElse(""),
                        l.articleText(), page.frontMatter().values(), page.url(),
                        plan.listedCodes().getOrDefault(page.url(), List.of())), diagnostics));
        String html;
        boolean plainArticle = false;
        if (extraction.isPresent()) {
            Article article = extraction.get().article();
            ArticleLocator.Located parts = located.get();
            String titleId;
            String before;
            Matcher simple = SIMPLE_HEADING.matcher(parts.before().strip());
            if (simple.matches()) {
                // The archive's "## Qnnn: title" line: its kramdown id, without a Markdown pass.
                titleId = HeadingIds.slug(HeadingIds.typographic(org.jsoup.parser.Parser.unescapeEntities(simple.group(1), false)));
                before = "";
            } else {
                before = markdownPart(parts.before(), page, pageVars, file, source.bodyLine(), diagnostics);
                titleId = HeadingIds.slug(HeadingIds.typographic(plainTitle(page, "")));
                Matcher heading = ONLY_HEADING.matcher(before.strip());
                if (heading.matches()) {
                    titleId = heading.group(1); // the page's own heading becomes the article's title
                    before = "";
                }
            }
            int afterLine = source.bodyLine() + countLines(source.body(), source.body().length() - parts.after().length());
            String after = markdownPart(parts.after(), page, pageVars, file, afterLine, diagnostics);
            html = before + articleBody.render(article) + after;
            plainArticle = before.isEmpty() && after.isEmpty();
            pageVars.put("article", article);
            pageVars.put("article_json", articleJson.toJson(article, this::articleHref));
            pageVars.put("title_id", titleId);
            Map<String, String> productLinks = new java.util.LinkedHashMap<>();
            for (String code : article.productCodes()) {
                String listing = plan.listings().get(code);
                if (listing != null) {
                    productLinks.put(code, config.relativeUrl(listing));
                }
            }
            pageVars.put("product_links", productLinks);
            pageVars.put("related", related.apply(article).stream()
                    .map(r -> new RelatedArticles.Related(r.id(), r.title(), config.relativeUrl(r.url()))).toList());
            Map<String, Object> nav = navigation.variables(article, page.url());
            Object description = pageVars.get("description");
            pageVars.putAll(nav);
            if (description != null) {
                pageVars.put("description", description); // the author's own description wins
            }
        } else {
            String code = listingCodes.get(page.url());
            if (code != null) {
                navigation.generatedListing(code).ifPresent(l -> pageVars.put("generated_listing", l));
            }
            String body = page.frontMatter().renderWithLiquid()
                    ? liquid.render(source.body(), new LiquidContext(site, pageVars, config), file,
                            source.bodyLine(), diagnostics)
                    : source.body();
            html = page.markdown() ? markdown.render(body) : body;
        }
        ProcessedContent content;
        if (plainArticle) {
            // kb wrote every link of an article body itself (with the base URL, to pages that
            // exist): no HTML pass is needed, and the model has the text.
            content = new ProcessedContent(html, extraction.get().article().text(), List.of());
        } else if (page.markdown() || page.outputPath().endsWith(".html")) {
            content = postProcessor.process(html);
        } else {
            content = new ProcessedContent(html, "", List.of());
        }

        String title = plainTitle(page, content.html());
        pageVars.put("content", content.html());
        pageVars.putIfAbsent("title", title);
        String output = layouts.render(page.frontMatter().layout(), site, pageVars, content.html(),
                layoutPosition(text, file), diagnostics);
        return Optional.of(new RenderedPage(page, output, title, content.text(), content.links(),
                extraction.map(Extraction::article)));
    }

    /** A Markdown heading line whose text has no inline Markdown (entities allowed). */
    private static final Pattern SIMPLE_HEADING = Pattern.compile("#{1,6}[ \t]+([^*_`\\[\\]<>!\\\\\n]+?)[ \t#]*");
    private static final Pattern ONLY_HEADING = Pattern.compile("<h[1-6] id=\"([^\"]*)\">[^\n]*</h[1-6]>");

    /** Liquid then Markdown for the page text around an article (usually just its heading). */
    private String markdownPart(String text, PlannedPage page, Map<String, Object> pageVars, String file,
            int line, Diagnostics diagnostics) {
        if (text.isBlank()) {
            return "";
        }
        String body = page.frontMatter().renderWithLiquid()
                ? liquid.render(text, new LiquidContext(site, pageVars, config), file, line, diagnostics)
                : text;
        return markdown.render(body);
    }

    private static int countLines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
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
