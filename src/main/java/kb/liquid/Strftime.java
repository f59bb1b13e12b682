package kb.liquid;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Ruby's {@code strftime} (English names): the conversions of {@code Time#strftime} with the flags
 * {@code -} (no padding), {@code _} (blanks), {@code 0} (zeros), {@code ^} (upper case),
 * {@code #} (change case), a width, and {@code :} for {@code %:z}. An unknown conversion is
 * written as is, as Ruby does.
 */
final class Strftime {

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private Strftime() {
    }

    static String format(RubyTime value, String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            char padding = 0;
            boolean upper = false;
            boolean swap = false;
            int colons = 0;
            while (i < n && "-_0^#".indexOf(pattern.charAt(i)) >= 0) {
                char flag = pattern.charAt(i++);
                switch (flag) {
                    case '^' -> upper = true;
                    case '#' -> swap = true;
                    default -> padding = flag;
                }
            }
            int width = -1;
            while (i < n && Character.isDigit(pattern.charAt(i))) {
                width = Math.max(0, width) * 10 + (pattern.charAt(i++) - '0');
                if (width > 1024) {
                    width = 1024;
                }
            }
            while (i < n && pattern.charAt(i) == ':') {
                colons++;
                i++;
            }
            if (i >= n) {
                out.append(pattern, start, n);
                break;
            }
            char conversion = pattern.charAt(i++);
            String text = convert(value, conversion, padding, width, colons);
            if (text == null) {
                out.append(pattern, start, i);
                continue;
            }
            if (upper) {
                text = text.toUpperCase(Locale.ROOT);
            } else if (swap) {
                text = Character.isUpperCase(firstLetter(text)) && conversion != 'p' ? text.toLowerCase(Locale.ROOT)
                        : text.toUpperCase(Locale.ROOT);
            }
            out.append(text);
        }
        return out.toString();
    }

    private static char firstLetter(String text) {
        for (char c : text.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return 'a';
    }

    private static String convert(RubyTime value, char conversion, char padding, int width, int colons) {
        ZonedDateTime t = value.time();
        return switch (conversion) {
            case 'Y' -> number(t.getYear(), padding, width, 1, '0');
            case 'C' -> number(Math.floorDiv(t.getYear(), 100), padding, width, 2, '0');
            case 'y' -> number(Math.floorMod(t.getYear(), 100), padding, width, 2, '0');
            case 'm' -> number(t.getMonthValue(), padding, width, 2, '0');
            case 'd' -> number(t.getDayOfMonth(), padding, width, 2, '0');
            case 'e' -> number(t.getDayOfMonth(), padding, width, 2, ' ');
            case 'j' -> number(t.getDayOfYear(), padding, width, 3, '0');
            case 'H' -> number(t.getHour(), padding, width, 2, '0');
            case 'k' -> number(t.getHour(), padding, width, 2, ' ');
            case 'I' -> number(hour12(t), padding, width, 2, '0');
            case 'l' -> number(hour12(t), padding, width, 2, ' ');
            case 'M' -> number(t.getMinute(), padding, width, 2, '0');
            case 'S' -> number(t.getSecond(), padding, width, 2, '0');
            case 'L' -> fraction(t.getNano(), width < 0 ? 3 : width);
            case 'N' -> fraction(t.getNano(), width < 0 ? 9 : width);
            case 'u' -> number(t.getDayOfWeek().getValue(), padding, width, 1, '0');
            case 'w' -> number(t.getDayOfWeek().getValue() % 7, padding, width, 1, '0');
            case 'U' -> number(weekOfYear(t, DayOfWeek.SUNDAY), padding, width, 2, '0');
            case 'W' -> number(weekOfYear(t, DayOfWeek.MONDAY), padding, width, 2, '0');
            case 'G' -> number(t.get(IsoFields.WEEK_BASED_YEAR), padding, width, 1, '0');
            case 'g' -> number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), padding, width, 2, '0');
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), padding, width, 2, '0');
            case 's' -> number(t.toEpochSecond(), padding, width, 1, '0');
            case 'A' -> text(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), padding, width);
            case 'a' -> text(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), padding, width);
            case 'B' -> text(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), padding, width);
            case 'b', 'h' -> text(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), padding, width);
            case 'p' -> text(t.getHour() < 12 ? "AM" : "PM", padding, width);
            case 'P' -> text(t.getHour() < 12 ? "am" : "pm", padding, width);
            case 'z' -> offset(value, colons, padding, width);
            case 'Z' -> text(zoneName(value), padding, width);
            case 'c' -> text(format(value, "%a %b %e %H:%M:%S %Y"), padding, width);
            case 'D', 'x' -> text(format(value, "%m/%d/%y"), padding, width);
            case 'F' -> text(format(value, "%Y-%m-%d"), padding, width);
            case 'T', 'X' -> text(format(value, "%H:%M:%S"), padding, width);
            case 'R' -> text(format(value, "%H:%M"), padding, width);
            case 'r' -> text(format(value, "%I:%M:%S %p"), padding, width);
            case '+' -> text(format(value, "%a %b %e %H:%M:%S %Z %Y"), padding, width);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static int weekOfYear(ZonedDateTime t, DayOfWeek first) {
        int dayOfYear = t.getDayOfYear() - 1;
        int weekday = first == DayOfWeek.SUNDAY ? t.getDayOfWeek().getValue() % 7 : t.getDayOfWeek().getValue() - 1;
        return (dayOfYear + 7 - weekday) / 7;
    }

    private static String number(long value, char padding, int width, int defaultWidth, char defaultPad) {
        String digits = Long.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        if (padding == '-') {
            return sign + digits;
        }
        char pad = padding == '_' ? ' ' : padding == '0' ? '0' : defaultPad;
        int w = width >= 0 ? width : defaultWidth;
        StringBuilder out = new StringBuilder();
        for (int i = sign.length() + digits.length(); i < w; i++) {
            out.append(pad);
        }
        return pad == '0' ? sign + out + digits : out + sign + digits;
    }

    private static String text(String value, char padding, int width) {
        if (width <= value.length() || padding == '-') {
            return value;
        }
        char pad = padding == '0' ? '0' : ' ';
        return String.valueOf(pad).repeat(width - value.length()) + value;
    }

    private static String fraction(int nanos, int digits) {
        String nine = String.format(Locale.ROOT, "%09d", nanos);
        return digits <= 9 ? nine.substring(0, digits) : nine + "0".repeat(digits - 9);
    }

    private static String offset(RubyTime value, int colons, char padding, int width) {
        int seconds = value.kind() == RubyTime.Kind.DATE ? 0 : value.time().getOffset().getTotalSeconds();
        char sign = seconds < 0 ? '-' : '+';
        int abs = Math.abs(seconds);
        String hours = String.format(Locale.ROOT, "%02d", abs / 3600);
        String minutes = String.format(Locale.ROOT, "%02d", abs / 60 % 60);
        String result = switch (colons) {
            case 1 -> sign + hours + ":" + minutes;
            case 2 -> sign + hours + ":" + minutes + ":" + String.format(Locale.ROOT, "%02d", abs % 60);
            default -> sign + hours + minutes;
        };
        return text(result, padding, width);
    }

    /** What Ruby prints for {@code %Z}: the zone's abbreviation for local times, nothing for fixed offsets, "+00:00" for a Date. */
    private static String zoneName(RubyTime value) {
        return switch (value.kind()) {
            case OFFSET -> "";
            case DATE -> "+00:00";
            case LOCAL -> value.time().getZone() instanceof ZoneOffset offset
                    ? offset.getTotalSeconds() == 0 ? "UTC" : ""
                    : ZONE_NAME.format(value.time());
        };
    }
}
