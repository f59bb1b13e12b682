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
        return value.isBlank() ? java.util.List.of() : java.util.List.of(value.trim().split("\\s+"));
    }
}
