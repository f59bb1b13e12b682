package kb.liquid;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Filter;
import liqp.nodes.BlockNode;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.spi.BasicTypesSupport;

/**
 * Jekyll 4.3's Liquid (Ruby Liquid 5.4 with Jekyll's tags and filters) on Liqp.
 *
 * <p>One engine serves a whole build and is thread-safe: parsed texts are immutable and shared,
 * and everything one render changes lives in that render's context. Included files are parsed
 * once (cached by {@link IncludeFile#displayName()}, re-parsed when their text changes); the
 * texts given to {@link #render} are cached for the most recently used few files (layouts are
 * rendered once per page).
 *
 * <p>Bad input never throws: a syntax error, a missing include or link target, or a guard
 * tripped (output over 16 MiB, includes nested over 100 deep, loops over 10 million
 * iterations, over 10 s) is an error at its {@code file:line:col} and the render returns empty;
 * unknown tags and filters are warnings (the tag renders as nothing, an unknown block keeps its
 * content, an unknown filter passes its value through); undefined variables render as nothing.
 */
public final class LiquidEngine {

    /**
     * The most characters one render may write (and any value in it may hold): 16 MiB, as
     * the limit of kb's earlier Liquid subset. Output tags repeat values and YAML aliases make
     * values huge; the largest real page is far smaller.
     */
    public static final int MAX_OUTPUT = 16 << 20;

    private static final int RECENT_TEXTS = 64;

