package kb.verify;

import java.util.List;

/**
 * The result of comparing a site with a reference site.
 *
 * @param pagesChecked    HTML pages of the reference
 * @param articles        of those, KB articles compared field by field and by body words
 * @param missing         reference URLs with no page in ours
 * @param titleMismatches pages whose titles differ
 * @param textMismatches  pages where the reference's text is not found, in order, in ours
 */
public record VerifyReport(int pagesChecked, int articles, List<String> missing, List<Mismatch> titleMismatches,
        List<Mismatch> textMismatches) {

    public VerifyReport {
        missing = List.copyOf(missing);
        titleMismatches = List.copyOf(titleMismatches);
        textMismatches = List.copyOf(textMismatches);
    }

    /**
     * One difference.
     *
     * @param url      the page's URL path
     * @param expected the reference's words from the first difference on
     * @param actual   our words at that place
     */
    public record Mismatch(String url, String expected, String actual) {
    }

    /** Whether ours has every page, title and text of the reference. */
    public boolean passed() {
        return missing.isEmpty() && titleMismatches.isEmpty() && textMismatches.isEmpty();
    }

    /** Pages present in ours. */
    public int present() {
        return pagesChecked - missing.size();
    }
}
