package kb.outputs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates as readers see them. */
public final class Dates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    /** {@code 2002-05-13} → {@code 13 May 2002}; "" for "" or an unreadable date. */
    public static String readable(String iso) {
        if (iso.isEmpty()) {
            return "";
        }
        try {
            return LocalDate.parse(iso).format(READABLE);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
