package kb.liquid;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A date as Ruby holds it: a {@code Time} in the local zone (with a zone name for {@code %Z}),
 * a {@code Time} with a fixed offset (no zone name), or a {@code Date} (no time of day).
 *
 * @param time the moment, in the zone or offset Ruby would show
 * @param kind which of Ruby's three it is
 */
record RubyTime(ZonedDateTime time, Kind kind) {

    enum Kind { LOCAL, OFFSET, DATE }

    /** Ruby's {@code to_s}: {@code 2024-01-15 08:30:00 +0000}, or {@code 2024-03-08} for a Date. */
    @Override
    public String toString() {
        return Strftime.format(this, kind == Kind.DATE ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S %z");
    }

    /** Ruby's {@code to_time.localtime}: the same moment in {@code zone}, as Jekyll's date filters use. */
    RubyTime local(ZoneId zone) {
        ZonedDateTime moment = kind == Kind.DATE ? time.toLocalDate().atStartOfDay(zone) : time.withZoneSameInstant(zone);
        return new RubyTime(moment, Kind.LOCAL);
    }
}
