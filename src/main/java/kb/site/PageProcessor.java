package kb.site;

import java.nio.file.Path;
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
import kb.html.BaseUrlLinks;
import kb.html.ContentPostProcessor;
import kb.html.ProcessedContent;
import kb.parse.FrontMatterParser;
import kb.jekyll.SiteModel;
import kb.parse.ControlCharacters;
import kb.parse.MarkdownNesting;
import kb.parse.MarkdownRenderer;
import kb.parse.SourceText;
import kb.render.LayoutRenderer;
import org.jsoup.Jsoup;

/**
 * Turns one planned page into its output: Liquid, then Markdown (for Markdown pages), then HTML
 * post-processing of the content, then the layout chain. Thread-safe: every collaborator is.
 */
final class PageProcessor implements SiteModel.ContentRenderer {

    private final SiteConfig config;
    private final Map<String, Object> site;
    private final SourceReader reader = new SourceReader();
    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final SiteLiquid liquid;
    /** Where rendering a page's content for another page reports (the page itself reports it again: counted once). */
    private final Diagnostics contentDiagnostics;
    private final Map<String, PlannedPage> byPath = new java.util.HashMap<>();
    private final MarkdownRenderer markdown;
    private final ContentPostProcessor postProcessor;
    private final LayoutRenderer layouts;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticleBodyRenderer articleBody;
    private final ArticleJson articleJson = new ArticleJson();
    private final SharedValues shared = new SharedValues();
    private final SlimArticles slimArticles = new SlimArticles(shared);
    private final SitePlan plan;

    /**
     * @param liquid the build's Liquid: its site model is set up here, with this processor
     *               rendering the contents that other pages read
     */
    PageProcessor(SiteConfig config, Map<String, Object> site, MarkdownRenderer markdown,
            ContentPostProcessor postProcessor, LayoutRenderer layouts, SitePlan plan, SiteLiquid liquid,
            Diagnostics diagnostics) {
        this.config = config;
        this.liquid = liquid;
        plan.pages().forEach(p -> byPath.put(p.source().relativePath(), p));
        plan.unpublished().forEach(p -> byPath.put(p.source().relativePath(), p));
        this.site = site;
        this.markdown = markdown;
        this.postProcessor = postProcessor;
        this.layouts = layouts;
        this.plan = plan;
        this.articleBody = new ArticleBodyRenderer(new InlineText(this::articleHref));
        this.contentDiagnostics = diagnostics;
        liquid.model(plan, site, this, diagnostics);
    }

    /** The processor of a build: its Markdown, base-URL links, Liquid and layouts. */
    static PageProcessor forBuild(Setup setup, SitePlan plan, Diagnostics diagnostics) {
        MarkdownRenderer markdown = new MarkdownRenderer();
        Path source = setup.options().source();
        SiteLiquid liquid = new SiteLiquid(source, setup.config(), setup.jekyll(), plan, markdown::render,
                SiteLiquid.usesOwnLayouts(setup.config(), source), diagnostics);
        return new PageProcessor(setup.config(), setup.site(), markdown,
                new ContentPostProcessor(List.of(new BaseUrlLinks(setup.config().baseurl()))), setup.layouts(), plan,
                liquid, diagnostics);
    }

    /** The values this processor's pages share (and the term windows of their articles may). */
    SharedValues shared() {
        return shared;
    }

    /** The link to an article of the site by ID, with the base URL. */
    Optional<String> articleHref(String id) {
        return Optional.ofNullable(plan.articleUrls().get(id)).map(config::relativeUrl);
    }

