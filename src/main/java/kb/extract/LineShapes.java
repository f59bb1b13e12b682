package kb.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kb.model.Block.PreKind;

/**
 * Tells from their shape whether lines must keep their layout (code, tables, diagrams, command
 * lines, registry paths) or are prose that may be reflowed. When in doubt the answer is "keep the
 * layout": a needless {@code <pre>} only looks plain, a wrong reflow destroys a table.
 */
final class LineShapes {

    private static final Pattern WIDE_GAP = Pattern.compile("[^\\s.?!:;,] {2,}\\S");
    /** Box drawing, pipes, corners and long runs of rule characters. */
    private static final Pattern BOX = Pattern.compile(
            "(\\+[-=]{2,}|[-=]{2,}\\+|\\|\\s|\\s\\||^\\||\\|$|[-=_*#~^]{5,}|\\.{6,}|[\u2500-\u257F])");
    /** Arrows, which prose uses too ("File -> Open"): a sign only in text that is not prose. */
    private static final Pattern ARROW = Pattern.compile("(-->|<--|->|<-|==>|<==|/\\\\|\\\\/)");
    private static final Pattern REGISTRY = Pattern.compile(
            "^(HKEY_[A-Z_]+|HKLM\\\\|HKCU\\\\|HKCR\\\\)|\\\\(CurrentControlSet|SOFTWARE|System)\\\\|: ?REG_[A-Z_]+\\b");
    /** A command prompt ({@code C:\\>}, {@code $ }): the line is a command whatever it says. */
    static final Pattern PROMPT = Pattern.compile("^([A-Za-z]:\\\\[^ ]*>|\\$ )");
    /** Prompts and commands as typed (lower case or all capitals: prose starts with "Set the"). */
    static final Pattern COMMAND = Pattern.compile(
            "^([A-Za-z]:\\\\[^ ]*>|\\$ |> ?\\S|(copy|xcopy|net|cd|dir|set|regedit|rundll32|setup|msiexec|ping|ipconfig|nbtstat|format|attrib|start|call|echo)( |$)"
                    + "|(COPY|XCOPY|NET|CD|DIR|SET|REGEDIT|SETUP|FORMAT|ATTRIB|START|CALL|ECHO)( |$))");
    static final Pattern CODE_LINE = Pattern.compile(
            "^(#\\s*(include|define|if|ifdef|ifndef|endif|else|pragma|undef|import)\\b|//|/\\*|\\*/|(REM|rem|@echo)\\b"
                    + "|(Dim|ReDim) \\w+( As \\w+|\\(|,|$)|(Private|Public|Global|Static) (Sub|Function|Const|Declare|Type|\\w+ As )"
                    + "|Declare (Sub|Function) |(Sub|Function) \\w+ ?\\(|End (Sub|Function|If|Select|With|Type|Property)$"
                    + "|If .+ Then$|(Else|Loop|Wend|Next( \\w+)?)$|ElseIf .+ Then$|For \\w+ = |(Set|Let) \\w+ = |On Error |Exit (Sub|Function|For|Do)$"
                    + "|(int|void|char|long|short|unsigned|double|float|static|extern|struct|typedef|const|BOOL|DWORD|HANDLE|LPSTR|LPCSTR|WORD|BYTE|UINT|LRESULT|HWND|HRESULT|LPVOID|VOID)\\s+[\\w*(].*[;({,)]$"
                    + "|(return|break|continue|goto)\\b.*;$|(if|while|for|switch) ?\\(|(else|do)$|case .*:$|default:$"
                    + "|(mov|push|pop|jmp|jne|je|jz|jnz|cmp|lea|xor|inc|dec|shl|shr|MOV|PUSH|POP|JMP|CMP|LEA|XOR) +[\\w\\[\\]]+"
                    + "|\\[[\\w .-]+\\]$|[A-Za-z_][\\w.]*=\\S*$|[{}]$|}\\s*\\w*;?$)");
    /** The words {@link #COMMAND} starts with. */
    private static final Set<String> COMMAND_WORDS = Set.of("copy", "xcopy", "net", "cd", "dir", "set", "regedit",
            "rundll32", "setup", "msiexec", "ping", "ipconfig", "nbtstat", "format", "attrib", "start", "call", "echo",
            "COPY", "XCOPY", "NET", "CD", "DIR", "SET", "REGEDIT", "SETUP", "FORMAT", "ATTRIB", "START", "CALL", "ECHO");
    /** The words {@link #CODE_LINE}'s alternatives start with, but for its assignment ({@code x=1}). */
    private static final Set<String> CODE_WORDS = Set.of("REM", "rem", "Dim", "ReDim", "Private", "Public", "Global",
            "Static", "Declare", "Sub", "Function", "End", "If", "Else", "Loop", "Wend", "Next", "ElseIf", "For", "Set",
            "Let", "On", "Exit", "int", "void", "char", "long", "short", "unsigned", "double", "float", "static",
            "extern", "struct", "typedef", "const", "BOOL", "DWORD", "HANDLE", "LPSTR", "LPCSTR", "WORD", "BYTE", "UINT",
            "LRESULT", "HWND", "HRESULT", "LPVOID", "VOID", "return", "break", "continue", "goto", "if", "while", "for",
            "switch", "else", "do", "case", "default", "mov", "push", "pop", "jmp", "jne", "je", "jz", "jnz", "cmp",
            "lea", "xor", "inc", "dec", "shl", "shr", "MOV", "PUSH", "POP", "JMP", "CMP", "LEA", "XOR");
    private static final Pattern URL = Pattern.compile("^(https?|ftp)://\\S+$|^www\\.\\S+$|^\\\\\\\\\\S+$");

