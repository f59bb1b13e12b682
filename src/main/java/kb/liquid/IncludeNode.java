package kb.liquid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.SourcePosition;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.nodes.LookupNode;

/**
 * Jekyll's {@code include}, {@code include_relative} and {@code include_cached} (the last from
 * jekyll-include-cache, whose output is the same as {@code include}'s): the markup is parsed as
 * Jekyll parses it (a file name, possibly with {@code {{ }}}, then {@code key="str"},
 * {@code key='str'} or {@code key=variable} parameters, visible as {@code include.key}), and the
 * file is parsed once per engine and rendered in a scope of its own.
 */
final class IncludeNode implements LNode {

    /** Which tag it is. */
    enum Kind {
        INCLUDE("include"), RELATIVE("include_relative"), CACHED("include_cached");

        final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    // Jekyll 4.3's Jekyll::Tags::IncludeTag patterns
    private static final String VALID_SYNTAX =
            "([\\w-]+)\\s*=\\s*(?:\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"|'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|([\\w.-]+))";
    private static final Pattern PARAMETER = Pattern.compile(VALID_SYNTAX);
    private static final Pattern ALL_PARAMETERS = Pattern.compile("\\A\\s*(?:" + VALID_SYNTAX + "(?=\\s|\\z)\\s*)*\\z");
    private static final Pattern VARIABLE_SYNTAX = Pattern.compile(
            "(?<variable>[^{]*(\\{\\{\\s*[\\w\\-.]+\\s*(\\|.*)?\\}\\}[^\\s{}]*)+)(?<params>.*)", Pattern.DOTALL);
    private static final Pattern INVALID_SEQUENCES = Pattern.compile("[./]{2,}");
    private static final Pattern VALID_FILENAME = Pattern.compile("^[\\w/.\\-()+~#@]+$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Kind kind;
    private final String file;
    /** The file name's Liquid when it holds {@code {{ }}}, else null. */
    private final LNode fileExpression;
    private final List<Parameter> parameters;
    private final boolean hasParameters;
    private final SourcePosition at;

    /** One {@code key=value}: a literal, or a variable looked up at render time. */
    private record Parameter(String key, Object literal, LNode variable) {
    }

    private IncludeNode(Kind kind, String file, LNode fileExpression, List<Parameter> parameters,
            boolean hasParameters, SourcePosition at) {
        this.kind = kind;
        this.file = file;
        this.fileExpression = fileExpression;
        this.parameters = List.copyOf(parameters);
        this.hasParameters = hasParameters;
        this.at = at;
    }

    static IncludeNode parse(Kind kind, String markup, SourcePosition at, TemplateCompiler compiler, Source source) {
        String file;
        String params;
        Matcher variable = VARIABLE_SYNTAX.matcher(markup);
        if (variable.matches()) {
            file = variable.group("variable").strip();
            params = variable.group("params").strip();
        } else {
            String[] parts = markup.split("\\s+", 2);
            file = parts[0];
            params = parts.length > 1 ? parts[1] : null;
        }
        if (file.isEmpty()) {
            throw new RenderFailure(at, "'" + kind.tag + "' needs a file name");
        }
        boolean hasParameters = params != null && !params.isEmpty();
        if (hasParameters && !ALL_PARAMETERS.matcher(params).matches()) {
            throw new RenderFailure(at, "invalid parameters for '" + kind.tag + "': '" + params
                    + "' (Jekyll takes key=\"value\", key='value' or key=variable)");
        }
        List<Parameter> parameters = new ArrayList<>();
        if (hasParameters) {
            Matcher parameter = PARAMETER.matcher(params);
            while (parameter.find()) {
                parameters.add(parameter(parameter));
            }
        }
        LNode fileExpression = null;
        if (file.contains("{{")) {
            Compiled compiled = compiler.compile(source.file(), file, at.line());
            if (compiled.error().isPresent()) {
                throw new RenderFailure(at, compiled.error().get().message());
            }
            fileExpression = compiled.root();
        } else {
            validate(kind, file, at);
        }
        return new IncludeNode(kind, file, fileExpression, parameters, hasParameters, at);
    }

    private static Parameter parameter(Matcher parameter) {
        String key = parameter.group(1);
        if (parameter.group(2) != null) {
            return new Parameter(key, parameter.group(2).replace("\\\"", "\""), null);
        }
        if (parameter.group(3) != null) {
            return new Parameter(key, parameter.group(3).replace("\\'", "'"), null);
        }
        String variable = parameter.group(4);
        switch (variable) {
            case "true", "false" -> {
                return new Parameter(key, Boolean.valueOf(variable), null);
            }
            case "nil", "null" -> {
                return new Parameter(key, null, null);
            }
            default -> {
            }
        }
        if (NUMBER.matcher(variable).matches()) {
            return new Parameter(key, variable.contains(".") ? (Object) Double.valueOf(variable)
                    : (Object) Long.valueOf(variable), null);
        }
        String[] path = variable.split("\\.");
        LookupNode lookup = new LookupNode(path[0]);
        for (int i = 1; i < path.length; i++) {
            lookup.add(new LookupNode.Hash(path[i]));
        }
        return new Parameter(key, null, lookup);
    }

    private static void validate(Kind kind, String file, SourcePosition at) {
        if (INVALID_SEQUENCES.matcher(file).find() || !VALID_FILENAME.matcher(file).matches()) {
            throw new RenderFailure(at, "invalid file name for '" + kind.tag + "': '" + file
                    + "' (Jekyll allows letters, digits, / . - ( ) + ~ # @, and no '..' or '//')");
        }
    }

    @Override
    public Object render(TemplateContext context) {
        RenderState state = RenderState.of(context);
        String name = file;
        if (fileExpression != null) {
            name = String.valueOf(fileExpression.render(context)).strip();
            validate(kind, name, at);
        }
        Map<String, Object> scope = new HashMap<>();
        if (hasParameters) {
            Map<String, Object> values = new HashMap<>();
            for (Parameter parameter : parameters) {
                values.put(parameter.key(), parameter.variable() == null ? parameter.literal()
                        : parameter.variable().render(context));
            }
            scope.put("include", values);
        }
        Compiled compiled = state.engine.compiledInclude(kind, name, state, at);
        compiled.warnings().forEach(state.diagnostics::report);
        if (compiled.error().isPresent()) {
            throw new RenderFailure(compiled.error().get().at(), compiled.error().get().message());
        }
        state.enterInclude(at, name);
        try {
            return compiled.root().render(context.newChildContext(scope));
        } finally {
            state.leaveInclude();
        }
    }
}
