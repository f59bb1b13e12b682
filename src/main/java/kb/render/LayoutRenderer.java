package kb.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kb.config.SiteConfig;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;

/**
 * Wraps a page's content in its layout chain, Jekyll style: {@code layout: page} renders
 * {@code page.ftlh}, whose own front matter may name a parent ({@code layout: default}), and so
 * on. Each template sees {@code site}, {@code page} and {@code content} (the HTML of the level
 * below: insert it with {@code ${content?no_esc}}). One shared Freemarker configuration caches
 * the parsed templates; thread-safe.
 */
public final class LayoutRenderer {

    /** The template a layout without a template of its own falls back to. */
    public static final String FALLBACK_LAYOUT = "page";

    private static final int MAX_DEPTH = 16;

    private final Theme theme;
    private final Configuration freemarker;
    private final Map<String, Optional<String>> parents = new ConcurrentHashMap<>();

    /**
     * @param theme  where templates come from
     * @param config the site, for {@code relative_url()} and {@code absolute_url()}
     */
    public LayoutRenderer(Theme theme, SiteConfig config) {
        this.theme = theme;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ThemeTemplateLoader(theme));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setSharedVariable("relative_url", TemplateFunctions.of("relative_url", config::relativeUrl));
        cfg.setSharedVariable("absolute_url", TemplateFunctions.of("absolute_url", config::absoluteUrl));
        cfg.setSharedVariable("plain", TemplateFunctions.of("plain", TemplateFunctions::plain));
        this.freemarker = cfg;
    }

    /**
     * Parses every template of the theme once, reporting each syntax error at its template's
     * file, line and column. A template that does not parse would fail every page that uses it
     * (often all of them), so a build checks them all before it writes anything.
     *
     * @return whether every template parsed
     */
    public boolean check(Diagnostics diagnostics) {
        boolean ok = true;
        for (String name : theme.templateNames()) {
            try {
                freemarker.getTemplate(name);
            } catch (freemarker.core.ParseException e) {
                diagnostics.report(syntaxError(name, e));
                ok = false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + name, e);
            }
        }
        return ok;
    }

    /**
     * Renders {@code content} through the layout chain starting at {@code layout}.
     *
     * @param layout    the page's {@code layout:}; empty means content only, as in Jekyll
     * @param site      {@code site.*} for the templates
     * @param page      {@code page.*} for the templates
     * @param content   the page's own HTML
     * @param at        the page's {@code layout:} line, for diagnostics
     * @return the full page, or empty when a layout failed (a template error, a loop, a missing
     *     parent; reported): a page half made, without its {@code <html>}, is not a page to publish
     */
    public Optional<String> renderComplete(Optional<String> layout, Map<String, Object> site,
            Map<String, Object> page, String content, SourcePosition at, Diagnostics diagnostics) {
        String html = content;
        Optional<String> next = layout;
        List<String> seen = new ArrayList<>();
        while (next.isPresent()) {
            String name = next.get();
            if (seen.contains(name) || seen.size() >= MAX_DEPTH) {
                diagnostics.error(at, "layout chain loops: " + String.join(" -> ", seen) + " -> " + name);
                return Optional.empty();
            }
            seen.add(name);
            String templateName = name + ".ftlh";
            if (theme.template(templateName).isEmpty()) {
                if (seen.size() > 1) {
                    diagnostics.error(at, "layout '" + seen.get(seen.size() - 2)
                            + "' names a parent layout '" + name + "' that has no template " + templateName);
                    return Optional.empty();
                }
                diagnostics.warning(at, "layout '" + name + "' has no template " + templateName
                        + "; using " + FALLBACK_LAYOUT + ".ftlh");
                name = FALLBACK_LAYOUT;
                templateName = name + ".ftlh";
            }
            Optional<String> rendered = apply(templateName, site, page, html, at, diagnostics);
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            html = rendered.get();
            next = parent(templateName);
        }
        return Optional.of(html);
    }

    private Optional<String> apply(String templateName, Map<String, Object> site,
            Map<String, Object> page, String content, SourcePosition at, Diagnostics diagnostics) {
        Map<String, Object> model = new HashMap<>(4);
        model.put("site", site);
        model.put("page", page);
        model.put("content", content);
        TextWriter out = new TextWriter(content.length() + 4096);
        try {
            Template template = freemarker.getTemplate(templateName);
            template.process(model, out);
            return Optional.of(out.toString());
        } catch (TemplateException e) {
            SourcePosition where = new SourcePosition(templateFile(templateName),
                    e.getLineNumber() == null ? 1 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 1 : e.getColumnNumber());
            diagnostics.error(where, "template error while rendering " + at.file() + ": " + describe(e));
            return Optional.empty();
        } catch (StackOverflowError e) {
            // A macro that calls itself without end: Freemarker has no depth limit of its own.
            // Nothing of the template's state outlives the call, so the build can go on.
            diagnostics.error(SourcePosition.of(templateFile(templateName)), "template error while rendering "
                    + at.file() + ": the template recurses too deeply (stack overflow)");
            return Optional.empty();
        } catch (IOException e) {
            // Freemarker remembers a template that failed to parse and answers later requests for
            // it with an IOException whose cause is the ParseException: the same diagnostic, once.
            Optional<freemarker.core.ParseException> syntax = parseError(e);
            if (syntax.isPresent()) {
                diagnostics.report(syntaxError(templateName, syntax.get()));
                return Optional.empty();
            }
            throw new UncheckedIOException("cannot read template " + templateName, e);
        }
    }

    private static Optional<freemarker.core.ParseException> parseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof freemarker.core.ParseException p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Diagnostic syntaxError(String templateName, freemarker.core.ParseException e) {
        return Diagnostic.error(new SourcePosition(templateFile(templateName), Math.max(1, e.getLineNumber()),
                Math.max(1, e.getColumnNumber())), "template syntax error: " + firstLine(e.getEditorMessage()));
    }

    /** A template's file as diagnostics show it. */
    private String templateFile(String templateName) {
        return theme.template(templateName).map(Display::of).orElse(templateName);
    }

    private Optional<String> parent(String templateName) {
        return parents.computeIfAbsent(templateName, name -> theme.template(name).flatMap(path -> {
            try {
                return TemplateFrontMatter.parentLayout(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + path, e);
            }
        }));
    }

    /** Freemarker's first line, with the expression it blames when that line only leads to it. */
    private static String describe(TemplateException e) {
        String first = firstLine(e.getMessageWithoutStackTop());
        String blamed = e.getBlamedExpressionString();
        return first.endsWith(":") && blamed != null ? first + " " + blamed : first;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