    /**
     * The first half of a page: reads the source once, extracts its article (if it holds one),
     * renders its content and gathers its variables — everything that does not depend on the rest
     * of the site. Empty if the file cannot be split any more (it changed under us).
     */
    Optional<PreparedPage> prepare(PlannedPage page, Diagnostics diagnostics) {
        String file = page.source().displayName();
        String text = reader.read(page.source(), diagnostics);
        Optional<SourceText> split = frontMatter.split(text, file, diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        SourceText source = withoutControls(split.get(), file, diagnostics);
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
            // The template reads the article's facts and its section headings, never its blocks:
            // the page keeps the article without them until it is finished.
            pageVars.put("article", slimArticles.slim(article));
            pageVars.put(PreparedPage.JSON, articleJson.toJson(article, this::articleHref));
            pageVars.put("title_id", titleId);
            Map<String, String> productLinks = new java.util.LinkedHashMap<>();
            for (String code : article.productCodes()) {
                String listing = plan.listings().get(code);
                if (listing != null) {
                    productLinks.put(code, config.relativeUrl(listing));
                }
            }
            pageVars.put("product_links", productLinks);
        } else {
            Optional<String> rendered = content(page, source.body(), source.bodyLine(), pageVars, diagnostics);
            if (rendered.isEmpty()) {
                return Optional.empty(); // its Liquid failed, reported: the page is not published
            }
            html = rendered.get();
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
        return Optional.of(new PreparedPage(page, pageVars, new PageText.Plain(content.html()), title, content.text(),
                extraction.map(Extraction::article), layoutPosition(text, file),
                SiteReading.readsSite(source.body(), config.values().keySet())));
    }

    /**
     * The second half: the page's navigation and related articles (which depend on the whole
     * site) join its variables, and the layouts make the output file.
     *
     * @param navigation the variables {@link kb.outputs.ArticleNavigation} gives an article page, or
     *                   the {@code generated_listing} of a product code's source listing page
     * @param related    the related articles of an article page
     * @return the page, or empty when a layout failed (reported): a page without its layout is
     *     not published
     */
    Optional<RenderedPage> finish(PreparedPage prepared, Map<String, Object> navigation,
            List<RelatedArticles.Related> related, Diagnostics diagnostics) {
        PlannedPage page = prepared.page();
        Map<String, Object> pageVars = prepared.layoutVariables();
        if (prepared.article().isPresent()) {
            pageVars.put("related", related);
            Object description = pageVars.get("description");
            pageVars.putAll(navigation);
            if (description != null) {
                pageVars.put("description", description); // the author's own description wins
            }
        } else {
            pageVars.putAll(navigation);
        }
        String html = prepared.content().text();
        pageVars.put("content", html);
        pageVars.putIfAbsent("title", prepared.title());
        Optional<String> layout = page.frontMatter().layout();
        if (layout.isPresent() && liquid.ownLayout(layout.get())) {
            return liquid.layouts().render(layout.get(), liquid.model().site(), liquidPage(page, pageVars), html,
                    prepared.layoutPosition(), diagnostics).map(output -> new RenderedPage(page, output,
                            prepared.title(), prepared.text(), List.of(), prepared.article()));
        }
        return layouts.renderComplete(page.frontMatter().layout(), site, pageVars, html, prepared.layoutPosition(),
                diagnostics).map(output -> new RenderedPage(page, output, prepared.title(), prepared.text(), List.of(),
                        prepared.article()));
    }

    /**
     * A page's content: its body through Liquid (unless {@code render_with_liquid: false}), then
     * Markdown for a Markdown page. Empty when its Liquid failed (reported).
     */
    private Optional<String> content(PlannedPage page, String body, int bodyLine, Map<String, Object> pageVars,
            Diagnostics diagnostics) {
        String file = page.source().displayName();
        Optional<String> text = page.frontMatter().renderWithLiquid()
                ? liquid.engine().render(body, liquidVariables(page, pageVars), file, bodyLine, diagnostics)
                : Optional.of(body);
        return text.map(t -> page.markdown() ? markdown(t, file, bodyLine, diagnostics) : t);
    }

    /** What Liquid sees: {@code site} and {@code page} from the site model. */
    private Map<String, Object> liquidVariables(PlannedPage page, Map<String, Object> pageVars) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("site", liquid.model().site());
        variables.put("page", liquidPage(page, pageVars));
        return variables;
    }

    private Map<String, Object> liquidPage(PlannedPage page, Map<String, Object> pageVars) {
        return liquid.model().page(page.source().relativePath()).orElse(pageVars);
    }

    /** {@code content} of another page read from Liquid: a document's rendered body, a page's source body. */
    @Override
    public String content(kb.jekyll.JekyllPage of) {
        return body(of).map(source -> {
            PlannedPage page = byPath.get(of.relativePath());
            if (of.document().isEmpty()) {
                return source.body();
            }
            return content(page, source.body(), source.bodyLine(), page.frontMatter().values(), contentDiagnostics)
                    .orElse("");
        }).orElse("");
    }

    /** A document's excerpt: its body up to the separator, rendered as its content is. */
    @Override
    public String excerpt(kb.jekyll.JekyllPage of, String separator) {
        return body(of).map(source -> {
            String body = source.body();
            int cut = separator.isEmpty() ? -1 : body.indexOf(separator);
            String head = cut < 0 ? body : body.substring(0, cut);
            PlannedPage page = byPath.get(of.relativePath());
            return content(page, head, source.bodyLine(), page.frontMatter().values(), contentDiagnostics).orElse("");
        }).orElse("");
    }

    private Optional<SourceText> body(kb.jekyll.JekyllPage of) {
        PlannedPage page = byPath.get(of.relativePath());
        if (page == null) {
            return Optional.empty();
        }
        String file = page.source().displayName();
        return frontMatter.split(reader.read(page.source(), contentDiagnostics), file, contentDiagnostics);
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
                ? liquid.engine().render(text, liquidVariables(page, pageVars), file, line, diagnostics).orElse("")
                : text;
        return markdown(body, file, line, diagnostics);
    }

    /**
     * Markdown to HTML, unless it nests too deeply for that: an error and nothing, then. The
     * nesting is measured first because Flexmark recurses once per level and slows down with
     * the cube of the depth; a stack overflow all the same (Flexmark recurses elsewhere too, for
     * long thematic breaks) is an error of the page, reported here where what overflowed is known.
     *
     * @param line the line of the file where {@code text} starts
     */
    private String markdown(String text, String file, int line, Diagnostics diagnostics) {
        java.util.OptionalInt deep = MarkdownNesting.tooDeep(text, MarkdownNesting.MAX_DEPTH);
        if (deep.isPresent()) {
            diagnostics.error(SourcePosition.at(file, text, deep.getAsInt(), line), "lists and block quotes nest more than "
                    + MarkdownNesting.MAX_DEPTH + " levels deep here; the page is skipped");
            return "";
        }
        try {
            return markdown.render(text);
        } catch (StackOverflowError e) {
            // Flexmark keeps no state between documents: the next page is rendered as if nothing happened.
            diagnostics.error(new SourcePosition(file, line, 1),
                    "the Markdown nests too deeply to render (stack overflow); the page is skipped");
            return "";
        }
    }

    /** The page with every control character of its body written as {@code <XX>}, each reported. */
    private static SourceText withoutControls(SourceText source, String file, Diagnostics diagnostics) {
        String body = ControlCharacters.replace(source.body(), file, source.bodyLine(), diagnostics);
        return body == source.body() ? source
                : new SourceText(source.frontMatter(), source.yamlLine(), body, source.bodyLine());
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
