package kb.liquid;

import java.util.regex.Pattern;

/** Turns what Liqp and ANTLR throw into kb's one-line messages. */
final class Messages {

    private static final Pattern LIQP_PREFIX = Pattern.compile(
            "^(?:error on line \\d+, index \\d+: |Liquid error: |problem with evaluating include)\\s*");

    private Messages() {
    }

    /** The most telling message of an exception: its innermost cause's, without Liqp's prefixes. */
    static String describe(Throwable thrown) {
        Throwable inner = thrown;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage();
        if (message == null || message.isBlank()) {
            message = thrown.getMessage();
        }
        if (message == null || message.isBlank()) {
            return "Liquid failed (" + inner.getClass().getSimpleName() + ")";
        }
        String previous;
        do {
            previous = message;
            message = LIQP_PREFIX.matcher(message).replaceFirst("");
        } while (!message.equals(previous));
        return "Liquid error: " + message.strip().replaceAll("\\s+", " ");
    }

    /** ANTLR's syntax message in Liquid's terms. */
    static String syntax(String antlr) {
        String message = antlr == null ? "unexpected input" : antlr;
        return message
                .replace("'<EOF>'", "the end of the text")
                .replace("<EOF>", "the end of the text")
                .replaceAll("\\b(TagStart)\\b", "'{%'")
                .replaceAll("\\b(TagEnd)\\b", "'%}'")
                .replaceAll("\\b(OutStart)\\b", "'{{'")
                .replaceAll("\\b(OutEnd)\\b", "'}}'")
                .replaceAll("\\s+", " ");
    }
}
