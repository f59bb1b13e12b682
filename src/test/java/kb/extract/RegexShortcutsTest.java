package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.model.FooterField;
import kb.parse.FirstCharFind;
import org.junit.jupiter.api.Test;

/**
 * The character tests that spare most lines a regex give the answers the regexes alone gave, on
 * random lines made of the patterns' own words and signs (a shortcut that is wrong for a line
 * shape shows here, not as a page laid out differently).
 */
class RegexShortcutsTest {

    private static final String[] PIECES = {
        " ", "  ", "   ", "\t", "=", "==", "===", "-", "---", ";", "{", "}", "(", ")", "[", "]", "#", "/", "*", "@",
        "$", "$ ", ">", "> ", ":", "\\", ".", ",", "·", "o", "a", "b", "Z", "Q", "1", "12", "123", "_", "'", "|", "+",
        "\u0001", "\u2003", "\u00A0", "\r", "REMARK", "x", "Then", "As", "Error", "Sub", "Function", "C:", "c:\\",
        "HKEY_", "{%", "%}", "{{", "}}", "{%-", "-%}", "raw", "endraw", "site", "site.title", "include", "Article:",
        "copy", "xcopy", "net", "cd", "dir", "set", "regedit", "rundll32", "setup", "msiexec", "ping", "ipconfig",
        "nbtstat", "format", "attrib", "start", "call", "echo", "COPY", "NET", "SET", "ECHO", "REM", "rem", "@echo",
        "Dim", "ReDim", "Private", "Public", "Global", "Static", "Declare", "End", "If", "Else", "Loop", "Wend", "Next",
        "ElseIf", "For", "Let", "On", "Exit", "int", "void", "char", "long", "short", "unsigned", "double", "float",
        "static", "extern", "struct", "typedef", "const", "BOOL", "DWORD", "HANDLE", "LPSTR", "LPCSTR", "WORD", "BYTE",
        "UINT", "LRESULT", "HWND", "HRESULT", "LPVOID", "VOID", "return", "break", "continue", "goto", "if", "while",
        "for", "switch", "else", "do", "case", "default", "mov", "push", "pop", "jmp", "jne", "je", "jz", "jnz", "cmp",
        "lea", "xor", "inc", "dec", "shl", "shr", "MOV", "PUSH", "POP", "JMP", "CMP", "LEA", "XOR", "include", "define",
    };

