package kb.liquid;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Liquid's {@code date} (Ruby's strftime; a value that is no date passes through) and Jekyll's
 * {@code date_to_string}, {@code date_to_long_string} (both with {@code "ordinal"} and
 * {@code "US"}), {@code date_to_xmlschema} and {@code date_to_rfc822}, which show the date in the
 * site's time zone; for these, a value that is no date is an error, as in Jekyll.
 */
final class DateFilters {

    private DateFilters() {
    }

    static List<Filter> all(LiquidSite site) {
        ZoneId zone = site.timeZone();
        return List.of(new Filter("date") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                String format = params.length == 0 ? "" : Values.string(params[0]);
                if (format.isEmpty()) {
                    return value;
                }
                Optional<RubyTime> date = Dates.toDate(value, zone);
                return date.isPresent() ? Strftime.format(date.get(), format) : value;
            }
        }, new Filter("date_to_string") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return stringify(value, "%b", params, zone);
            }
        }, new Filter("date_to_long_string") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return stringify(value, "%B", params, zone);
            }
        }, new Filter("date_to_xmlschema") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return Values.string(value).isEmpty() ? value : Strftime.format(time(value, zone), "%Y-%m-%dT%H:%M:%S%:z");
            }
        }, new Filter("date_to_rfc822") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return Values.string(value).isEmpty() ? value : Strftime.format(time(value, zone), "%a, %d %b %Y %H:%M:%S %z");
            }
        });
    }

    private static Object stringify(Object value, String month, Object[] params, ZoneId zone) {
        if (Values.string(value).isEmpty()) {
            return value;
        }
        RubyTime time = time(value, zone);
        String type = params.length > 0 ? Values.string(params[0]) : "";
        String style = params.length > 1 ? Values.string(params[1]) : "";
        if (type.equals("ordinal")) {
            int day = time.time().getDayOfMonth();
            String ordinalDay = day + ordinal(day);
            return Strftime.format(time, style.equals("US") ? month + " " + ordinalDay + ", %Y"
                    : ordinalDay + " " + month + " %Y");
        }
        return Strftime.format(time, "%d " + month + " %Y");
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Jekyll's {@code time(input)}: the date in the site's zone; no date is an error. */
    private static RubyTime time(Object value, ZoneId zone) {
        return Dates.toDate(value, zone)
                .orElseThrow(() -> new RenderFailure("invalid date: " + Inspect.of(value) + " is not a valid datetime"))
                .local(zone);
    }
}
