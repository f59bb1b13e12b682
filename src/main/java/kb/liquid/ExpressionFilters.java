package kb.liquid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.nodes.LNode;

/**
 * Jekyll's {@code where_exp}, {@code find_exp} and {@code group_by_exp}: the expression is parsed
 * once per engine (as an {@code if} condition, or an output for {@code group_by_exp}) and
 * evaluated with the item under the given name, in a scope of its own.
 */
final class ExpressionFilters {

    private ExpressionFilters() {
    }

    static List<Filter> all() {
        return List.of(new Filter("where_exp") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                List<Object> items = items(value);
                if (items == null) {
                    return value;
                }
                List<Object> matches = new ArrayList<>();
                LNode condition = condition(context, params);
                for (Object item : items) {
                    if (holds(condition, context, name(params), item)) {
                        matches.add(item);
                    }
                }
                return matches;
            }
        }, new Filter("find_exp") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                List<Object> items = items(value);
                if (items == null) {
                    return value;
                }
                LNode condition = condition(context, params);
                for (Object item : items) {
                    if (holds(condition, context, name(params), item)) {
                        return item;
                    }
                }
                return null;
            }
        }, new Filter("group_by_exp") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                List<Object> items = Values.list(value);
                if (items == null) {
                    return value;
                }
                LNode expression = RenderState.of(context).engine.expression(expressionText(params));
                Map<Object, List<Object>> groups = new LinkedHashMap<>();
                for (Object item : items) {
                    RenderState.of(context).checkTime(null);
                    Object key = expression.render(scope(context, name(params), item));
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                }
                return ArrayFilters.grouped(groups);
            }
        });
    }

    private static List<Object> items(Object value) {
        return value instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : Values.list(value);
    }

    private static String name(Object[] params) {
        if (params.length < 2) {
            throw new RenderFailure("this filter takes a variable name and an expression");
        }
        return Values.string(params[0]);
    }

    private static String expressionText(Object[] params) {
        name(params);
        return Values.string(params[1]);
    }

    private static LNode condition(TemplateContext context, Object[] params) {
        return RenderState.of(context).engine.condition(expressionText(params));
    }

    private static TemplateContext scope(TemplateContext context, String name, Object item) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(name, item);
        return context.newChildContext(variables);
    }

    private static boolean holds(LNode condition, TemplateContext context, String name, Object item) {
        RenderState.of(context).checkTime(null);
        return !String.valueOf(condition.render(scope(context, name, item))).isEmpty();
    }
}
