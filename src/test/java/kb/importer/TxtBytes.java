package kb.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the bytes of KB text files for tests: text with CRLF line ends, plus raw bytes. */
final class TxtBytes {

    private TxtBytes() {
    }

    /**
     * The bytes of {@code parts}: strings (ASCII; {@code \n} becomes CRLF) and integers (one raw
     * byte each, such as {@code 0x92}).
     */
    static byte[] crlf(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** {@code text} in CP-1252 with CRLF line ends (for text with non-ASCII characters). */
    static byte[] cp1252(String text) {
        return text.replace("\n", "\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
    }

    /** The footer's closing rule and the legal notice that ends an article file (cut by the importer). */
    static final String NOTICE = "\n=============================================================================\n"
            + "\nTHIS SAMPLE NOTICE STANDS FOR THE LEGAL TEXT THAT ENDS EACH ARTICLE FILE.\n\nCopyright Contoso Ltd 2001.";

    /** The header of an article, up to and including the {@code =====} rule line. */
    static String header(String id, String date, String title) {
        return "DOCUMENT:" + id + "  " + date + "  [widget]\n"
                + "TITLE   :" + title + "\n"
                + "PRODUCT :Contoso Widget Studio\n"
                + "PROD/VER::2.0\n"
                + "OPER/SYS:\n"
                + "KEYWORDS:kbwidget kbhowto\n"
                + "\n"
                + "======================================================================\n";
    }

    /** A complete single-article file: header, rule, {@code body} and the legal notice. */
    static String article(String id, String date, String title, String body) {
        return header(id, date, title) + body + NOTICE;
    }

    /** Writes {@code bytes} to {@code file}, creating its folder. */
    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
