package kb.liquid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Jekyll's array filters: {@code where}, {@code find}, {@code group_by}, {@code sort} (by
 * property, nils {@code "first"} or {@code "last"}), {@code array_to_sentence_string},
 * {@code push}/{@code pop}/{@code shift}/{@code unshift} (new arrays, the input unchanged) and
 * {@code sample}, which is deterministic here: it takes the first element (or the first
 * {@code n}), so that builds are reproducible.
 */
final class ArrayFilters {

    private ArrayFilters() {
    }

    static List<Filter> all() {
        return List.of(
                TextFilters.filter("where", ArrayFilters::where),
                TextFilters.filter("find", ArrayFilters::find),
                TextFilters.filter("group_by", ArrayFilters::groupBy),
                new Filter("sort") {
                    @Override
                    public Object apply(Object value, TemplateContext context, Object... params) {
                        return sort(value, params);
                    }
                },
                TextFilters.filter("array_to_sentence_string", ArrayFilters::sentence),
                TextFilters.filter("push", (value, params) -> edit(value, list -> list.add(param(params, 0)))),
                TextFilters.filter("unshift", (value, params) -> edit(value, list -> list.add(0, param(params, 0)))),
                TextFilters.filter("pop", (value, params) -> edit(value, list -> {
                    for (int i = count(params); i > 0 && !list.isEmpty(); i--) {
                        list.remove(list.size() - 1);
                    }
                })),
                TextFilters.filter("shift", (value, params) -> edit(value, list -> {
                    for (int i = count(params); i > 0 && !list.isEmpty(); i--) {
                        list.remove(0);
                    }
                })),
                TextFilters.filter("sample", ArrayFilters::sample),
                TextFilters.filter("map", ArrayFilters::map),
                // Liquid's first and last take an array's element; a string has none
                TextFilters.filter("first", (value, params) -> {
                    List<Object> items = Values.list(value);
                    return items == null || items.isEmpty() ? null : items.get(0);
                }),
                TextFilters.filter("last", (value, params) -> {
                    List<Object> items = Values.list(value);
                    return items == null || items.isEmpty() ? null : items.get(items.size() - 1);
                }));
    }

    private static Object param(Object[] params, int index) {
        return params.length > index ? params[index] : null;
    }

    private static int count(Object[] params) {
        Object n = param(params, 0);
        if (n == null) {
            return 1;
        }
        Object integer = Values.sortInput(n);
        return integer instanceof Number number ? number.intValue() : 1;
    }

    private interface Edit {
        void apply(List<Object> list);
    }

    private static Object edit(Object value, Edit edit) {
        List<Object> list = Values.list(value);
        if (list == null) {
            return value;
        }
        edit.apply(list);
        return list;
    }

    /** The items to search: a list, or a map's values; null when the value holds none. */
    private static List<Object> items(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        return Values.list(value);
    }

    private static Object where(Object value, Object[] params) {
        return search(value, params, false);
    }

    private static Object find(Object value, Object[] params) {
        return search(value, params, true);
    }

    /**
     * {@code where} and {@code find}: the items whose property matches the target (all of them, or
     * the first, null when none); the value itself when the arguments cannot select anything.
     */
    private static Object search(Object value, Object[] params, boolean firstOnly) {
        Object property = param(params, 0);
        Object target = param(params, 1);
        List<Object> items = items(value);
        if (property == null || Values.list(target) != null || target instanceof Map || items == null) {
            return value;
        }
        String key = Values.string(property);
        List<Object> matches = new ArrayList<>();
        for (Object item : items) {
            if (matches(Values.sortInput(Values.property(item, key)), target)) {
                if (firstOnly) {
                    return item;
                }
                matches.add(item);
            }
        }
        return firstOnly ? null : matches;
    }

