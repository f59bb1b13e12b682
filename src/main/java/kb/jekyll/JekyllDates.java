package kb.jekyll;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Dates as Jekyll reads them from front matter and post file names: {@code 2024-03-08},
 * {@code 2024-01-15 09:30:00 +0100}, {@code 2024-01-15T09:30:00Z}, ... A date without a zone is in
 * the site's time zone; every date is shown in the site's time zone, as Jekyll (which sets
 * {@code TZ} to {@code timezone:}) shows it.
 */
public final class JekyllDates {

    private static final DateTimeFormatter WITH_ZONE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-M-d")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private JekyllDates() {
    }

    /** The site's zone: {@code timezone:} when it names a zone, else the system's. */
    public static ZoneId zone(Object timezone) {
        if (timezone != null) {
            try {
                return ZoneId.of(String.valueOf(timezone).strip());
            } catch (java.time.DateTimeException e) {
                return ZoneId.systemDefault();
            }
        }
        return ZoneId.systemDefault();
    }

    /** A front-matter value as a date in {@code zone}, if it is one. */
    public static Optional<ZonedDateTime> parse(Object value, ZoneId zone) {
        if (value instanceof ZonedDateTime z) {
            return Optional.of(z.withZoneSameInstant(zone));
        }
        if (value instanceof OffsetDateTime o) {
            return Optional.of(o.atZoneSameInstant(zone));
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d.atStartOfDay(zone));
        }
        if (value instanceof LocalDateTime d) {
            return Optional.of(d.atZone(zone));
        }
        if (value instanceof java.util.Date d) {
            return Optional.of(d.toInstant().atZone(zone));
        }
        if (value == null) {
            return Optional.empty();
        }
        String s = String.valueOf(value).strip();
        try {
            if (s.length() <= 10) {
                return Optional.of(LocalDate.parse(s, DateTimeFormatter.ofPattern("yyyy-M-d")).atStartOfDay(zone));
            }
            TemporalAccessor t = WITH_ZONE.parse(s);
            LocalDateTime local = LocalDateTime.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH), t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0);
            return Optional.of(t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.atOffset(java.time.ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                            .atZoneSameInstant(zone)
                    : local.atZone(zone));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
