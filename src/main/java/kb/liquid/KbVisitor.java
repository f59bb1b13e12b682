package kb.liquid;

import java.util.List;
import kb.diag.Diagnostic;
import kb.diag.SourcePosition;
import liqp.Insertion;
import liqp.Insertions;
import liqp.filters.Filter;
import liqp.filters.Filters;
import liqp.nodes.AtomNode;
import liqp.nodes.BlockNode;
import liqp.nodes.FilterNode;
import liqp.nodes.InsertionNode;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liquid.parser.v4.LiquidParser;
import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.misc.Interval;

/**
 * Liqp's tree-to-nodes visitor with kb's changes: every tag, output and assignment carries its
 * place in the file ({@link Located}); an unknown filter is a warning and passes its value
 * through; tags get their markup as written (Liqp drops the blanks between its tokens); and
 * Jekyll's include tags are built by {@link IncludeNode}.
 */
final class KbVisitor extends NodeVisitor {

    private final Insertions insertions;
    private final Source source;
    private final List<Diagnostic> warnings;
    private final TemplateCompiler compiler;
    private final Filters filters;

    KbVisitor(Insertions insertions, Filters filters, Source source, List<Diagnostic> warnings,
            TemplateCompiler compiler) {
        super(insertions, filters, false);
        this.insertions = insertions;
        this.filters = filters;
        this.source = source;
        this.warnings = warnings;
        this.compiler = compiler;
    }

    private SourcePosition at(ParserRuleContext ctx) {
        return source.at(ctx.start);
    }

    @Override
    public BlockNode visitBlock(LiquidParser.BlockContext ctx) {
        Body body = new Body();
        for (LiquidParser.AtomContext child : ctx.atom()) {
            body.add(visit(child));
        }
        return body;
    }

    @Override
    public LNode visitAtom_tag(LiquidParser.Atom_tagContext ctx) {
        return new Located(super.visitAtom_tag(ctx), at(ctx), false);
    }

    @Override
    public LNode visitAtom_output(LiquidParser.Atom_outputContext ctx) {
        return new Located(super.visitAtom_output(ctx), at(ctx), true);
    }

    @Override
    public LNode visitAtom_assignment(LiquidParser.Atom_assignmentContext ctx) {
        return new Located(super.visitAtom_assignment(ctx), at(ctx), false);
    }

    @Override
    public FilterNode visitFilter(LiquidParser.FilterContext ctx) {
        String name = ctx.Id().getText();
        Filter filter = filters.get(name);
        if (filter == null) {
            warnings.add(Diagnostic.warning(at(ctx), "unknown Liquid filter '" + name
                    + "' (a plugin kb lacks?): the value passes through unchanged"));
            filter = new Filter(name) {
            };
        }
        FilterNode node = new FilterNode(ctx, filter);
        if (ctx.params() != null) {
            for (LiquidParser.Param_exprContext child : ctx.params().param_expr()) {
                node.add(visit(child));
            }
        }
        return node;
    }

    @Override
    public LNode visitSimple_tag(LiquidParser.Simple_tagContext ctx) {
        String name = ctx.SimpleTagId().getText();
        String markup = markup(ctx.other_tag_parameters());
        if (name.equals("include_cached")) {
            return IncludeNode.parse(IncludeNode.Kind.CACHED, markup, at(ctx), compiler, source);
        }
        return new InsertionNode(insertion(name), new AtomNode(markup), expression(name, markup, ctx));
    }

    @Override
    public LNode visitOther_tag(LiquidParser.Other_tagContext ctx) {
        String name = ctx.BlockId().getText();
        Body body = new Body();
        for (LiquidParser.AtomContext child : ctx.atom()) {
            body.add(visit(child));
        }
        // as Liqp: the markup only when there is some (its ifchanged takes the body first)
        return ctx.other_tag_parameters() == null ? new InsertionNode(insertion(name), body)
                : new InsertionNode(insertion(name), new AtomNode(markup(ctx.other_tag_parameters())), body);
    }

    @Override
    public LNode visitInclude_tag(LiquidParser.Include_tagContext ctx) {
        return IncludeNode.parse(IncludeNode.Kind.INCLUDE, markupAfter(ctx, ctx.Include().getSymbol().getStopIndex()),
                at(ctx), compiler, source);
    }

    @Override
    public LNode visitInclude_relative_tag(LiquidParser.Include_relative_tagContext ctx) {
        return IncludeNode.parse(IncludeNode.Kind.RELATIVE,
                markupAfter(ctx, ctx.IncludeRelative().getSymbol().getStopIndex()), at(ctx), compiler, source);
    }

    /** For tags whose markup is an expression or holds {@code {{ }}}: the markup parsed, else null. */
    private LNode expression(String name, String markup, ParserRuleContext ctx) {
        boolean echo = name.equals("echo");
        boolean liquid = name.equals("liquid");
        if (!echo && !liquid && !markup.contains("{{")) {
            return new AtomNode(null);
        }
        String text = echo ? "{{ " + markup + " }}" : liquid ? LiquidTag.asTags(markup) : markup;
        Compiled inner = compiler.compile(source.file(), text, at(ctx).line());
        inner.error().ifPresent(error -> {
            throw new RenderFailure(at(ctx), error.message());
        });
        warnings.addAll(inner.warnings());
        return inner.root();
    }

    private Insertion insertion(String name) {
        Insertion insertion = insertions.get(name);
        if (insertion == null) {
            throw new IllegalStateException("tag not registered: " + name);
        }
        return insertion;
    }

    /** The text of a tag's parameters as written, blanks kept. */
    private static String markup(ParserRuleContext parameters) {
        if (parameters == null || parameters.start == null || parameters.stop == null) {
            return "";
        }
        return parameters.start.getInputStream()
                .getText(Interval.of(parameters.start.getStartIndex(), parameters.stop.getStopIndex())).strip();
    }

    /** The text of a tag from after {@code from} to before its closing {@code %}}. */
    private static String markupAfter(ParserRuleContext tag, int from) {
        int end = tag.stop.getStartIndex() - 1;
        if (end <= from) {
            return "";
        }
        String text = tag.start.getInputStream().getText(Interval.of(from + 1, end));
        return text.endsWith("-") ? text.substring(0, text.length() - 1).strip() : text.strip();
    }
}
