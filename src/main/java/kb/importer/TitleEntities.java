package kb.importer;

/**
 * Writes an article title the way the archive's pages do, with HTML entities for the characters
 * Markdown or Liquid could misread: {@code & | < > " $ * [ \ ]} become {@code &amp; &#124; &lt;
 * &gt; &quot; &#36; &#42; &#91; &#92; &#93;}, {@code __} becomes {@code &#95;&#95;}, and
 * {@code {{} / {@code }}} are split as {@code { {} / {@code } }}. Beyond the archive, {@code {%}
 * becomes {@code &#123;%} so that a title never opens a Liquid tag. Stateless and thread-safe.
 */
public final class TitleEntities {

    private TitleEntities() {
    }

    /** The title with entities; control characters become {@code <XX>} first, as in the archive. */
    public static String escape(String title) {
        String text = ControlCharacters.escape(title);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '&' -> out.append("&amp;");
                case '|' -> out.append("&#124;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '$' -> out.append("&#36;");
                case '*' -> out.append("&#42;");
                case '[' -> out.append("&#91;");
                case '\\' -> out.append("&#92;");
                case ']' -> out.append("&#93;");
                case '_' -> {
                    if (next == '_') {
                        out.append("&#95;&#95;");
                        i++;
                    } else {
                        out.append('_');
                    }
                }
                case '{' -> {
                    if (next == '%') {
                        out.append("&#123;");
                    } else {
                        out.append(next == '{' ? "{ " : "{");
                    }
                }
                case '}' -> out.append(next == '}' ? "} " : "}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
