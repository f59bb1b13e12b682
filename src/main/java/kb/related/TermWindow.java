package kb.related;

/** TEMPORARY STUB until the related branch lands. */
public record TermWindow(String[] terms, int[] freqs) {
    public static TermWindow of(String[] terms, int[] freqs) {
        return new TermWindow(terms, freqs);
    }

    public static TermWindow of(String title, String text) {
        return new TermWindow(new String[0], new int[0]);
    }
}