    private static final Pattern MARKUP = Pattern.compile("\\{\\{(.*?)\\}\\}|\\{%-?\\s*(\\w+)(.*?)-?%\\}", Pattern.DOTALL);
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%\\}");

    private final Random random = new Random(20261205);

    private String line() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private List<String> lines(int count) {
        List<String> lines = new ArrayList<>(List.of("", " ", "a", "o x", "- x", "· x", "a) b", "(1) x", "10. Do it",
                "x=1", "_x=1", "}", "{", "} while;", "C:\\>dir", "$ ls", ">x", "REM x", "rundll32 a", "Next i", "If a Then"));
        for (int i = 0; i < count; i++) {
            lines.add(line());
        }
        return lines;
    }

    @Test
    void lineShapesTestsMissNoLineThePatternsMatch() {
        int matched = 0;
        for (String text : lines(300_000)) {
            String c = text.strip();
            String word = LineShapes.leadingWord(c);
            if (LineShapes.COMMAND.matcher(c).lookingAt()) {
                assertThat(LineShapes.mayBeCommand(c, word)).as("command %s", c).isTrue();
                matched++;
            }
            if (LineShapes.PROMPT.matcher(c).lookingAt()) {
                assertThat(LineShapes.mayBePrompt(c)).as("prompt %s", c).isTrue();
                matched++;
            }
            if (LineShapes.CODE_LINE.matcher(c).lookingAt()) {
                assertThat(LineShapes.mayBeCode(c, word)).as("code %s", c).isTrue();
                matched++;
            }
        }
        assertThat(matched).isGreaterThan(10_000);
    }

    @Test
    void listMarkerTestMissesNoMarker() {
        int matched = 0;
        List<String> texts = lines(200_000);
        String[] markers = {"-", "*", "o", "·", "1.", "12)", "a.", "B)", "(3)", "(b)", "1234.", "(123)", "ab.", "x"};
        for (int i = 0; i < 100_000; i++) {
            texts.add(" ".repeat(random.nextInt(4)) + markers[random.nextInt(markers.length)]
                    + " ".repeat(random.nextInt(3)) + line());
        }
        for (String text : texts) {
            if (ListMarker.MARKER.matcher(text).matches()) {
                assertThat(ListMarker.mayStartItem(text)).as(text).isTrue();
                matched++;
            }
        }
        assertThat(matched).isGreaterThan(10_000);
    }

    @Test
    void headingLevelsAsThePatternsGaveThem() {
        int headings = 0;
        for (int round = 0; round < 100_000; round++) {
            List<Line> body = new ArrayList<>();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String text = switch (random.nextInt(6)) {
                    case 0 -> "";
                    case 1 -> " ".repeat(random.nextInt(3)) + (random.nextBoolean() ? "=" : "-").repeat(random.nextInt(30));
                    case 2 -> " ".repeat(random.nextInt(3)) + "Title of it".substring(0, random.nextInt(12));
                    default -> line().stripTrailing();
                };
                body.add(new Line(text, i + 1));
            }
            for (int i = 0; i + 1 < body.size(); i++) {
                int level = SectionSplitter.headingLevel(body, i);
                assertThat(level).as("%s at %d", body, i).isEqualTo(headingLevelByPatterns(body, i));
                headings += level > 0 ? 1 : 0;
            }
        }
        assertThat(headings).isGreaterThan(500);
    }

    @Test
    void firstCharFindFindsWhatFindFinds() {
        for (int round = 0; round < 100_000; round++) {
            String text = line() + line() + line();
            int from = random.nextInt(text.length() + 1);
            for (Pattern p : List.of(MARKUP, END_RAW)) {
                Matcher plain = p.matcher(text);
                Matcher quick = p.matcher(text);
                boolean found = plain.find(from);
                assertThat(FirstCharFind.find(quick, text, '{', from)).as("%s in %s from %d", p, text, from).isEqualTo(found);
                if (found) {
                    assertThat(quick.start()).isEqualTo(plain.start());
                    assertThat(quick.end()).isEqualTo(plain.end());
                    assertThat(quick.group()).isEqualTo(plain.group());
                }
            }
        }
    }

    @Test
    void footerTokensAsSplitGaveThem() {
        for (String value : lines(200_000)) {
            List<String> expected = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
            assertThat(new FooterField("k", "K", value).tokens()).as("[%s]", value).isEqualTo(expected);
        }
        assertThat(new FooterField("k", "K", "\u0001").tokens()).containsExactly("");
    }

    /** SectionSplitter.headingLevel as it was before its shortcuts: the reference. */
    private static int headingLevelByPatterns(List<Line> body, int i) {
        Line text = body.get(i);
        Line rule = body.get(i + 1);
        String content = text.content();
        if (text.isBlank() || text.indent() > 1 || content.length() > 100
                || content.chars().noneMatch(Character::isLetter)
                || Pattern.compile("[^\\s.?!:;,] {2,}\\S").matcher(content).find() || content.contains("|")) {
            return 0;
        }
        if (i > 0 && !body.get(i - 1).isBlank()) {
            String prev = body.get(i - 1).content();
            if (prev.isEmpty() || !prev.chars().allMatch(c -> c == '=' || c == '-')) {
                return 0;
            }
        }
        int diff = Math.abs(rule.content().length() - content.length());
        if (rule.text().matches("^ {0,1}=+$") && rule.content().length() >= 3 && diff <= 3) {
            return 1;
        }
        if (rule.text().matches("^ {0,1}-+$") && rule.content().length() >= 3 && diff <= 1
                && rule.indent() == text.indent()) {
            return 2;
        }
        return 0;
    }
}
