package kb.liquid;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Liquid and Jekyll read them: Java time values, and strings in the forms Ruby's
 * {@code Time.parse} reads in front matter and data files ({@code 2024-03-08},
 * {@code 2024-01-15 09:30:00 +0100}, ISO 8601, RFC 822, {@code 15 Jan 2024},
 * {@code January 15, 2024}), epoch seconds, and {@code now}/{@code today}.
 */
final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
    private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss]", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy/M/d", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy/M/d HH:mm[:ss]", Locale.ENGLISH));

    private Dates() {
    }

    /** Liquid's {@code Utils.to_date}: the value as a date, or empty when it is none. */
    static Optional<RubyTime> toDate(Object value, ZoneId zone) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof TemporalAccessor || value instanceof Date) {
            return Optional.of(of(value, zone));
        }
        if (value instanceof Number number && !(value instanceof Double)) {
            return Optional.of(epoch(number.longValue(), zone));
        }
        if (value instanceof String s) {
            return parse(s, zone);
        }
        return Optional.empty();
    }

    /** A Java time value as Ruby would hold it. */
    static RubyTime of(Object value, ZoneId zone) {
        if (value instanceof ZonedDateTime z) {
            return new RubyTime(z, z.getZone() instanceof ZoneOffset ? RubyTime.Kind.OFFSET : RubyTime.Kind.LOCAL);
        }
        if (value instanceof OffsetDateTime o) {
            return new RubyTime(o.toZonedDateTime(), RubyTime.Kind.OFFSET);
        }
        if (value instanceof LocalDate d) {
            return new RubyTime(d.atStartOfDay(ZoneOffset.UTC), RubyTime.Kind.DATE);
        }
        if (value instanceof LocalDateTime l) {
            return new RubyTime(l.atZone(zone), RubyTime.Kind.LOCAL);
        }
        if (value instanceof Instant i) {
            return new RubyTime(i.atZone(zone), RubyTime.Kind.LOCAL);
        }
        if (value instanceof Date d) {
            return new RubyTime(d.toInstant().atZone(zone), RubyTime.Kind.LOCAL);
        }
        TemporalAccessor t = (TemporalAccessor) value;
        try {
            return new RubyTime(ZonedDateTime.from(t), RubyTime.Kind.LOCAL);
        } catch (RuntimeException e) {
            return new RubyTime(LocalDate.from(t).atStartOfDay(ZoneOffset.UTC), RubyTime.Kind.DATE);
        }
    }

    /** Ruby's {@code to_s} of a time value. */
    static String rubyString(TemporalAccessor value) {
        return of(value, ZoneOffset.UTC).toString();
    }

    private static RubyTime epoch(long seconds, ZoneId zone) {
        return new RubyTime(Instant.ofEpochSecond(seconds).atZone(zone), RubyTime.Kind.LOCAL);
    }

    /** Ruby's {@code Time.parse} for the forms sites use; a time without an offset is local. */
    static Optional<RubyTime> parse(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("now") || lower.equals("today")) {
            return Optional.of(new RubyTime(ZonedDateTime.now(zone), RubyTime.Kind.LOCAL));
        }
        if (lower.matches("\\d+")) {
            try {
                return Optional.of(epoch(Long.parseLong(lower), zone));
            } catch (NumberFormatException | DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher iso = ISO.matcher(s);
        if (iso.lookingAt()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
                LocalTime time = iso.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(
                        Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                        iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)),
                        iso.group(7) == null ? 0 : Integer.parseInt((iso.group(7) + "00000000").substring(0, 9)));
                String offset = iso.group(8);
                if (offset == null) {
                    return Optional.of(new RubyTime(date.atTime(time).atZone(zone), RubyTime.Kind.LOCAL));
                }
                if (offset.equals("UTC") || offset.equals("GMT") || offset.equals("Z")) {
                    return Optional.of(new RubyTime(date.atTime(time).atZone(ZoneOffset.UTC), RubyTime.Kind.LOCAL));
                }
                String digits = offset.replace(":", "");
                ZoneOffset zoneOffset = ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                        digits.length() > 3 ? Integer.parseInt(digits.charAt(0) + digits.substring(3)) : 0);
                return Optional.of(new RubyTime(date.atTime(time).atZone(zoneOffset), RubyTime.Kind.OFFSET));
            } catch (DateTimeException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        for (DateTimeFormatter format : TEXT_FORMATS) {
            try {
                TemporalAccessor parsed = format.parse(s);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return Optional.of(new RubyTime(ZonedDateTime.from(parsed), RubyTime.Kind.OFFSET));
                }
                LocalDate date = LocalDate.from(parsed);
                LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                        ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
                return Optional.of(new RubyTime(date.atTime(time).atZone(zone), RubyTime.Kind.LOCAL));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
