package kb.extract;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the archive converter's {@code <XX>} escapes for high bytes ({@code <A0>} NBSP,
 * {@code <E9>} é, {@code <B7>} ·) as Windows-1252. Low values ({@code <00>}–{@code <20>},
 * {@code <7F>}) are left alone: the same spelling is used literally in original texts as
 * notation ({@code <1B>} for ESC), and bytes Windows-1252 leaves undefined stay as written.
 */
final class ByteEscapes {

    private static final Pattern ESCAPE = Pattern.compile("<([89A-F][0-9A-F])>");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ByteEscapes() {
    }

    static String decode(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            int b = Integer.parseInt(m.group(1), 16);
            String decoded = new String(new byte[] {(byte) b}, WINDOWS_1252);
            boolean defined = !decoded.equals("\uFFFD") && !Character.isISOControl(decoded.charAt(0));
            m.appendReplacement(sb, Matcher.quoteReplacement(defined ? decoded : m.group()));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
