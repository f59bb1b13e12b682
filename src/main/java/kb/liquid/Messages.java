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
        if (inner instanceof ClassCastException) {
            return "Liquid error: a value of the wrong kind (a text where a list or a map is needed, or the reverse)";
        }
        if (inner instanceof NumberFormatException) {
            return "Liquid error: not a number Liquid can read: " + inner.getMessage().replaceFirst("^For input string: ", "");
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
        message = message.replaceAll("java\\.lang\\.String", "text")
                .replaceAll("(java\\.lang\\.(Long|Integer|Double)|liqp\\.PlainBigDecimal|java\\.math\\.BigDecimal)", "number")
                .replaceAll("java\\.lang\\.Boolean", "true/false")
                .replaceAll("java\\.util\\.[A-Za-z]*(Map|List)", "list or map");
        return "Liquid error: " + message.strip().replaceAll("\\s+", " ");
    }

    /** ANTLR's syntax message in Liquid's terms: what was found, without ANTLR's list of token names. */
    static String syntax(String antlr) {
        String message = antlr == null ? "unexpected input" : antlr.replaceAll("\\s+", " ");
        message = message.replaceFirst(" expecting (\\{.*\\}|\\S+)$", "");
        message = message.replaceFirst("^(mismatched|extraneous) input ", "unexpected ")
                .replaceFirst("^no viable alternative at input ", "cannot read ")
                .replaceFirst("^token recognition error at: ", "unexpected character ")
                .replaceFirst("^missing .* at ", "unexpected ");
        message = message.replace("'<EOF>'", "end of text (a tag not closed, or a block without its end tag?)")
                .replace("<EOF>", "end of text");
        return message;
    }
}
