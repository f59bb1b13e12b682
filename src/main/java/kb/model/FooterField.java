package kb.model;

import java.util.Objects;

/**
 * One metadata line of an article's footer or an older in-body tag line
 * ({@code Technology        : kbSMSSearch kbSMS200}, {@code KBCategory: kbprg}).
 *
 * @param key   a stable key: {@code keywords}, {@code technology}, {@code version},
 *              {@code issue_type}, {@code solution_type}, {@code hardware}, {@code component},
 *              {@code platform}, {@code kb_category}, {@code kb_subcategory},
 *              {@code additional_query_words}, {@code additional_reference_words}, or the label
 *              lower-cased with {@code _} for others
 * @param label the label as written ({@code Issue type})
 * @param value the value as written, trimmed
 */
public record FooterField(String key, String label, String value) {

    public FooterField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** The value split at whitespace. */
    public java.util.List<String> tokens() {
        // As value.trim().split("\\s+"), without a regex: the trimmed value neither starts nor
        // ends with whitespace, so the runs between whitespace are the tokens.
        if (value.isBlank()) {
            return java.util.List.of();
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return java.util.List.of(""); // control characters only: what split gives
        }
        java.util.List<String> tokens = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= trimmed.length(); i++) {
            boolean space = i == trimmed.length() || isSpace(trimmed.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                tokens.add(trimmed.substring(start, i));
                start = -1;
            }
        }
        return java.util.List.copyOf(tokens);
    }

    /** Whitespace as the regex {@code \\s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