    /** A line ends before this column only where its text wanted a break. */
    private static final int WRAP_COLUMN = 68;

    private LineShapes() {
    }

    /**
     * The kind of layout these lines need, or empty when nothing requires keeping it.
     *
     * @param prose whether the lines otherwise read as prose (then arrows and short commands
     *              do not count)
     */
    static Optional<PreKind> layoutKind(List<Line> lines, boolean prose) {
        int gaps = 0;
        int box = 0;
        int arrows = 0;
        int registry = 0;
        int command = 0;
        int prompts = 0;
        int code = 0;
        int codeEnd = 0;
        for (Line line : lines) {
            String c = line.content();
            // Cheap character tests first: most lines are plain prose and need no regex at all.
            boolean spaces = c.contains("  ");
            boolean marks = c.indexOf('|') >= 0 || c.indexOf('+') >= 0 || hasRun(c) || hasBoxDrawing(c);
            gaps += spaces && WIDE_GAP.matcher(c).find() ? 1 : 0;
            box += marks && BOX.matcher(c).find() ? 1 : 0;
            arrows += (c.contains("->") || c.contains("<-") || c.contains("=>") || c.contains("<=") || c.contains("/\\")
                    || c.contains("\\/")) && ARROW.matcher(c).find() ? 1 : 0;
            registry += (c.indexOf('\\') >= 0 || c.contains("HK") || c.contains("REG_")) && REGISTRY.matcher(c).find() ? 1 : 0;
            String word = leadingWord(c);
            command += mayBeCommand(c, word) && COMMAND.matcher(c).lookingAt() ? 1 : 0;
            prompts += mayBePrompt(c) && PROMPT.matcher(c).lookingAt() ? 1 : 0;
            code += mayBeCode(c, word) && CODE_LINE.matcher(c).lookingAt() ? 1 : 0;
            char last = c.isEmpty() ? ' ' : c.charAt(c.length() - 1);
            codeEnd += last == ';' || last == '{' || last == '}' ? 1 : 0;
        }
        int n = lines.size();
        if (registry > 0) {
            return Optional.of(PreKind.REGISTRY);
        }
        if (code > 0 && (code + codeEnd) * 3 >= n || n > 1 && codeEnd * 2 > n) {
            return Optional.of(PreKind.CODE);
        }
        if (prompts > 0 && n <= 3) {
            return Optional.of(PreKind.COMMAND);
        }
        if (box > 0) {
            return Optional.of(gaps > box ? PreKind.TABLE : PreKind.DIAGRAM);
        }
        if (gaps > 0) {
            return Optional.of(PreKind.TABLE);
        }
        if (!prose && arrows > 0) {
            return Optional.of(PreKind.DIAGRAM);
        }
        if (!prose && command > 0) {
            return Optional.of(PreKind.COMMAND);
        }
        return Optional.empty();
    }

    /*
     * What a line must have for COMMAND, PROMPT or CODE_LINE to match it: each alternative of
     * theirs starts with a given character, has a drive's colon second, or starts with a given
     * word (then the line's leading letters and digits are that word: the alternatives go on with
     * a space, a bracket, a boundary or the end) or holds an equals sign. Most lines are prose,
     * and these tests spare them the patterns' dozens of alternatives.
     */

    /** The ASCII letters and digits a line starts with ({@code copy} of {@code copy a b}). */
    static String leadingWord(String c) {
        int i = 0;
        while (i < c.length() && isAsciiLetterOrDigit(c.charAt(i))) {
            i++;
        }
        return c.substring(0, i);
    }

    private static boolean isAsciiLetterOrDigit(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
    }

    static boolean mayBePrompt(String c) {
        return c.length() > 1 && c.charAt(1) == ':' || c.startsWith("$ ");
    }

    static boolean mayBeCommand(String c, String word) {
        return mayBePrompt(c) || c.startsWith(">") || COMMAND_WORDS.contains(word);
    }

    static boolean mayBeCode(String c, String word) {
        return !c.isEmpty() && "#/*@[{}".indexOf(c.charAt(0)) >= 0 || c.indexOf('=') >= 0 || CODE_WORDS.contains(word);
    }

    /** Five or more rule characters in a row, or six dots (what {@link #BOX} looks for). */
    private static boolean hasRun(String s) {
        int rule = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            rule = "-=_*#~^".indexOf(c) >= 0 ? rule + 1 : 0;
            dots = c == '.' ? dots + 1 : 0;
            if (rule >= 5 || dots >= 6) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBoxDrawing(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u2500' && c <= '\u257F') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the lines are hard-wrapped prose: every line but the last filled up so that the
     * next line's first word would not have fitted in the archive's 70 to 80 columns. A short
     * line before another is a deliberate break (an address, a menu path, a list of values).
     */
    static boolean wrapped(List<Line> lines) {
        for (int i = 0; i < lines.size() - 1; i++) {
            Line line = lines.get(i);
            String next = lines.get(i + 1).content();
            int space = next.indexOf(' ');
            int nextWord = space < 0 ? next.length() : space;
            if (line.length() < 45 || line.length() + 1 + nextWord < WRAP_COLUMN) {
                return false;
            }
        }
        return true;
    }

    /** Mostly letters: at least three quarters of the non-space characters. */
    static boolean wordy(List<Line> lines) {
        int letters = 0;
        int other = 0;
        for (Line line : lines) {
            String c = line.content();
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (Character.isLetter(ch)) {
                    letters++;
                } else if (ch != ' ') {
                    other++;
                }
            }
        }
        return letters >= 3 * other;
    }

    /** A line holding only a URL or UNC path. */
    static boolean isUrl(Line line) {
        return URL.matcher(line.content()).matches();
    }
}