    /** Jekyll's {@code compare_property_vs_target}. */
    static boolean matches(Object property, Object target) {
        if (target == null) {
            return property == null;
        }
        String wanted = Values.string(target);
        if (property instanceof String s) {
            return s.equals(wanted);
        }
        List<Object> values = property == null ? List.of() : Values.list(property) != null ? Values.list(property)
                : List.of(property);
        for (Object candidate : values) {
            if (Values.string(candidate).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Object groupBy(Object value, Object[] params) {
        List<Object> items = Values.list(value);
        if (items == null) {
            return value;
        }
        String key = Values.string(param(params, 0));
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (Object item : items) {
            groups.computeIfAbsent(Values.string(Values.sortInput(Values.property(item, key))), k -> new ArrayList<>())
                    .add(item);
        }
        return grouped(groups);
    }

    /** Jekyll's groups: {@code {"name": …, "items": […], "size": n}} in order of first appearance. */
    static List<Object> grouped(Map<?, List<Object>> groups) {
        List<Object> result = new ArrayList<>();
        groups.forEach((name, members) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            group.put("items", members);
            group.put("size", (long) members.size());
            result.add(group);
        });
        return result;
    }

    private static Object sort(Object value, Object[] params) {
        if (value == null) {
            throw new RenderFailure("sort: cannot sort a null object");
        }
        List<Object> items = items(value);
        if (items == null) {
            return value;
        }
        Object property = param(params, 0);
        if (property == null) {
            items.sort(ArrayFilters::strictCompare);
            return items;
        }
        String nils = params.length > 1 ? Values.string(params[1]) : "first";
        int order = switch (nils) {
            case "first" -> -1;
            case "last" -> 1;
            default -> throw new RenderFailure("sort: invalid nils order '" + nils + "' (it must be 'first' or 'last')");
        };
        String key = Values.string(property);
        List<Object[]> keyed = new ArrayList<>();
        for (Object item : items) {
            keyed.add(new Object[] {Values.sortInput(Values.property(item, key)), item});
        }
        keyed.sort(Comparator.comparing((Object[] pair) -> pair[0], (a, b) -> {
            if (a != null && b == null) {
                return -order;
            }
            if (a == null && b != null) {
                return order;
            }
            return a == null ? 0 : Values.compare(a, b);
        }));
        List<Object> sorted = new ArrayList<>();
        keyed.forEach(pair -> sorted.add(pair[1]));
        return sorted;
    }

    /** Ruby's {@code Array#sort}: values of different kinds cannot be compared. */
    private static int strictCompare(Object a, Object b) {
        boolean numbers = a instanceof Number && b instanceof Number;
        boolean strings = a instanceof String && b instanceof String;
        if (!numbers && !strings && (a == null || b == null || a.getClass() != b.getClass() || !(a instanceof Comparable))) {
            throw new RenderFailure("sort: comparison of " + rubyClass(a) + " with " + rubyClass(b) + " failed");
        }
        return Values.compare(a, b);
    }

    private static String rubyClass(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "Integer";
        }
        if (value instanceof Number) {
            return "Float";
        }
        if (value instanceof Map) {
            return "Hash";
        }
        return Values.list(value) != null ? "Array" : value.getClass().getSimpleName();
    }

    /**
     * Liquid's {@code map}: each item's property (a map's value; for a text, the property itself
     * when the text contains it, as Ruby's {@code String#[]}); nested arrays are flattened, a map
     * is one item.
     */
    private static Object map(Object value, Object[] params) {
        String property = Values.string(param(params, 0));
        List<Object> items = new ArrayList<>();
        flatten(value instanceof Map ? List.of(value) : Values.list(value) != null ? Values.list(value)
                : value == null ? List.of() : List.of(value), items, 0);
        List<Object> mapped = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                mapped.add(map.get(property));
            } else if (item instanceof String text) {
                mapped.add(text.contains(property) ? property : null);
            } else if (item == null) {
                mapped.add(null);
            } else {
                throw new RenderFailure("map: cannot read the property '" + property + "' of " + Inspect.of(item));
            }
        }
        return mapped;
    }

    private static void flatten(List<?> items, List<Object> into, int depth) {
        for (Object item : items) {
            List<Object> nested = Values.list(item);
            if (nested != null && depth < 100) {
                flatten(nested, into, depth + 1);
            } else {
                into.add(item);
            }
        }
    }

    private static Object sentence(Object value, Object[] params) {
        List<Object> items = Values.list(value);
        if (items == null) {
            items = value == null ? List.of() : List.of(value);
        }
        String connector = params.length > 0 ? Values.string(params[0]) : "and";
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> Values.string(items.get(0));
            case 2 -> Values.string(items.get(0)) + " " + connector + " " + Values.string(items.get(1));
            default -> {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < items.size() - 1; i++) {
                    out.append(Values.string(items.get(i))).append(", ");
                }
                yield out.append(connector).append(' ').append(Values.string(items.get(items.size() - 1))).toString();
            }
        };
    }

    private static Object sample(Object value, Object[] params) {
        List<Object> items = Values.list(value);
        if (items == null) {
            return value;
        }
        if (params.length == 0 || count(params) == 1) {
            return items.isEmpty() ? null : items.get(0);
        }
        return new ArrayList<>(items.subList(0, Math.max(0, Math.min(count(params), items.size()))));
    }
}
