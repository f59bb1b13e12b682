package kb.liquid;

/**
 * Jekyll's {@code smartify} (kramdown's SmartyPants input): straight quotes to curly ones,
 * {@code ---} to an em dash, {@code --} to an en dash, {@code ...} to an ellipsis, and
 * {@code << >>} to guillemets; HTML tags are left alone.
 */
final class SmartyPants {

    private SmartyPants() {
    }

    static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
                int end = text.indexOf('>', i);
                if (end > 0) {
                    out.append(text, i, end + 1);
                    i = end;
                    continue;
                }
            }
            if (text.startsWith("---", i)) {
                out.append('\u2014');
                i += 2;
            } else if (text.startsWith("--", i)) {
                out.append('\u2013');
                i += 1;
            } else if (text.startsWith("...", i)) {
                out.append('\u2026');
                i += 2;
            } else if (text.startsWith("<< ", i)) {
                out.append("\u00ab\u00a0");
                i += 2;
            } else if (text.startsWith(" >>", i)) {
                out.append("\u00a0\u00bb");
                i += 2;
            } else if (text.startsWith("<<", i)) {
                out.append('\u00ab');
                i += 1;
            } else if (text.startsWith(">>", i)) {
                out.append('\u00bb');
                i += 1;
            } else if (c == '"' || c == '\'') {
                boolean opening = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{-\u2014\u2013".indexOf(text.charAt(i - 1)) >= 0;
                boolean apostropheBeforeDigits = c == '\'' && i + 1 < n && Character.isDigit(text.charAt(i + 1));
                if (c == '"') {
                    out.append(opening ? '\u201c' : '\u201d');
                } else {
                    out.append(opening && !apostropheBeforeDigits ? '\u2018' : '\u2019');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
