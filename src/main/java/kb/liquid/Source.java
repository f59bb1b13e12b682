package kb.liquid;

import kb.diag.SourcePosition;
import liqp.org.antlr.v4.runtime.Token;

/**
 * A text being parsed and where it comes from, to turn parser positions into file positions.
 *
 * @param file      the file as diagnostics name it
 * @param text      the Liquid text
 * @param firstLine the file's line where {@code text} starts
 */
record Source(String file, String text, int firstLine) {

    /** The position of a character offset in the text. */
    SourcePosition at(int offset) {
        return SourcePosition.at(file, text, offset, firstLine);
    }

    /** The position of a parser line (1-based) and column (0-based, in code points). */
    SourcePosition at(int line, int charPositionInLine) {
        return new SourcePosition(file, Math.max(1, firstLine + line - 1), charPositionInLine + 1);
    }

    /** Where a token starts; for a tag's token, which starts with the blanks before {@code {%-}, where its brace is. */
    SourcePosition at(Token token) {
        String text = token.getText();
        int brace = text == null ? -1 : text.indexOf('{');
        int offset = token.getStartIndex();
        if (brace > 0 && text.substring(0, brace).isBlank()) {
            offset += brace;
        }
        return offset >= 0 && offset <= this.text.length() && !hasSupplementary()
                ? at(offset) : at(token.getLine(), token.getCharPositionInLine());
    }

    private boolean hasSupplementary() {
        return text.codePoints().count() != text.length();
    }
}