    private final LiquidSite site;
    private final Limits limits;
    private final TemplateParser parser;
    private final TemplateCompiler compiler;
    private final ConcurrentHashMap<String, Compiled> includes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LNode> conditions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LNode> expressions = new ConcurrentHashMap<>();
    private final Map<String, Compiled> recent = new LinkedHashMap<>(RECENT_TEXTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > RECENT_TEXTS;
        }
    };

    /** An engine for one site. */
    public LiquidEngine(LiquidSite site) {
        this(site, Limits.DEFAULT);
    }

    LiquidEngine(LiquidSite site, Limits limits) {
        this.site = Objects.requireNonNull(site, "site");
        this.limits = limits;
        TemplateParser.Builder builder = new TemplateParser.Builder()
                .withFlavor(Flavor.JEKYLL)
                .withLocale(Locale.ENGLISH)
                .withDefaultTimeZone(site.timeZone())
                .withMaxIterations(limits.maxIterations())
                .withMaxSizeRenderedString(limits.maxOutput())
                .withShowExceptionsFromInclude(true);
        JekyllTags.all().forEach(tag -> builder.withTag(tag));
        JekyllTags.blocks().forEach(block -> builder.withBlock(block));
        for (Filter filter : JekyllFilters.all(site)) {
            builder.withFilter(filter);
        }
        this.parser = builder.build();
        this.compiler = new TemplateCompiler(parser.insertions, parser.filters);
    }

    /** The site this engine renders for. */
    LiquidSite site() {
        return site;
    }

    /**
     * Renders {@code text} (from {@code file}, starting at line {@code firstLine} of it) with
     * top-level variables {@code variables} (keys "site", "page", and for layouts also "layout" and
     * "content"; values are java.util Maps and Lists, String, Integer/Long/Double/BigDecimal,
     * Boolean, java.time values such as ZonedDateTime or LocalDate, and null).
     *
     * <p>{@code include_relative} resolves names against {@code page.path} (a source-relative
     * path, as Jekyll does even in layouts), else against {@code file}.
     *
     * @return the output, or empty when an error was reported (the caller skips the page)
     */
    public Optional<String> render(String text, Map<String, Object> variables, String file, int firstLine,
            Diagnostics diagnostics) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (text.indexOf('{') < 0) {
            return Optional.of(text);
        }
        Compiled compiled = compiledText(file, text, firstLine);
        compiled.warnings().forEach(diagnostics::report);
        if (compiled.error().isPresent()) {
            diagnostics.report(compiled.error().get());
            return Optional.empty();
        }
        TemplateContext context = new TemplateContext(parser, variables);
        RenderState state = RenderState.attach(context, this, diagnostics, limits, pagePath(variables, file));
        try {
            // a break outside a loop stops the render, keeping what came before, as in Liquid
            String output = String.valueOf(compiled.root().render(context));
            if (output.length() > limits.maxOutput()) {
                throw state.tooLong(place(state, file, firstLine));
            }
            return Optional.of(output);
        } catch (RenderFailure failure) {
            diagnostics.error(failure.located() ? failure.at() : place(state, file, firstLine), failure.getMessage());
        } catch (StackOverflowError e) {
            diagnostics.error(place(state, file, firstLine), "Liquid nests too deeply; the page is skipped");
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            diagnostics.error(place(state, file, firstLine), message.contains("rendered string exceeds")
                    ? state.tooLong(null).getMessage() : Messages.describe(e));
        } finally {
            // what Liqp's Jackson conversions leave in a thread-local
            BasicTypesSupport.clearReferences();
        }
        return Optional.empty();
    }

    /** Parses a text without rendering it (for tests that check a whole site's Liquid reads cleanly). */
    Compiled compile(String file, String text, int firstLine) {
        return compiler.compile(file, text, firstLine);
    }

    private static SourcePosition place(RenderState state, String file, int firstLine) {
        return state.last() != null ? state.last() : new SourcePosition(file, firstLine, 1);
    }

    private static String pagePath(Map<String, Object> variables, String file) {
        if (variables.get("page") instanceof Map<?, ?> page && page.get("path") instanceof String path) {
            return path;
        }
        return file;
    }

    private Compiled compiledText(String file, String text, int firstLine) {
        String key = firstLine + ":" + file;
        Compiled cached;
        synchronized (recent) {
            cached = recent.get(key);
        }
        if (cached != null && cached.text().equals(text)) {
            return cached;
        }
        Compiled compiled = compiler.compile(file, text, firstLine);
        synchronized (recent) {
            recent.put(key, compiled);
        }
        return compiled;
    }

    /** An included file, parsed once; fails when the site has no such file. */
    Compiled compiledInclude(IncludeNode.Kind kind, String name, RenderState state, SourcePosition at) {
        Optional<IncludeFile> found = kind == IncludeNode.Kind.RELATIVE
                ? site.relativeInclude(state.pagePath, name) : site.include(name);
        if (found.isEmpty()) {
            throw new RenderFailure(at, kind == IncludeNode.Kind.RELATIVE
                    ? "included file '" + name + "' not found next to " + state.pagePath
                    : "included file '" + name + "' not found in _includes");
        }
        IncludeFile file = found.get();
        Compiled cached = includes.get(file.displayName());
        if (cached != null && cached.text().equals(file.text())) {
            return cached;
        }
        Compiled compiled = compiler.compile(file.displayName(), file.text(), 1);
        includes.put(file.displayName(), compiled);
        return compiled;
    }

    /** A filter's condition ({@code where_exp}), parsed once: renders "1" when it holds, else "". */
    LNode condition(String expression) {
        LNode cached = conditions.get(expression);
        if (cached != null) {
            return cached;
        }
        Compiled compiled = compiler.compile("(expression)", "{% if " + expression + " %}1{% endif %}", 1);
        LNode condition = checked(compiled, expression);
        conditions.put(expression, condition);
        return condition;
    }

    /** A filter's expression ({@code group_by_exp}), parsed once: renders its value. */
    LNode expression(String expression) {
        LNode cached = expressions.get(expression);
        if (cached != null) {
            return cached;
        }
        Compiled compiled = compiler.compile("(expression)", "{{ " + expression + " }}", 1);
        LNode root = checked(compiled, expression);
        LNode value = root instanceof BlockNode block && block.getChildren().size() == 1
                && block.getChildren().get(0) instanceof Located located ? located.node() : root;
        expressions.put(expression, value);
        return value;
    }

    private static LNode checked(Compiled compiled, String expression) {
        if (compiled.error().isPresent() || !compiled.warnings().isEmpty()) {
            String problem = compiled.error().isPresent() ? compiled.error().get().message()
                    : compiled.warnings().get(0).message();
            throw new RenderFailure("cannot read the expression '" + expression + "': " + problem);
        }
        return compiled.root();
    }
}
