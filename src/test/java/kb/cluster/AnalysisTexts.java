package kb.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Texts to analyze on both sides: hand-written edge cases, and the real articles' titles and
 * body lines from the dev corpus (as {@code kb.corpus.DevCorpus} extracts it).
 */
final class AnalysisTexts {

    private AnalysisTexts() {
    }

    /** Identifiers, versions, possessives, URLs, scripts, marks and lengths that analysis treats apart. */
    static List<String> edgeCases() {
        List<String> texts = new ArrayList<>(List.of(
                "MENU.COM", "VTS_UI1", "Setup.exe", "C:\\WINDOWS\\SYSTEM", "Win32.dll", "isn't", "o'neil.txt", "O'Neil.TXT",
                "6.0a", "2.0", "10.0.1", "John's", "James'", "students' books", "Windows 3.0's setup",
                "Q319864", "KB319864", "319864", "Q319864: FIX: Custom Key Assignments May Not Work",
                "http://support.microsoft.com/kb/319864/EN-US/", "https://example.com/a_b/c.d?x=1&y=2#frag",
                "ftp://ftp.microsoft.com/softlib/MSLFILES/VTS_UI1.EXE", "www.microsoft.com", "mailto:user@example.com",
                "someone@microsoft.com", "first.last@sub.example.co.uk", "日本語のテキストを検索する", "中文文本 搜索",
                "한국어 텍스트", "ภาษาไทย", "Привет, мир.txt", "ΣΊΣΥΦΟΣ", "İstanbul ı I", "café naïve résumé Ærø Größe.doc",
                "ÅNGSTRÖM.TXT", "Ω.dat", "ﬁle ligature", "soft\u00ADhyphen", "MENU\u00AD.COM", "it’s John’s O’Neil.txt",
                "rock'n'roll", "don't DON'T", "naïve.txt", "x_1", "__init__", "_SETUP.EXE", "trailing_", "dotted.word.",
                ".hidden", ".NET", "ASP.NET", "A.B.C", "a.b", "U.S.A.", "Mr. Smith", "e.g. i.e. etc.",
                "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion", "A_B\\C.D", "WM_PAINT WM_SETTEXT",
                "error 0x80070005", "Error 10054: WSAECONNRESET", "1.2.3.4", "192.168.0.1", "version 6.0a.1", "3.14 1,000,000",
                "C++ C# F#", "Visual C++ 4.x", "Ctrl+Alt+Del", "3.5-inch disk", "file-name.txt", "IBM's PS/2",
                "\"quoted\" (parens) [brackets] {braces}", "The the THE and or a an of to", "to be or not to be",
                "😀 smile 👍🏽 thumbs", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math", "tab\tseparated\twords", "line\r\nbreaks\nand\rreturns", "",
                "   ", "a", "MSVCRT40.DLL and VTS_UI1.DLL are in C:\\WINDOWS\\SYSTEM\\", "DRIVER.SYS=C:\\DOS\\DRIVER.SYS /X",
                "WIN.INI [windows] load=", "AUTOEXEC.BAT CONFIG.SYS", "@ECHO OFF", "%PATH%;C:\\BIN", "$100.00 20% #1",
                "Microsoft(R) Windows(TM) 95", "ten-dollar-word", "co-operate", "the 1990's", "MS-DOS 6.22",
                "Windows NT 4.0 SP6a", "SQL Server 7.0's", "VB4.0", "v1.0", "1.0v", "x86-64", "i386.inf",
                "a.b_c\\d", "ABC.", "Ab.Cd.Ef.Gh", "Σ.txt", "ǅungla.txt", "Ⅻ.roman", "５.０ full width", "ＭＥＮＵ．ＣＯＭ",
                "ＡＢＣ＿ＤＥＦ", "٣.٥ arabic digits", "क.ख devanagari", "ab\u200Bcd zero width", "ab\u200Dcd joiner",
                "non\u00A0breaking space", "em—dash en–dash", "“curly” ‘quotes’", "…ellipsis", "A\u0301ccent.txt"));
        texts.add("a".repeat(300));
        texts.add("x".repeat(254) + ".com");
        texts.add("Very" + ".Long".repeat(60) + " identifier");
        texts.add("w".repeat(255) + " " + "y".repeat(256) + " " + "z_".repeat(200));
        texts.add(String.join(" ", texts.subList(0, 40)));
        return texts;
    }

    /**
     * Every article's title (its {@code ## Qnnn: } heading, without the ID) and the body lines of
     * every {@code step}-th article, in path order, from the extracted Jekyll sources.
     */
    static Corpus corpus(Path sources, int step) {
        List<Path> articles;
        try (Stream<Path> walk = Files.walk(sources.resolve("kb"))) {
            articles = walk.filter(p -> p.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> titles = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            List<String> source = read(articles.get(i));
            boolean body = false;
            for (String line : source) {
                if (line.startsWith("## ") && titles.size() < i + 1) {
                    titles.add(line.substring(3).replaceFirst("^Q\\d+: ", ""));
                } else if (line.startsWith("{% raw %}")) {
                    body = true;
                } else if (line.startsWith("{% endraw %}")) {
                    body = false;
                } else if (body && i % step == 0 && !line.isBlank()) {
                    lines.add(line.startsWith("\t") ? line.substring(1) : line);
                }
            }
        }
        return new Corpus(articles.size(), titles, lines);
    }

    /** The texts taken from the corpus: titles, body lines, and how many articles were read. */
    record Corpus(int articles, List<String> titles, List<String> bodyLines) {
        Corpus {
            titles = List.copyOf(titles);
            bodyLines = List.copyOf(bodyLines);
        }
    }

    private static List<String> read(Path file) {
        try {
            // Decoded leniently, as kb reads sources: a stray byte must not end the sample.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
