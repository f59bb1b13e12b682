package kb.liquid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Ruby's view of kb's values: {@code to_s}, {@code inspect} and truthiness. */
final class Values {

    private Values() {
    }

    /** Ruby's {@code to_s}: nil is empty, floats keep a decimal point, dates as Ruby prints a Time. */
    static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double || value instanceof Float) {
            return rubyFloat(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? decimal.toPlainString() : rubyFloat(decimal.doubleValue());
        }
        if (value instanceof TemporalAccessor temporal) {
            return Dates.rubyString(temporal);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof Object[]) {
            return Inspect.of(value);
        }
        return String.valueOf(value);
    }

    /** What an output tag writes: nothing for nil, an array's elements joined, else {@code to_s}. */
    static String output(Object value) {
        if (value == null) {
            return "";
        }
        List<Object> list = list(value);
        if (list != null) {
            StringBuilder out = new StringBuilder();
            for (Object item : list) {
                out.append(item instanceof Map ? string(item) : output(item));
            }
            return out.toString();
        }
        return string(value);
    }

    /** Ruby's {@code Float#to_s}: {@code 150.0}, {@code 0.1}, {@code 1.0e+20}, {@code Infinity}. */
    static String rubyFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        double abs = Math.abs(d);
        if (abs >= 1e16 || abs < 1e-4) {
            String s = Double.toString(d); // 1.0E20
            int e = s.indexOf('E');
            String mantissa = s.substring(0, e);
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d",
                    Math.abs(exponent));
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Liquid's truthiness: only nil and false are false. */
    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** The value as a list when it is one (a List, an array or another collection), else null. */
    static List<Object> list(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof Object[] array) {
            return new ArrayList<>(Arrays.asList(array));
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return null;
    }

    /** Jekyll's {@code item_property}: a key of a map, a dotted path through maps, as Jekyll reads it. */
    static Object property(Object item, String property) {
        if (!(item instanceof Map<?, ?> map)) {
            return null;
        }
        if (!property.contains(".")) {
            return map.get(property);
        }
        Object current = item;
        for (String key : property.split("\\.")) {
            if (!(current instanceof Map<?, ?> level)) {
                return null;
            }
            current = level.get(key);
        }
        return current;
    }

    /** Jekyll's {@code parse_sort_input}: a number-like string as the number. */
    static Object sortInput(Object value) {
        String s = value instanceof String || value instanceof Number ? string(value) : null;
        if (s == null) {
            return value;
        }
        String t = s.strip();
        if (t.matches("-?\\d+")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return new BigInteger(t);
            }
        }
        if (t.matches("-?(?:\\d+\\.?\\d*|\\.\\d+)")) {
            return Double.parseDouble(t);
        }
        return value;
    }

    /** Ruby's {@code <=>} between two values, falling back to comparing their strings as Jekyll's sort does. */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            boolean integers = (x instanceof Long || x instanceof Integer) && (y instanceof Long || y instanceof Integer);
            return integers ? Long.compare(x.longValue(), y.longValue()) : Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return string(a).compareTo(string(b));
    }
}
