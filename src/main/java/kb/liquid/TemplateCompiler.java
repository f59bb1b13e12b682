package kb.liquid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kb.diag.Diagnostic;
import liqp.Insertion;
import liqp.Insertions;
import liqp.blocks.Block;
import liqp.exceptions.LiquidException;
import liqp.filters.Filters;
import liqp.nodes.AtomNode;
import liqp.nodes.LNode;
import liquid.parser.v4.LiquidLexer;
import liquid.parser.v4.LiquidParser;
import liqp.org.antlr.v4.runtime.BaseErrorListener;
import liqp.org.antlr.v4.runtime.CharStreams;
import liqp.org.antlr.v4.runtime.CommonTokenStream;
import liqp.org.antlr.v4.runtime.RecognitionException;
import liqp.org.antlr.v4.runtime.Recognizer;
import liqp.org.antlr.v4.runtime.Token;
import liqp.org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses Liquid text into nodes with Liqp's grammar (Jekyll flavour), after registering every
 * tag name the text uses that kb does not know as a tag or block that renders nothing but its
 * content (each reported as a warning). Thread-safe: it keeps no state between calls.
 */
final class TemplateCompiler {

    private final Insertions insertions;
    private final Filters filters;
    private final Set<String> known;
    private final Set<String> blockNames;
    private final Set<String> tagNames;

    TemplateCompiler(Insertions insertions, Filters filters) {
        this.insertions = insertions;
        this.filters = filters;
        Set<String> blocks = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (Insertion insertion : insertions.values()) {
            (insertion instanceof Block ? blocks : tags).add(insertion.name);
        }
        this.blockNames = Set.copyOf(blocks);
        this.tagNames = Set.copyOf(tags);
        Set<String> names = new HashSet<>(blocks);
        names.addAll(tags);
        // names the lexer knows by itself
        names.addAll(List.of("raw", "comment", "if", "elsif", "else", "unless", "case", "when", "cycle",
                "for", "tablerow", "capture", "assign", "include", "include_relative", "continue"));
        this.known = Set.copyOf(names);
    }

    Compiled compile(String file, String original, int firstLine) {
        String text = TagScanner.withoutInlineComments(original);
        Source source = new Source(file, text, firstLine);
        List<Diagnostic> warnings = new ArrayList<>();
        TagScanner.Unknown unknown = TagScanner.unknown(text, known);
        Insertions all = insertions;
        Set<String> blocks = blockNames;
        Set<String> tags = tagNames;
        if (!unknown.none()) {
            for (TagScanner.Use use : unknown.uses()) {
                warnings.add(Diagnostic.warning(source.at(use.offset()), unknown.blocks().contains(use.name())
                        ? "unknown Liquid block '" + use.name() + "' (a plugin kb lacks?): its tags are dropped, its content kept"
                        : "unknown Liquid tag '" + use.name() + "' (a plugin kb lacks?): it renders as nothing"));
            }
            List<Insertion> extra = new ArrayList<>();
            unknown.blocks().forEach(name -> extra.add(new UnknownTags.Block(name)));
            unknown.tags().forEach(name -> extra.add(new UnknownTags.Tag(name)));
            all = insertions.mergeWith(Insertions.of(extra));
            blocks = union(blockNames, unknown.blocks());
            tags = union(tagNames, unknown.tags());
        }
        try {
            LiquidLexer lexer = new LiquidLexer(CharStreams.fromString(text, file), false, false, false,
                    blocks, tags);
            lexer.removeErrorListeners();
            lexer.addErrorListener(new Thrower());
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            LiquidParser parser = new LiquidParser(tokens, false, false, liqp.TemplateParser.ErrorMode.WARN);
            parser.removeErrorListeners();
            parser.addErrorListener(new Thrower());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            LiquidParser.ParseContext tree;
            try {
                tree = parser.parse();
            } catch (LiquidException e) {
                tokens.seek(0);
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.parse();
            }
            LNode root = new KbVisitor(all, filters, source, warnings, this).visit(tree);
            return new Compiled(original, root, warnings, Optional.empty());
        } catch (LiquidException e) {
            if (String.valueOf(e.getMessage()).contains("end of text")) {
                // Ran into the end: the useful place is the block left open, not the last line.
                Optional<TagScanner.Use> open = TagScanner.unclosed(text, blockNames);
                if (open.isPresent()) {
                    String name = open.get().name();
                    return failed(original, warnings, Diagnostic.error(source.at(open.get().offset()),
                            "Liquid syntax error: '{% " + name + " %}' is never closed by '{% end" + name + " %}'"));
                }
            }
            return failed(original, warnings, Diagnostic.error(source.at(e.line, e.charPositionInLine),
                    "Liquid syntax error: " + e.getMessage()));
        } catch (RenderFailure e) {
            return failed(original, warnings, Diagnostic.error(e.located() ? e.at() : source.at(0), e.getMessage()));
        } catch (StackOverflowError e) {
            return failed(original, warnings, Diagnostic.error(source.at(0),
                    "Liquid syntax error: the text nests too deeply to read"));
        } catch (RuntimeException e) {
            return failed(original, warnings, Diagnostic.error(source.at(0),
                    "Liquid syntax error: " + Messages.describe(e)));
        }
    }

    private static Compiled failed(String text, List<Diagnostic> warnings, Diagnostic error) {
        return new Compiled(text, new AtomNode(""), warnings, Optional.of(error));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    /** Turns ANTLR's reports into exceptions with the offending place, in Liquid's words. */
    private static final class Thrower extends BaseErrorListener {

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            int column = charPositionInLine;
            if (offendingSymbol instanceof Token token && token.getText() != null) {
                // a tag's token starts with the blanks before "{%-"; point at the brace
                String text = token.getText();
                int brace = text.indexOf('{');
                if (brace > 0 && text.substring(0, brace).isBlank()) {
                    int newline = text.lastIndexOf('\n', brace);
                    line += (int) text.substring(0, brace).chars().filter(c -> c == '\n').count();
                    column = newline >= 0 ? brace - newline - 1 : column + brace;
                }
            }
            throw new LiquidException(Messages.syntax(msg), line, column, e);
        }
    }
}
