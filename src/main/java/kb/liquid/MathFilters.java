package kb.liquid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.filters.Filters;

/**
 * Liquid's math filters as Liqp computes them, after Liquid 5.4's {@code Utils.to_number} on the
 * value and the parameters: nil, booleans and other non-numbers are 0, a string is its leading
 * integer ({@code "x"} is 0, {@code "12px"} is 12) unless it is a decimal such as {@code "2.5"}.
 * Liqp fails on such values where Ruby computes.
 */
final class MathFilters {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final List<String> NAMES = List.of("plus", "minus", "times", "divided_by", "modulo", "abs", "ceil",
            "floor", "round", "at_least", "at_most");

    private MathFilters() {
    }

    static List<Filter> all() {
        List<Filter> all = new ArrayList<>();
        for (String name : NAMES) {
            Filter liqp = Filters.JEKYLL_FILTERS.get(name);
            all.add(new Filter(name) {
                @Override
                public Object apply(Object value, TemplateContext context, Object... params) {
                    Object[] numbers = new Object[params == null ? 0 : params.length];
                    for (int i = 0; i < numbers.length; i++) {
                        numbers[i] = number(params[i]);
                    }
                    if (name.equals("divided_by") || name.equals("modulo")) {
                        if (numbers.length > 0 && numbers[0] instanceof Long zero && zero == 0
                                && !(number(value) instanceof Double)) {
                            throw new RenderFailure(name + ": divided by 0");
                        }
                    }
                    Object number = number(value);
                    if (numbers.length == 1 && isInteger(number) && isInteger(numbers[0])) {
                        long a = ((Number) number).longValue();
                        long b = ((Number) numbers[0]).longValue();
                        if (name.equals("divided_by")) {
                            return Math.floorDiv(a, b);
                        }
                        if (name.equals("modulo")) {
                            return Math.floorMod(a, b);
                        }
                    }
                    return liqp.apply(number, context, numbers);
                }
            });
        }
        return all;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer;
    }

    /** Liquid's {@code Utils.to_number}. */
    static Object number(Object value) {
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (DECIMAL.matcher(t).matches()) {
                return Double.valueOf(t);
            }
            var integer = LEADING_INTEGER.matcher(t);
            if (integer.find()) {
                try {
                    return Long.valueOf(integer.group(1));
                } catch (NumberFormatException e) {
                    return Double.valueOf(integer.group(1));
                }
            }
            return 0L;
        }
        return 0L;
    }
}
