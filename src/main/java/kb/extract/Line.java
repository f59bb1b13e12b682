package kb.extract;

/**
 * One line of article text, TABs expanded to 8-column stops.
 *
 * @param text   the line, trailing spaces removed
 * @param number the 1-based line number in the source file
 */
record Line(String text, int number) {

    /** Columns of leading spaces. */
    int indent() {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /** The text without its indentation. */
    String content() {
        return text.strip();
    }

    int length() {
        return text.length();
    }
}
