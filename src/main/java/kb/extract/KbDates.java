package kb.extract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** KB dates: {@code 13-MAY-2002} and the one-digit days of older articles ({@code 6-FEB-1991}). */
final class KbDates {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private KbDates() {
    }

    /** The date, or empty when the text is not a KB date. Also accepts ISO dates. */
    static Optional<LocalDate> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, FORMAT));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(t)); // ISO dates are strict already
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
