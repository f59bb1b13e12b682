package kb.diag;

import java.util.Locale;

/** How a message names a character. */
public final class CodePoints {

    private CodePoints() {
    }

    /** {@code "U+0007 (BEL)"}: the code point and, when Unicode has one, its name. */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
    }
}
