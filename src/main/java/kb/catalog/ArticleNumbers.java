package kb.catalog;

/** The number of an article ID ({@code Q319864} → 319864), which orders articles "by ID". */
final class ArticleNumbers {

    private ArticleNumbers() {
    }

    /** The digits after the ID's letters as a number; -1 when there are none or too many. */
    static long of(String id) {
        int i = 0;
        while (i < id.length() && Character.isLetter(id.charAt(i))) {
            i++;
        }
        if (i == id.length() || id.length() - i > 18) {
            return -1;
        }
        long n = 0;
        for (int j = i; j < id.length(); j++) {
            char c = id.charAt(j);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
